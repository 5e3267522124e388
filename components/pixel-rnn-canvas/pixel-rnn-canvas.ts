import type { ModelWeights } from '../../src/worker/model-weights.js';
import type { Parsed } from '../shared/parsed.js';
import type { PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { defineElement } from '../shared/define.js';
// The pads the completion panel renders: defined with the element, and their tag types declared
// with its types.
import '../shared/draw-pad.js';
import './palette-pad.js';
import { canvasStyles } from './styles.js';
import { STRINGS } from './strings.js';
import {
  parseCompare,
  parseCount,
  parseDataset,
  parseEncoding,
  parseSpeed,
  parseTemperature,
  COUNT,
  SPEED,
  TEMPERATURE,
  type Dataset,
  type Encoding,
  type AttributeProblem,
  type Speed,
} from './attributes.js';
import type { PixelValues } from '../../src/data/pixel-images.js';
import { pixelRnnPreview, type ModelKey } from './assets.js';
import type { BundledWeights, WeightsSource } from '../../src/runtime/weights-source.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import type { CanvasContext } from './context.js';
import type { CanvasSettings, PixelFineTuneOptions } from './types.js';
import { mainKeyOf, MODELS, PainterSet, panelKeysOf } from './painters.js';
import { nextFrame, PaintingCancelled, PaintingScheduler } from './painting-scheduler.js';
import { PredictionView } from './prediction-view.js';
import { CompletionPanel } from './completion-panel.js';
import { TrainingPanel } from './training-panel.js';
import { renderCanvasElement } from './templates.js';

import type { GenerateEndDetail } from './types.js';
export type { GenerateEndDetail, PixelFineTuneOptions, PixelRnnPanelResult } from './types.js';

/**
 * A PixelRNN paints images one pixel at a time while you watch, with the distribution it
 * predicted for each pixel beside the canvas; it can finish an image whose top you give it;
 * `compare` sets a softmax-over-palette model beside a sigmoid-RGB one.
 *
 * @customElement pixel-rnn-canvas
 * @fires generate-end - `{images, nll, panels}` when a drawing (or a completion) finishes.
 * @csspart panels - The row of drawing panels.
 * @csspart panel - One model's panel (two when comparing).
 * @csspart prediction - The bars of the predicted distribution for one pixel.
 * @csspart completion - The completion controls.
 * @csspart training - The fine-tuning and weights panel.
 * @cssprop --ge-canvas-size - Width of each drawing.
 */
export class PixelRnnCanvas extends GenerativeElement {
  static override properties = {
    ...GenerativeElement.properties,
    datasetName: { attribute: 'dataset', noAccessor: true },
    colorEncoding: { attribute: 'color-encoding', noAccessor: true },
    compare: { type: Boolean, reflect: true },
    temperature: { noAccessor: true },
    speed: { noAccessor: true },
    autoplay: { type: Boolean },
    count: { noAccessor: true },
  };
  static override styles = [sharedStyles, canvasStyles];
  static override controlParts = [
    'playback',
    'prediction',
    'completion',
    'training',
    'weights',
    'share',
  ];

  /** Draw the one-hot and the sigmoid model side by side (emoji only). */
  compare = false;
  /** Start generating once the model is ready. */
  autoplay = false;

  /** The attribute values in use, updated in place by `willUpdate` (the parts read them). */
  readonly #settings: CanvasSettings = {
    dataset: 'emoji',
    encoding: 'one-hot',
    comparing: false,
    temperature: TEMPERATURE.default,
    speed: SPEED.default,
    count: COUNT.default,
  };
  readonly #painters = new PainterSet();
  /** What the parts use of the element: GenerativeElement's services are protected. */
  readonly #context: CanvasContext = {
    ...this.createContext(() => this.strings),
    settings: this.#settings,
    painters: this.#painters,
  };

  // The element's parts, each a class of its own file that asks the element to render when its
  // state changes.
  readonly #prediction: PredictionView = new PredictionView(
    this.#context,
    () => this.#painting.panels,
  );
  readonly #painting: PaintingScheduler = new PaintingScheduler(this.#context, this.#prediction);
  readonly #completionPanel: CompletionPanel = new CompletionPanel(this.#context, this.#painting);
  readonly #trainingPanel: TrainingPanel = new TrainingPanel(this.#context, this.#painting);

  /**
   * The images (attribute `dataset`; the property `dataset` is the DOM's map of data-*
   * attributes): `emoji` (default; 16×16 in a palette) or `digits` (28×28, black and white).
   */
  get datasetName(): Dataset {
    return parseDataset(this.attributeText('dataset')).value;
  }
  set datasetName(value: Dataset | string | null) {
    this.setAttributeText('datasetName', value);
  }

  /** How a pixel's colour is predicted: `one-hot` (a softmax over the palette, default) or `sigmoid` (RGB). */
  get colorEncoding(): Encoding {
    return parseEncoding(this.attributeText('color-encoding'), this.datasetName).value;
  }
  set colorEncoding(value: Encoding | string | null) {
    this.setAttributeText('colorEncoding', value);
  }

  /** Sampling temperature, 0.05–5 (default 1; outside, the nearest is used): lower is safer, higher is wilder. */
  get temperature(): number {
    return parseTemperature(this.attributeText('temperature')).value;
  }
  set temperature(value: number | string | null) {
    this.setAttributeText('temperature', value);
  }

  /** Pixels drawn per animation frame (default 8), or `instant`. */
  get speed(): Speed {
    return parseSpeed(this.attributeText('speed')).value;
  }
  set speed(value: Speed | string | null) {
    this.setAttributeText('speed', value);
  }

  /** Images drawn in parallel, 1–16 (default 1). */
  get count(): number {
    return parseCount(this.attributeText('count')).value;
  }
  set count(value: number | string | null) {
    this.setAttributeText('count', value);
  }

  private get strings() {
    return STRINGS[this.lang_];
  }

  protected override defaultPoster(): string | null {
    return pixelRnnPreview(this.#settings.dataset);
  }

  /** The model the attributes select (the one-hot one when comparing). */
  private get mainKey(): ModelKey {
    return mainKeyOf(this.#settings);
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.#settings;
    const check = <T>(
      attribute: string,
      parsed: Parsed<T, AttributeProblem>,
      shown?: () => string,
    ) => this.valueInUse(attribute, parsed, this.strings.problems, shown);
    const has = (key: string) => changed.has(key as keyof PixelRnnCanvas);
    const before = panelKeysOf(settings).join();
    const text = (attribute: string) => this.attributeText(attribute);
    if (has('datasetName')) settings.dataset = check('dataset', parseDataset(text('dataset')));
    if (has('datasetName') || has('colorEncoding')) {
      const parsed = parseEncoding(text('color-encoding'), settings.dataset);
      settings.encoding = check('color-encoding', parsed);
    }
    if (has('datasetName') || has('compare')) {
      const parsed = parseCompare(this.compare, settings.dataset);
      settings.comparing = check('compare', parsed, () => 'off');
    }
    if (has('temperature'))
      settings.temperature = check('temperature', parseTemperature(text('temperature')));
    if (has('speed')) settings.speed = check('speed', parseSpeed(text('speed')));
    if (has('count')) settings.count = check('count', parseCount(text('count')));
    if (before !== panelKeysOf(settings).join() && this.phase !== 'idle') {
      // Another model (or pair): stop the drawing in progress, load what is needed, start afresh.
      this.#painting.cancel();
      this.#completionPanel.resetFromRow();
      void this.guard('weights', () =>
        this.rebuilding(async () => {
          await this.ensurePainters(null);
          await this.drawFirstOutput();
        }),
      );
    }
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    await this.ensurePainters(source);
  }

  protected override weightsToPrefetch(): BundledWeights[] {
    return this.#painters.bundledToLoad(this.#settings, this.weights);
  }

  /** Creates and loads the painters the current panels need; `source` goes to the main model. */
  private async ensurePainters(source: string | null): Promise<void> {
    await this.#painters.ensure(this.#settings, source);
    this.#completionPanel.fitFromRow(0);
    await this.#completionPanel.loadHeldOut();
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    this.#painting.cancel();
    await this.#painters.loadWeights(this.mainKey, source);
  }

  protected async drawFirstOutput(): Promise<void> {
    this.#completionPanel.fitFromRow(1);
    this.#prediction.reset();
    if (this.autoplay) {
      // The first output is the drawing under way; `ready` does not wait for all of it.
      this.#generate({ holdOffScreen: true }).catch((cause) => {
        if (!(cause instanceof PaintingCancelled))
          this.showError('generate', this.describe(cause), cause);
      });
      await nextFrame();
    } else {
      this.#painting.clear();
    }
  }

  protected async releaseModel(): Promise<void> {
    await this.#painting.stop();
    await this.#painters.release();
    this.#painting.disposePanels();
  }

  protected override isExpectedInterruption(cause: unknown): boolean {
    return cause instanceof PaintingCancelled;
  }

  // ---- public API --------------------------------------------------------------------------
  /** Draws `count` new images, one pixel at a time, at `speed`; resolves with the main model's images. */
  async generate(): Promise<ImageData[]> {
    return this.#generate({});
  }

  /** A drawing the page asked for runs off screen too; the element's own and the reader's wait. */
  async #generate(options: { holdOffScreen?: boolean }): Promise<ImageData[]> {
    await this.modelReady();
    const panels = await this.#painting.paint(options);
    return panels[0].images;
  }

  /**
   * Keeps rows 0 … fromRow−1 of `image` and lets the model draw the rest, `count` times side by
   * side. The image is shrunk (and for emoji quantised to the palette) first.
   */
  async complete(image: ImageInput, options: { fromRow?: number } = {}): Promise<ImageData[]> {
    return this.#completionPanel.complete(image, options);
  }

  /** Holds the drawing in progress after the current pixel. */
  pause(): void {
    this.#painting.pause();
  }

  /** Continues a drawing held by `pause()`. */
  resume(): void {
    this.#painting.resume();
  }

  /** Fine-tunes the main model on the given images (any size; shrunk and quantised to its palette). */
  async fineTune(
    data: ArrayLike<ImageInput> | Iterable<ImageInput>,
    options: PixelFineTuneOptions = {},
  ): Promise<TrainingResult> {
    return this.#trainingPanel.fineTune(data, options);
  }

  /** The main model's weights are the ones saved and exported. */
  protected weightsModel(): ModelWeights | undefined {
    return this.#painters.get(this.mainKey);
  }

  /** Exports are named after the model's folder, e.g. pixel-rnn-emoji.json + .weights.bin. */
  protected exportName(): string {
    return MODELS[this.mainKey].folder;
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    return renderCanvasElement({
      context: this.#context,
      painting: this.#painting,
      prediction: this.#prediction,
      completion: this.#completionPanel,
      training: this.#trainingPanel,
      generate: () => void this.guard('generate', () => this.#generate({ holdOffScreen: true })),
      togglePause: () => (this.#painting.paused ? this.resume() : this.pause()),
    });
  }
}

export type { PixelValues };

defineElement('pixel-rnn-canvas', PixelRnnCanvas);

declare global {
  interface HTMLElementTagNameMap {
    'pixel-rnn-canvas': PixelRnnCanvas;
  }
  interface HTMLElementEventMap {
    'generate-end': CustomEvent<GenerateEndDetail>;
  }
}
