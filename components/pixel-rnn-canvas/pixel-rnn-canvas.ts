import { html, nothing, type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { format, formatNumber } from '../shared/i18n.js';
import '../shared/draw-pad.js';
import type { DrawPad } from '../shared/draw-pad.js';
import './palette-pad.js';
import type { PalettePad } from './palette-pad.js';
import { canvasStyles } from './styles.js';
import { STRINGS } from './strings.js';
import { renderPredictionBars } from './prediction-bars.js';
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
  type Parsed,
  type Speed,
} from './attributes.js';
import { PainterProxy, type PaintingProxy } from '../../src/worker/painter-proxy.js';
import type { PixelValues } from '../../src/data/pixel-images.js';
import {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
  type PixelRnnConfig,
} from '../../src/models/pixel-rnn-config.js';
import { pixelRnnFiles, pixelRnnPreview, type ModelKey } from './assets.js';
import type {
  BundledWeights,
  WeightsArtifacts,
  WeightsSource,
} from '../../src/runtime/weights-source.js';
import { yieldToBrowser } from '../../src/runtime/step-loop.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import { colouredPixels, meanSaturation, type Palette } from '../../src/data/palette.js';
import {
  DIGIT_PALETTE,
  imageToIndices,
  indicesToValues,
  loadImageStrip,
  rgbToImageData,
  valuesToRgb,
  type PixelFormat,
} from '../../src/data/pixel-images.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import { defineElement } from '../shared/define.js';
import { cssProperties } from '../shared/css-properties.js';
import { paintImage } from '../shared/paint-image.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';

/** The three bundled models. */
const MODELS: Record<ModelKey, { config: PixelRnnConfig; folder: string }> = {
  digits: { config: DIGITS_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-digits' },
  emoji: { config: EMOJI_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-emoji' },
  'emoji-sigmoid': { config: EMOJI_SIGMOID_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-emoji-sigmoid' },
};
const HELD_OUT_SHOWN = 16;
/** Longest a burst of `speed="instant"` drawing holds the main thread before yielding. */
const INSTANT_SLICE_MS = 12;

export interface PixelRnnPanelResult {
  encoding: Encoding;
  images: ImageData[];
  /** −log p(x) of each image under its model, nats. */
  nll: number[];
}
export interface GenerateEndDetail {
  /** The images of the main model (the one-hot one when comparing). */
  images: ImageData[];
  nll: number[];
  /** Every model drawn, in order (two when comparing). */
  panels: PixelRnnPanelResult[];
}
export type PixelFineTuneOptions = FineTuneSettings;

interface Panel {
  key: ModelKey;
  painter: PainterProxy;
  format: PixelFormat;
  painting: PaintingProxy;
  nll: number[] | null;
  saturation: Saturation | null;
}

/** Mean HSV saturation over all pixels, and over the coloured (not near-white) pixels only. */
interface Saturation {
  all: number;
  coloured: number;
}

function saturationOf(rgb: Float32Array): Saturation {
  return { all: meanSaturation(rgb), coloured: meanSaturation(colouredPixels(rgb)) };
}

interface Focus {
  panel: number;
  image: number;
  row: number;
  column: number;
}

class PaintingCancelled extends Error {}

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
    panels: { state: true },
    paused: { state: true },
    progressText: { state: true },
    drawnFocus: { state: true },
    hover: { state: true },
    heldOut: { state: true },
    completionSource: { state: true },
    fromRow: { state: true },
    trainingSet: { state: true },
    trainingProgress: { state: true },
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

  #dataset: Dataset = 'emoji';
  #encoding: Encoding = 'one-hot';
  #comparing = false;
  #temperature: number = TEMPERATURE.default;
  #speed: Speed = SPEED.default;
  #count: number = COUNT.default;

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

  /** Sampling temperature, > 0 (default 1): lower is safer, higher is wilder. */
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

  private readonly painters = new Map<ModelKey, PainterProxy>();
  private readonly palettes = new Map<ModelKey, Palette>();
  private readonly retainedWeights = new Map<ModelKey, WeightsArtifacts>();
  private panels: Panel[] = [];
  private paused = false;
  private resumePainting: (() => void) | undefined;
  /** Bumped to cancel the painting in progress. */
  private paintingRun = 0;
  private painting: Promise<unknown> | undefined;
  private progressText = '';
  /** The pixel whose prediction the bars show: the one just drawn, or the hovered one. */
  private drawnFocus: Focus | null = null;
  private hover: Focus | null = null;
  private heldOut: {
    key: ModelKey;
    images: Int32Array[];
    thumbnails: ImageData[];
    saturation: Saturation;
  } | null = null;
  private completionSource: { indices: Int32Array; thumbnail: ImageData } | null = null;
  private fromRow = 8;
  private trainingSet: { values: Int32Array; thumbnail: ImageData }[] = [];
  private trainingProgress: { step: number; total: number; loss: number } | null = null;

  private get strings() {
    return STRINGS[this.lang_];
  }

  protected override defaultPoster(): string | null {
    return this.#dataset === 'emoji' ? pixelRnnPreview() : null;
  }

  /** The model the attributes select (the one-hot one when comparing). */
  private get mainKey(): ModelKey {
    if (this.#dataset === 'digits') return 'digits';
    return this.#encoding === 'sigmoid' && !this.#comparing ? 'emoji-sigmoid' : 'emoji';
  }

  private get panelKeys(): ModelKey[] {
    return this.#comparing ? ['emoji', 'emoji-sigmoid'] : [this.mainKey];
  }

  private get size(): number {
    return MODELS[this.mainKey].config.height;
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const check = <T>(attribute: string, parsed: Parsed<T>, shown: (v: T) => string) =>
      this.checkAttribute(
        attribute,
        !parsed.problem,
        shown(parsed.value),
        parsed.problem ? this.strings.problems[parsed.problem] : '',
      );
    const has = (key: string) => changed.has(key as keyof PixelRnnCanvas);
    const before = this.panelKeys.join();
    const text = (attribute: string) => this.attributeText(attribute);
    if (has('datasetName')) {
      const parsed = parseDataset(text('dataset'));
      check('dataset', parsed, (v) => v);
      this.#dataset = parsed.value;
    }
    if (has('datasetName') || has('colorEncoding')) {
      const parsed = parseEncoding(text('color-encoding'), this.#dataset);
      check('color-encoding', parsed, (v) => v);
      this.#encoding = parsed.value;
    }
    if (has('datasetName') || has('compare')) {
      const parsed = parseCompare(this.compare, this.#dataset);
      this.checkAttribute(
        'compare',
        !parsed.problem,
        'off',
        parsed.problem ? this.strings.problems[parsed.problem] : '',
      );
      this.#comparing = parsed.value;
    }
    if (has('temperature')) {
      const parsed = parseTemperature(text('temperature'));
      check('temperature', parsed, String);
      this.#temperature = parsed.value;
    }
    if (has('speed')) {
      const parsed = parseSpeed(text('speed'));
      check('speed', parsed, String);
      this.#speed = parsed.value;
    }
    if (has('count')) {
      const parsed = parseCount(text('count'));
      check('count', parsed, String);
      this.#count = parsed.value;
    }
    if (before !== this.panelKeys.join() && this.phase !== 'idle') {
      // Another model (or pair): stop the drawing in progress, load what is needed, start afresh.
      this.cancelPainting();
      this.fromRow = Math.floor(this.size / 2);
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

  /** Creates and loads the painters the current panels need; `source` goes to the main model. */
  private async ensurePainters(source: string | null): Promise<void> {
    for (const key of this.panelKeys) {
      const existing = this.painters.get(key);
      if (existing && !(key === this.mainKey && source)) continue;
      const painter = existing ?? (await PainterProxy.open(MODELS[key].config));
      try {
        const retained = this.retainedWeights.get(key);
        if (retained) await painter.setWeights(retained);
        else
          await painter.loadWeights(key === this.mainKey && source ? source : bundledWeights(key));
        this.retainedWeights.delete(key);
      } catch (error) {
        if (!existing) painter.dispose();
        throw error;
      }
      this.painters.set(key, painter);
    }
    this.fromRow = Math.min(this.fromRow, this.size - 1);
    if (this.heldOut?.key !== this.mainKey) {
      const format = this.formatOf(this.mainKey);
      const images = await loadImageStrip(pixelRnnFiles(this.mainKey).heldOutSample, format);
      this.heldOut = {
        key: this.mainKey,
        images,
        thumbnails: images.slice(0, HELD_OUT_SHOWN).map((indices) => this.thumbnail(indices)),
        saturation: saturationOf(
          concat(images.map((indices) => valuesToRgb(indices, { ...format, encoding: 'one-hot' }))),
        ),
      };
      this.completionSource = null;
    }
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    this.cancelPainting();
    const key = this.mainKey;
    const painter = this.painters.get(key)!;
    await painter.loadWeights(source === 'bundled' ? bundledWeights(key) : source);
  }

  protected async drawFirstOutput(): Promise<void> {
    this.fromRow = Math.min(Math.max(1, this.fromRow), this.size - 1);
    this.drawnFocus = null;
    this.hover = null;
    if (this.autoplay) {
      // The first output is the drawing under way; `ready` does not wait for all of it.
      this.generate().catch((cause) => {
        if (!(cause instanceof PaintingCancelled))
          this.showError('generate', this.describe(cause), cause);
      });
      await this.nextFrame();
    } else {
      this.panels = [];
      this.progressText = '';
    }
  }

  protected async releaseModel(): Promise<void> {
    this.cancelPainting();
    await this.painting?.catch(() => undefined);
    for (const [key, painter] of this.painters) {
      this.retainedWeights.set(key, await painter.getWeights());
      painter.dispose();
    }
    this.painters.clear();
    for (const panel of this.panels) panel.painting.dispose();
    this.panels = [];
  }

  // ---- public API --------------------------------------------------------------------------
  /** Draws `count` new images, one pixel at a time, at `speed`; resolves with the main model's images. */
  async generate(): Promise<ImageData[]> {
    await this.modelReady();
    const panels = await this.paint({});
    return panels[0].images;
  }

  /**
   * Keeps rows 0 … fromRow−1 of `image` and lets the model draw the rest, `count` times side by
   * side. The image is shrunk (and for emoji quantised to the palette) first.
   */
  async complete(image: ImageInput, options: { fromRow?: number } = {}): Promise<ImageData[]> {
    await this.modelReady();
    const size = this.size;
    const fromRow = options.fromRow ?? Math.floor(size / 2);
    if (!Number.isInteger(fromRow) || fromRow < 0 || fromRow > size) {
      throw new RangeError(
        `complete: fromRow must be a whole number from 0 to ${size}, got ${fromRow}.`,
      );
    }
    const indices = await imageToIndices(image, this.formatOf(this.mainKey));
    const panels = await this.paint({ given: indices, fromRow });
    return panels[0].images;
  }

  /** Holds the drawing in progress after the current pixel. */
  pause(): void {
    if (this.painting) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.resumePainting?.();
  }

  /** Fine-tunes the main model on the given images (any size; shrunk and quantised to its palette). */
  async fineTune(
    data: ArrayLike<ImageInput> | Iterable<ImageInput>,
    options: PixelFineTuneOptions = {},
  ): Promise<TrainingResult> {
    checkFineTuneOptions(options);
    await this.modelReady();
    const format = this.formatOf(this.mainKey);
    const indices = await Promise.all(
      Array.from(data as Iterable<ImageInput>, (image) => imageToIndices(image, format)),
    );
    return this.fineTuneIndices(indices, options);
  }

  /** The main model's weights are the ones saved and exported. */
  protected weightsModel(): PainterProxy | undefined {
    return this.painters.get(this.mainKey);
  }

  /** Exports are named after the model's folder, e.g. pixel-rnn-emoji.json + .weights.bin. */
  protected exportName(): string {
    return MODELS[this.mainKey].folder;
  }

  // ---- drawing -----------------------------------------------------------------------------
  private formatOf(key: ModelKey): PixelFormat {
    const { config } = MODELS[key];
    const loaded = this.painters.get(key)?.palette;
    // Remembered, so the UI keeps its colours while the model is away (removed from the page).
    if (loaded) this.palettes.set(key, loaded);
    const palette =
      key === 'digits'
        ? DIGIT_PALETTE
        : (this.palettes.get(key) ?? this.palettes.get('emoji') ?? DIGIT_PALETTE);
    return {
      size: config.height,
      encoding: config.encoding,
      palette,
      kind: key === 'digits' ? 'digits' : 'colour',
    };
  }

  private cancelPainting(): void {
    this.paintingRun++;
    this.paused = false;
    this.resumePainting?.();
  }

  /** Runs one drawing on every panel; a newer drawing cancels an older one. */
  private async paint(options: {
    given?: Int32Array;
    fromRow?: number;
  }): Promise<PixelRnnPanelResult[]> {
    this.cancelPainting();
    await this.painting?.catch(() => undefined);
    const run = this.paintingRun;
    const task = this.paintRun(run, options);
    this.painting = task;
    try {
      return await task;
    } finally {
      if (this.painting === task) this.painting = undefined;
    }
  }

  private async paintRun(
    run: number,
    options: { given?: Int32Array; fromRow?: number },
  ): Promise<PixelRnnPanelResult[]> {
    for (const panel of this.panels) panel.painting.dispose();
    this.panels = [];
    const panels = await Promise.all(
      this.panelKeys.map(async (key): Promise<Panel> => {
        const painter = this.painters.get(key)!;
        const format = this.formatOf(key);
        const painting = await painter.startPainting({
          count: this.#count,
          temperature: this.#temperature,
          seed: this.rng.nextSeed(),
          given: options.given ? indicesToValues(options.given, format) : undefined,
          fromRow: options.fromRow ?? 0,
        });
        return { key, painter, format, painting, nll: null, saturation: null };
      }),
    );
    if (run !== this.paintingRun) throw this.cancel(panels);
    this.panels = panels;
    this.drawnFocus = null;
    this.hover = null;
    this.clearError('generate');
    await this.updateComplete;
    const total = this.size * this.size;
    let drawnSinceFrame = 0;
    let sliceStart = performance.now();
    while (!panels.every((p) => p.painting.done)) {
      if (run !== this.paintingRun) throw this.cancel(panels);
      if (this.paused) {
        this.redraw(panels);
        await new Promise<void>((resolve) => (this.resumePainting = resolve));
        this.resumePainting = undefined;
        continue;
      }
      if (!this.isOnScreen) {
        // Off screen the drawing waits where it is, and goes on when the element is back.
        this.redraw(panels);
        await this.whenOnScreen();
        continue;
      }
      let position = { row: 0, column: 0 };
      for (const panel of panels) if (!panel.painting.done) position = await panel.painting.step();
      drawnSinceFrame++;
      this.drawnFocus = { panel: 0, image: 0, ...position };
      const instant = this.#speed === 'instant';
      if (
        instant
          ? performance.now() - sliceStart > INSTANT_SLICE_MS
          : drawnSinceFrame >= (this.#speed as number)
      ) {
        this.progressText = format(this.strings.drawing, {
          pixel: position.row * this.size + position.column + 1,
          total,
        });
        this.redraw(panels);
        await (instant ? yieldToBrowser() : this.nextFrame());
        drawnSinceFrame = 0;
        sliceStart = performance.now();
      }
    }
    if (run !== this.paintingRun) throw this.cancel(panels);
    for (const panel of panels) {
      panel.nll = Array.from(await panel.painter.nll(panel.painting.images));
      panel.saturation = saturationOf(
        concat(panel.painting.images.map((values) => valuesToRgb(values, panel.format))),
      );
    }
    this.progressText = this.strings.finished;
    this.redraw(panels);
    this.requestUpdate();
    const results = panels.map((panel) => ({
      encoding: panel.format.encoding,
      images: panel.painting.images.map((values) =>
        rgbToImageData(valuesToRgb(values, panel.format), panel.format.size),
      ),
      nll: panel.nll!,
    }));
    this.emit<GenerateEndDetail>('generate-end', {
      images: results[0].images,
      nll: results[0].nll,
      panels: results,
    });
    return results;
  }

  private cancel(panels: Panel[]): PaintingCancelled {
    for (const panel of panels) panel.painting.dispose();
    if (this.panels === panels) this.panels = [];
    return new PaintingCancelled('The drawing was replaced by a newer one.');
  }

  /** A frame, or 100 ms where frames do not come (a hidden tab). */
  private nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 100);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Paints every image of every panel into its canvas; pixels not yet drawn are shaded. */
  private redraw(panels: Panel[]): void {
    panels.forEach((panel, p) => {
      const { size } = panel.format;
      const { row, column } = panel.painting.position;
      const drawn = panel.painting.done ? size * size : row * size + column;
      const undrawn = panel.key === 'digits' ? [40, 40, 48] : [229, 231, 235];
      panel.painting.images.forEach((values, i) => {
        const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(
          `canvas[data-panel="${p}"][data-image="${i}"]`,
        );
        if (!canvas) return;
        const image = rgbToImageData(valuesToRgb(values, panel.format), size);
        for (let pixel = drawn; pixel < size * size; pixel++) image.data.set(undrawn, pixel * 4);
        canvas.getContext('2d')!.putImageData(image, 0, 0);
      });
    });
    this.requestUpdate();
  }

  private async fineTuneIndices(
    images: Int32Array[],
    options: PixelFineTuneOptions,
  ): Promise<TrainingResult> {
    if (images.length === 0) throw new RangeError(this.strings.emptyTrainingSet);
    this.cancelPainting();
    const key = this.mainKey;
    const format = this.formatOf(key);
    const steps = Math.max(1, Math.min(Math.round(options.steps ?? 50), 100000));
    return this.runTraining(
      (signal, report) =>
        this.painters.get(key)!.fineTune(
          images.map((indices) => indicesToValues(indices, format)),
          {
            steps,
            learningRate: options.learningRate ?? 3e-4,
            batchSize: options.batchSize,
            seed: this.rng.nextSeed(),
            signal,
            onProgress: (progress) => {
              report(progress);
              this.trainingProgress = {
                step: progress.step,
                total: progress.totalSteps,
                loss: progress.losses.nll,
              };
            },
          },
        ),
      options.signal,
    );
  }

  protected override isExpectedInterruption(cause: unknown): boolean {
    return cause instanceof PaintingCancelled;
  }

  // ---- UI handlers ---------------------------------------------------------------------------
  private onHover(event: PointerEvent, panel: number, image: number): void {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const size = this.panels[panel]?.format.size ?? this.size;
    const column = Math.min(
      size - 1,
      Math.max(0, Math.floor(((event.clientX - rect.left) / rect.width) * size)),
    );
    const row = Math.min(
      size - 1,
      Math.max(0, Math.floor(((event.clientY - rect.top) / rect.height) * size)),
    );
    const predictions = this.panels[panel]?.painting.predictions[image];
    const depth = this.panels[panel]?.painter.distributionDepth ?? 1;
    this.hover =
      predictions && !Number.isNaN(predictions[(row * size + column) * depth])
        ? { panel, image, row, column }
        : null;
  }

  private get pad(): DrawPad | null {
    return this.renderRoot.querySelector('ge-draw-pad');
  }

  private async useSource(indices: Int32Array) {
    this.completionSource = { indices, thumbnail: this.thumbnail(indices) };
  }

  private onUpload(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file)
      void this.guard('completion', async () =>
        this.useSource(await imageToIndices(file, this.formatOf(this.mainKey))),
      );
  }

  private get palettePad(): PalettePad | null {
    return this.renderRoot.querySelector('ge-palette-pad');
  }

  private onUsePainting() {
    const pad = this.palettePad;
    if (pad && !pad.isEmpty) void this.useSource(pad.indices);
  }

  private onUseDrawing() {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    void this.guard('completion', async () =>
      this.useSource(await imageToIndices(pad.toImageData(), this.formatOf(this.mainKey))),
    );
  }

  private onComplete() {
    const source = this.completionSource;
    if (!source) return;
    void this.guard('completion', () =>
      this.paint({ given: source.indices, fromRow: this.fromRow }),
    );
  }

  private async onAddFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    await this.guard('training', async () => {
      const format = this.formatOf(this.mainKey);
      const added = await Promise.all(files.map((file) => imageToIndices(file, format)));
      this.trainingSet = [
        ...this.trainingSet,
        ...added.map((values) => ({ values, thumbnail: this.thumbnail(values) })),
      ];
    });
  }

  private async onAddDrawing() {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    await this.guard('training', async () => {
      const values = await imageToIndices(pad.toImageData(), this.formatOf(this.mainKey));
      this.trainingSet = [...this.trainingSet, { values, thumbnail: this.thumbnail(values) }];
      pad.clear();
    });
  }

  private thumbnail(indices: Int32Array): ImageData {
    const format = this.formatOf(this.mainKey);
    return rgbToImageData(valuesToRgb(indices, { ...format, encoding: 'one-hot' }), format.size);
  }

  private onTrain() {
    const steps = Number(
      this.renderRoot.querySelector<HTMLInputElement>('input.train-steps')?.value ?? 50,
    );
    void this.guard('training', () =>
      this.fineTuneIndices(
        this.trainingSet.map((item) => item.values),
        { steps },
      ),
    );
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    const s = this.strings;
    const ready = this.phase === 'ready' || this.phase === 'training';
    const drawing = this.painting !== undefined;
    return html`
      <div part="base">
        ${
          this.showsEverything
            ? html`<h2>${s.title}</h2>
                <p class="intro">${s.intro}</p>`
            : nothing
        }
        ${this.renderStatus()}
        ${
          this.shows('playback')
            ? html`<div class="controls">
                <button
                  type="button"
                  class="primary generate"
                  ?disabled=${!ready || this.isTraining}
                  @click=${() => this.guard('generate', () => this.generate())}
                >
                  ${s.generate}
                </button>
                <button
                  type="button"
                  class="pause"
                  ?disabled=${!drawing}
                  @click=${() => (this.paused ? this.resume() : this.pause())}
                >
                  ${this.paused ? s.resume : s.pause}
                </button>
                <span class="progress" aria-live="off">${this.progressText}</span>
              </div>`
            : nothing
        }
        <div class="layout">
          <div class="panels" part="panels">
            ${this.panelKeys.map((key, p) => this.renderPanel(key, p))}
          </div>
          ${this.shows('prediction') ? this.renderPrediction() : nothing}
        </div>
        ${this.shows('completion') ? this.renderCompletion(ready) : nothing}
        ${this.shows('training') || this.shows('weights') ? this.renderTraining(ready) : nothing}
        <p class="credit">${this.#dataset === 'emoji' ? s.emojiCredit : s.digitsCredit}</p>
      </div>
    `;
  }

  private renderPanel(key: ModelKey, p: number) {
    const s = this.strings;
    const panel = this.panels[p]?.key === key ? this.panels[p] : undefined;
    const config = MODELS[key].config;
    const size = config.height;
    const title =
      key === 'digits' ? s.digitsPanel : config.encoding === 'one-hot' ? s.oneHot : s.sigmoid;
    const note =
      key === 'digits'
        ? s.digitsNote
        : config.encoding === 'one-hot'
          ? format(s.oneHotNote, { n: config.paletteSize })
          : s.sigmoidNote;
    const columns = Math.ceil(Math.sqrt(this.#count));
    const position = panel && !panel.painting.done ? panel.painting.position : null;
    const lang = this.lang_;
    return html`<div
      role="group"
      class="panel ${key === 'digits' ? 'dark' : ''}"
      part="panel"
      data-encoding=${config.encoding}
      aria-label=${title}
    >
      <h3>${title}</h3>
      <p class="note">${note}</p>
      <div class="images" ${cssProperties({ '--columns': String(columns) })}>
        ${Array.from(
          { length: this.#count },
          (_, i) =>
            html`<div class="image">
              <canvas
                data-panel=${p}
                data-image=${i}
                width=${size}
                height=${size}
                role="img"
                aria-label=${format(s.imageLabel, { n: i + 1, count: this.#count })}
                @pointermove=${(event: PointerEvent) => this.onHover(event, p, i)}
                @pointerleave=${() => (this.hover = null)}
              ></canvas>
              ${
                position
                  ? html`<div
                      class="cursor"
                      ${cssProperties({
                        left: `${(position.column / size) * 100}%`,
                        top: `${(position.row / size) * 100}%`,
                        width: `${100 / size}%`,
                        height: `${100 / size}%`,
                      })}
                    ></div>`
                  : nothing
              }
              ${
                panel && panel.painting.fromRow > 0
                  ? html`<div
                      class="given-line"
                      ${cssProperties({ top: `${(panel.painting.fromRow / size) * 100}%` })}
                    ></div>`
                  : nothing
              }
            </div>`,
        )}
      </div>
      ${
        panel?.nll
          ? html`<p class="numbers">
              <span class="nll"
                >${format(config.encoding === 'sigmoid' ? s.nllDensity : s.nll, { value: formatNumber(lang, mean(panel.nll)) })}</span
              >
              ${
                key === 'digits' || !panel.saturation
                  ? nothing
                  : html`<br /><span class="saturation"
                        >${format(s.saturation, {
                          all: formatNumber(lang, panel.saturation.all, 2),
                          coloured: formatNumber(lang, panel.saturation.coloured, 2),
                        })}</span
                      >
                      ${
                        this.heldOut
                          ? html`<br /><span class="note"
                                >${format(s.dataSaturation, {
                                  all: formatNumber(lang, this.heldOut.saturation.all, 2),
                                  coloured: formatNumber(lang, this.heldOut.saturation.coloured, 2),
                                })}</span
                              >`
                          : nothing
                      }`
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderPrediction() {
    const s = this.strings;
    const focus = this.hover ?? this.drawnFocus;
    const panel = focus ? this.panels[focus.panel] : undefined;
    let body = html`<p class="note">${s.predictionHint}</p>`;
    if (focus && panel) {
      const { size, palette, encoding } = panel.format;
      const depth = panel.painter.distributionDepth;
      const pixel = focus.row * size + focus.column;
      const values = panel.painting.predictions[focus.image].subarray(
        pixel * depth,
        (pixel + 1) * depth,
      );
      if (!Number.isNaN(values[0])) {
        const drawnIndex =
          encoding === 'one-hot' ? panel.painting.images[focus.image][pixel] : undefined;
        const colourName = (k: number) =>
          panel.key === 'digits' ? (k === 1 ? s.ink : s.paper) : format(s.colour, { n: k + 1 });
        body = html`<p class="where">
            ${format(s.predictionAt, { image: focus.image + 1, row: focus.row + 1, column: focus.column + 1 })}
          </p>
          ${renderPredictionBars({ encoding, palette, values, drawnIndex, colourName, meanColourName: s.meanColour })}
          ${drawnIndex !== undefined ? html`<p class="note">${format(s.drew, { value: colourName(drawnIndex) })}</p>` : nothing}
          <p class="note">${s.predictionHint}</p>`;
      }
    }
    return html`<aside class="prediction" part="prediction" aria-label=${s.prediction}>
      <h3>${s.prediction}</h3>
      ${body}
    </aside>`;
  }

  private renderCompletion(ready: boolean) {
    const s = this.strings;
    const size = this.size;
    const source = this.completionSource;
    return html`<details part="completion" class="completion">
      <summary>${s.completion}</summary>
      <p class="note">${format(s.completionIntro, { count: this.#count })}</p>
      <h3>${s.heldOut}</h3>
      <div class="held-out">
        ${(this.heldOut?.thumbnails ?? []).map(
          (thumbnail, i) =>
            html`<button
              type="button"
              ?disabled=${!ready}
              aria-label=${format(s.heldOutLabel, { n: i + 1 })}
              @click=${() => this.useSource(this.heldOut!.images[i])}
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
            @change=${this.onUpload}
        /></label>
      </div>
      ${
        this.#dataset === 'digits'
          ? html`<div class="row">
              <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
              <button type="button" @click=${this.onUseDrawing}>${s.useDrawing}</button>
              <button type="button" @click=${() => this.pad?.clear()}>${s.clear}</button>
            </div>`
          : html`<div class="row">
              <ge-palette-pad
                .palette=${this.formatOf(this.mainKey).palette}
                .size=${size}
                .label=${s.paintHere}
                .colourLabel=${(k: number) => format(s.colour, { n: k + 1 })}
              ></ge-palette-pad>
              <button type="button" class="use-painting" @click=${this.onUsePainting}>
                ${s.useDrawing}
              </button>
              <button type="button" @click=${() => this.palettePad?.clear()}>${s.clear}</button>
            </div>`
      }
      ${
        source
          ? html`<div class="row given">
              <div
                class="image small ${this.#dataset === 'digits' ? 'dark' : ''}"
                aria-label=${s.givenImage}
                role="img"
              >
                <canvas ${paintImage(source.thumbnail)}></canvas>
                <div
                  class="given-line"
                  ${cssProperties({ top: `${(this.fromRow / size) * 100}%` })}
                ></div>
                <div
                  class="given-mask"
                  ${cssProperties({ top: `${(this.fromRow / size) * 100}%` })}
                ></div>
              </div>
              <label
                >${format(s.keepRows, { rows: this.fromRow })}
                <input
                  type="range"
                  class="from-row"
                  min="1"
                  max=${size - 1}
                  .value=${String(this.fromRow)}
                  @input=${(event: Event) => (this.fromRow = Number((event.target as HTMLInputElement).value))}
              /></label>
              <button
                type="button"
                class="primary complete"
                ?disabled=${!ready || this.isTraining}
                @click=${this.onComplete}
              >
                ${s.complete}
              </button>
            </div>`
          : nothing
      }
    </details>`;
  }

  private renderTraining(ready: boolean) {
    const s = this.strings;
    const training = this.isTraining;
    const progress = this.trainingProgress;
    return html`<details part="training">
      <summary>${s.fineTune}</summary>
      ${this.shows('training') ? this.renderFineTune(ready, training, progress) : nothing}
      ${this.shows('weights') ? this.renderWeightControls(MODELS[this.mainKey].folder, ready) : nothing}
    </details>`;
  }

  private renderFineTune(
    ready: boolean,
    training: boolean,
    progress: PixelRnnCanvas['trainingProgress'],
  ) {
    const s = this.strings;
    return html`<div class="row">
        <label
          >${s.addFiles}
          <input
            type="file"
            class="training-files"
            accept="image/*"
            multiple
            ?disabled=${!ready}
            @change=${this.onAddFiles}
        /></label>
        ${this.#dataset === 'digits' ? html`<button type="button" ?disabled=${!ready} @click=${this.onAddDrawing}>${s.addDrawing}</button>` : nothing}
        <button
          type="button"
          ?disabled=${training || !this.trainingSet.length}
          @click=${() => (this.trainingSet = [])}
        >
          ${s.clearTrainingSet}
        </button>
      </div>
      <p class="note">${format(s.trainingSet, { count: this.trainingSet.length })}</p>
      <div class="held-out">
        ${this.trainingSet.map((item) => html`<canvas ${paintImage(item.thumbnail)}></canvas>`)}
      </div>
      <div class="row">
        <label
          >${s.steps} <input class="train-steps" type="number" min="1" max="5000" value="50"
        /></label>
        <button
          type="button"
          class="primary"
          ?disabled=${!ready || training || !this.trainingSet.length}
          @click=${this.onTrain}
        >
          ${s.startTraining}
        </button>
        <button type="button" ?disabled=${!training} @click=${() => this.stopTraining()}>
          ${s.stop}
        </button>
      </div>
      ${
        progress
          ? html`<progress max=${progress.total} value=${progress.step}></progress>
              <p class="note">
                ${format(s.trainProgress, { step: progress.step, total: progress.total, loss: formatNumber(this.lang_, progress.loss) })}
              </p>`
          : nothing
      }`;
  }
}

function bundledWeights(key: ModelKey): BundledWeights {
  return pixelRnnFiles(key).weights;
}

function concat(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
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
