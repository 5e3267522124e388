/**
 * The training panel: a training set built from files and drawings, fine-tuning of the main
 * model on it (`fineTune()` from script), and the weights controls.
 */
import { fineTuneNumbers } from '../shared/fine-tune-numbers.js';
import { html, nothing } from 'lit';
import { format, formatNumber } from '../shared/i18n.js';
import { paintImage } from '../shared/paint-image.js';
import type { DrawPad } from '../shared/draw-pad.js';
import { imageToIndices, indicesToValues } from '../../src/data/pixel-images.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';
import type { CanvasContext } from './context.js';
import { MODELS, mainKeyOf } from './painters.js';
import type { PaintingScheduler } from './painting-scheduler.js';
import type { PixelFineTuneOptions } from './types.js';
import { TrainingProgress } from '../shared/training-progress.js';
import { indicesOf } from '../../src/worker/image-inputs.js';

export class TrainingPanel {
  #trainingSet: { values: Int32Array; thumbnail: ImageData }[] = [];
  readonly #progress: TrainingProgress;

  constructor(
    private readonly context: CanvasContext,
    private readonly painting: PaintingScheduler,
  ) {
    this.#progress = new TrainingProgress(context.host);
  }

  /** See PixelRnnCanvas.fineTune. */
  async fineTune(
    data: ArrayLike<ImageInput> | Iterable<ImageInput>,
    options: PixelFineTuneOptions = {},
  ): Promise<TrainingResult> {
    checkFineTuneOptions(options);
    await this.context.modelReady();
    const format = this.#mainFormat();
    const indices = await indicesOf(Array.from(data as Iterable<ImageInput>), format);
    return this.#fineTuneIndices(indices, options);
  }

  async #fineTuneIndices(
    images: Int32Array[],
    options: PixelFineTuneOptions,
  ): Promise<TrainingResult> {
    const { settings, painters } = this.context;
    if (images.length === 0) throw new RangeError(this.context.strings().emptyTrainingSet);
    // The weights are about to change: a drawing in progress would mix two models.
    this.painting.cancel();
    const key = mainKeyOf(settings);
    const format = painters.formatOf(key);
    return this.context.runTraining(
      (signal, report) =>
        painters
          .get(key)!
          .train(
            'fineTune',
            [
              images.map((indices) => indicesToValues(indices, format)),
              fineTuneNumbers(options, { steps: 50, learningRate: 3e-4 }, this.context.nextSeed()),
            ],
            {
              signal,
              onProgress: (progress) => {
                report(progress);
                this.#progress.record(progress);
              },
            },
          ),
      options.signal,
    );
  }

  #mainFormat() {
    return this.context.painters.formatOf(mainKeyOf(this.context.settings));
  }

  #add(values: Int32Array[]): void {
    const key = mainKeyOf(this.context.settings);
    this.#trainingSet = [
      ...this.#trainingSet,
      ...values.map((v) => ({ values: v, thumbnail: this.context.painters.thumbnail(key, v) })),
    ];
    this.context.host.requestUpdate();
  }

  async #onAddFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    await this.context.guard('training', async () => {
      const format = this.#mainFormat();
      this.#add(await Promise.all(files.map((file) => imageToIndices(file, format))));
    });
  }

  /** Adds the digit drawn on the completion panel's pad. */
  async #onAddDrawing(): Promise<void> {
    const pad = this.context.root().querySelector<DrawPad>('ge-draw-pad');
    if (!pad || pad.isEmpty) return;
    await this.context.guard('training', async () => {
      this.#add([await imageToIndices(pad.toImageData(), this.#mainFormat())]);
      pad.clear();
    });
  }

  #onClear(): void {
    this.#trainingSet = [];
    this.context.host.requestUpdate();
  }

  #onTrain(): void {
    const steps = Number(
      this.context.root().querySelector<HTMLInputElement>('input.train-steps')?.value ?? 50,
    );
    void this.context.guard('training', () =>
      this.#fineTuneIndices(
        this.#trainingSet.map((item) => item.values),
        { steps },
      ),
    );
  }

  render(ready: boolean) {
    const context = this.context;
    const folder = MODELS[mainKeyOf(context.settings)].folder;
    return html`<details part="training">
      <summary>${context.strings().fineTune}</summary>
      ${context.shows('training') ? this.#renderFineTune(ready) : nothing}
      ${context.shows('weights') ? context.renderWeightControls(folder, ready) : nothing}
    </details>`;
  }

  #renderFineTune(ready: boolean) {
    const s = this.context.strings();
    const training = this.context.isTraining();
    const trainingSet = this.#trainingSet;
    return html`<div class="row">
        <label
          >${s.addFiles}
          <input
            type="file"
            class="training-files"
            accept="image/*"
            multiple
            ?disabled=${!ready}
            @change=${(event: Event) => this.#onAddFiles(event)}
        /></label>
        ${this.context.settings.dataset === 'digits' ? html`<button type="button" ?disabled=${!ready} @click=${() => this.#onAddDrawing()}>${s.addDrawing}</button>` : nothing}
        <button
          type="button"
          ?disabled=${training || !trainingSet.length}
          @click=${() => this.#onClear()}
        >
          ${s.clearTrainingSet}
        </button>
      </div>
      <p class="note">${format(s.trainingSet, { count: trainingSet.length })}</p>
      <div class="held-out">
        ${trainingSet.map((item) => html`<canvas ${paintImage(item.thumbnail)}></canvas>`)}
      </div>
      <div class="row">
        <label
          >${s.steps} <input class="train-steps" type="number" min="1" max="5000" value="50"
        /></label>
        <button
          type="button"
          class="primary"
          ?disabled=${!ready || training || !trainingSet.length}
          @click=${() => this.#onTrain()}
        >
          ${s.startTraining}
        </button>
        <button type="button" ?disabled=${!training} @click=${() => this.context.stopTraining()}>
          ${s.stop}
        </button>
      </div>
      ${this.#progress.render(({ step, totalSteps, losses }) =>
        format(s.trainProgress, {
          step,
          total: totalSteps,
          loss: formatNumber(this.context.lang(), losses.nll),
        }),
      )}`;
  }
}
