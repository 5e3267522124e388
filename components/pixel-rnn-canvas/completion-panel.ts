/**
 * The completion panel: the reader picks a top half (a held-out image, an upload, a drawing) and
 * how many rows to keep, and the model draws the rest. `complete()` is the same from script.
 */
import { html, nothing } from 'lit';
import { format } from '../shared/i18n.js';
import { cssProperties } from '../shared/css-properties.js';
import { paintImage } from '../shared/paint-image.js';
import type { DrawPad } from '../shared/draw-pad.js';
import type { PalettePad } from './palette-pad.js';
import { imageToIndices, loadImageStrip, valuesToRgb } from '../../src/data/pixel-images.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import { pixelRnnFiles, type ModelKey } from './assets.js';
import type { CanvasContext } from './context.js';
import { imageSizeOf, mainKeyOf } from './painters.js';
import { saturationOf, type Saturation } from './panel.js';
import type { PaintingScheduler } from './painting-scheduler.js';

const HELD_OUT_SHOWN = 16;

/** Images the model never trained on, to complete and to compare colours with. */
interface HeldOut {
  key: ModelKey;
  images: Int32Array[];
  thumbnails: ImageData[];
  saturation: Saturation;
}

export class CompletionPanel {
  #heldOut: HeldOut | null = null;
  /** The image whose top rows are kept. */
  #source: { indices: Int32Array; thumbnail: ImageData } | null = null;
  #fromRow = 8;

  constructor(
    private readonly context: CanvasContext,
    private readonly painting: PaintingScheduler,
  ) {}

  /** The held-out images' saturation, beside each drawing's own. */
  get dataSaturation(): Saturation | undefined {
    return this.#heldOut?.saturation;
  }

  /** Keeps the top half when the model (and so the image size) changes. */
  resetFromRow(): void {
    this.#setFromRow(Math.floor(imageSizeOf(this.context.settings) / 2));
  }

  /** Keeps `fromRow` at least `lowest` and below the image's last row. */
  fitFromRow(lowest: number): void {
    const size = imageSizeOf(this.context.settings);
    this.#setFromRow(Math.min(Math.max(lowest, this.#fromRow), size - 1));
  }

  /** Loads the main model's held-out strip, unless it is the one loaded. */
  async loadHeldOut(): Promise<void> {
    const { settings, painters } = this.context;
    const key = mainKeyOf(settings);
    if (this.#heldOut?.key === key) return;
    const format = painters.formatOf(key);
    const images = await loadImageStrip(pixelRnnFiles(key).heldOutSample, format);
    this.#heldOut = {
      key,
      images,
      thumbnails: images
        .slice(0, HELD_OUT_SHOWN)
        .map((indices) => painters.thumbnail(key, indices)),
      saturation: saturationOf(
        images.map((indices) => valuesToRgb(indices, { ...format, encoding: 'one-hot' })),
      ),
    };
    this.#source = null;
    this.context.host.requestUpdate();
  }

  /** See PixelRnnCanvas.complete. */
  async complete(image: ImageInput, options: { fromRow?: number } = {}): Promise<ImageData[]> {
    await this.context.modelReady();
    const size = imageSizeOf(this.context.settings);
    const fromRow = options.fromRow ?? Math.floor(size / 2);
    if (!Number.isInteger(fromRow) || fromRow < 0 || fromRow > size) {
      throw new RangeError(
        `complete: fromRow must be a whole number from 0 to ${size}, got ${fromRow}.`,
      );
    }
    const indices = await imageToIndices(image, this.#mainFormat());
    const panels = await this.painting.paint({ given: indices, fromRow });
    return panels[0].images;
  }

  #mainFormat() {
    return this.context.painters.formatOf(mainKeyOf(this.context.settings));
  }

  #setFromRow(fromRow: number): void {
    this.#fromRow = fromRow;
    this.context.host.requestUpdate();
  }

  #useSource(indices: Int32Array): void {
    const key = mainKeyOf(this.context.settings);
    this.#source = { indices, thumbnail: this.context.painters.thumbnail(key, indices) };
    this.context.host.requestUpdate();
  }

  #onUpload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file)
      void this.context.guard('completion', async () =>
        this.#useSource(await imageToIndices(file, this.#mainFormat())),
      );
  }

  get #pad(): DrawPad | null {
    return this.context.root().querySelector('ge-draw-pad');
  }

  get #palettePad(): PalettePad | null {
    return this.context.root().querySelector('ge-palette-pad');
  }

  #onUsePainting(): void {
    const pad = this.#palettePad;
    if (pad && !pad.isEmpty) this.#useSource(pad.indices);
  }

  #onUseDrawing(): void {
    const pad = this.#pad;
    if (!pad || pad.isEmpty) return;
    void this.context.guard('completion', async () =>
      this.#useSource(await imageToIndices(pad.toImageData(), this.#mainFormat())),
    );
  }

  #onComplete(): void {
    const source = this.#source;
    if (!source) return;
    void this.context.guard('completion', () =>
      this.painting.paint({ given: source.indices, fromRow: this.#fromRow, holdOffScreen: true }),
    );
  }

  render(ready: boolean) {
    const s = this.context.strings();
    const { settings } = this.context;
    const size = imageSizeOf(settings);
    const source = this.#source;
    return html`<details part="completion" class="completion">
      <summary>${s.completion}</summary>
      <p class="note">${format(s.completionIntro, { count: settings.count })}</p>
      <h3>${s.heldOut}</h3>
      <div class="held-out">
        ${(this.#heldOut?.thumbnails ?? []).map(
          (thumbnail, i) =>
            html`<button
              type="button"
              ?disabled=${!ready}
              aria-label=${format(s.heldOutLabel, { n: i + 1 })}
              @click=${() => this.#useSource(this.#heldOut!.images[i])}
            >
              <canvas ${paintImage(thumbnail)}></canvas>
            </button>`,
        )}
      </div>
      <div class="row">
        <label
          >${s.upload}
          <input
            type="file"
            class="completion-file"
            accept="image/*"
            ?disabled=${!ready}
            @change=${(event: Event) => this.#onUpload(event)}
        /></label>
      </div>
      ${
        settings.dataset === 'digits'
          ? html`<div class="row">
              <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
              <button type="button" @click=${() => this.#onUseDrawing()}>${s.useDrawing}</button>
              <button type="button" @click=${() => this.#pad?.clear()}>${s.clear}</button>
            </div>`
          : html`<div class="row">
              <ge-palette-pad
                .palette=${this.#mainFormat().palette}
                .size=${size}
                .label=${s.paintHere}
                .colourLabel=${(k: number) => format(s.colour, { n: k + 1 })}
              ></ge-palette-pad>
              <button type="button" class="use-painting" @click=${() => this.#onUsePainting()}>
                ${s.useDrawing}
              </button>
              <button type="button" @click=${() => this.#palettePad?.clear()}>${s.clear}</button>
            </div>`
      }
      ${
        source
          ? html`<div class="row given">
              <div
                class="image small ${settings.dataset === 'digits' ? 'dark' : ''}"
                aria-label=${s.givenImage}
                role="img"
              >
                <canvas ${paintImage(source.thumbnail)}></canvas>
                <div
                  class="given-line"
                  ${cssProperties({ top: `${(this.#fromRow / size) * 100}%` })}
                ></div>
                <div
                  class="given-mask"
                  ${cssProperties({ top: `${(this.#fromRow / size) * 100}%` })}
                ></div>
              </div>
              <label
                >${format(s.keepRows, { rows: this.#fromRow })}
                <input
                  type="range"
                  class="from-row"
                  min="1"
                  max=${size - 1}
                  .value=${String(this.#fromRow)}
                  @input=${(event: Event) => this.#setFromRow(Number((event.target as HTMLInputElement).value))}
              /></label>
              <button
                type="button"
                class="primary complete"
                ?disabled=${!ready || this.context.isTraining()}
                @click=${() => this.#onComplete()}
              >
                ${s.complete}
              </button>
            </div>`
          : nothing
      }
    </details>`;
  }
}
