import type { ModelWeights } from '../../src/worker/model-weights.js';
import type { Parsed } from '../shared/parsed.js';
import { type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import '../shared/draw-pad.js';
import { defineElement } from '../shared/define.js';
import { explorerStyles } from './styles.js';
import { STRINGS } from './strings.js';
import {
  parseDataset,
  parseGridSize,
  parseRange,
  parseSweepDims,
  GRID_SIZE,
  RANGE,
  type AttributeProblem,
} from './attributes.js';
import { openModel, type RemoteModel } from '../../src/worker/remote-model.js';
import { bundledVaeWeights, vaePreview } from './assets.js';
import type {
  BundledWeights,
  WeightsArtifacts,
  WeightsSource,
} from '../../src/runtime/weights-source.js';
import { imageToDigit, intensitiesToImageData, DIGIT_SIZE } from '../../src/data/digit-image.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import { interpolateCodes, type SweepSpec } from '../../src/data/latent-grid.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';
import type { ExplorerContext } from './context.js';
import type { CodeChangeDetail, EncodedImage, MapPoint, VaeFineTuneOptions } from './types.js';
import { GridScheduler } from './grid-scheduler.js';
import { SourceDigit } from './source-digit.js';
import { GridFocus } from './grid-focus.js';
import { FineTuning } from './fine-tuning.js';
import { renderExplorer } from './templates.js';
import { digitsOf } from '../../src/worker/image-inputs.js';

export type { CodeChangeDetail, EncodedImage, VaeFineTuneOptions } from './types.js';

/**
 * Encode a digit into the VAE's 10-d code, then sweep two of its dimensions on a grid while the
 * other eight stay fixed, and see what each dimension means.
 *
 * @customElement vae-latent-explorer
 * @fires code-change - `{code}` whenever the centre code changes.
 * @csspart source - The source digits and the drawing pad.
 * @csspart grid - The grid of decoded codes.
 * @csspart cell-focus - The focused cell of the grid.
 * @csspart map - The map of the test digits' codes (`show-map`).
 * @csspart sliders - The sliders of the fixed dimensions.
 * @csspart interpolation - The interpolation between two digits.
 * @csspart training - The fine-tuning and weights panel.
 * @cssprop --ge-grid-size - Width of the grid.
 * @cssprop --ge-pad-size - Width of the drawing pad.
 */
export class VaeLatentExplorer extends GenerativeElement {
  static override properties = {
    ...GenerativeElement.properties,
    datasetName: { attribute: 'dataset', noAccessor: true },
    gridSize: { attribute: 'grid-size', noAccessor: true },
    sweepDims: { attribute: 'sweep-dims', noAccessor: true },
    range: { noAccessor: true },
    showNoise: { type: Boolean, attribute: 'show-noise', reflect: true },
    showMap: { type: Boolean, attribute: 'show-map', reflect: true },
    mapPoints: { state: true },
    code_: { state: true },
  };
  static override styles = [sharedStyles, explorerStyles];
  static override controlParts = [
    'source',
    'sliders',
    'interpolation',
    'training',
    'weights',
    'share',
  ];

  /** Draw the encoder's σ around the code. */
  showNoise = false;
  /** Show the bundled test digits encoded in the plane of the two swept dims, coloured by class, with their σ ellipses. */
  showMap = false;

  private model: RemoteModel<'digit-vae'> | undefined;
  private retainedWeights: WeightsArtifacts | undefined;
  #gridSize: number = GRID_SIZE.default;
  #sweepDims: [number, number] = [0, 1];
  #range: number = RANGE.default;
  private code_: Float32Array = new Float32Array(10);
  /** The starters' codes for `show-map` (computed when the map is first shown, and after training). */
  private mapPoints: MapPoint[] = [];

  // The explorer's parts, composed here. Each reads the explorer through its context.
  readonly #context: ExplorerContext = {
    ...this.createContext(() => this.strings),
    model: () => this.model,
    code: () => this.code_,
    sweep: () => this.sweep,
    showMap: () => this.showMap,
    showNoise: () => this.showNoise,
    mapPoints: () => this.mapPoints,
    normal: () => this.rng.normal(),
    setCode: (code) => this.setCode(code),
    interpolate: (imageA, imageB, steps) => this.interpolate(imageA, imageB, steps),
    encodeMap: () => this.encodeMap(),
  };
  readonly #grid = new GridScheduler(this.#context);
  readonly #source = new SourceDigit(this.#context, this.#grid);
  readonly #focus = new GridFocus(this.#context);
  readonly #fineTuning = new FineTuning(this.#context, this.#grid, this.#source);

  /**
   * The data set (attribute `dataset`; the property `dataset` is the DOM's map of data-*
   * attributes). Only `digits` (default) for now.
   */
  get datasetName(): 'digits' {
    return parseDataset(this.attributeText('dataset')).value;
  }
  set datasetName(value: string | null) {
    this.setAttributeText('datasetName', value);
  }

  /** Cells per side of the grid, 3–25 (default 9); other values are clamped, with a message. */
  get gridSize(): number {
    return parseGridSize(this.attributeText('grid-size')).value;
  }
  set gridSize(value: number | string | null) {
    this.setAttributeText('gridSize', value);
  }

  /** The two swept code dimensions (default `[0, 1]`); also accepts text such as `"2,5"`. */
  get sweepDims(): [number, number] {
    return parseSweepDims(this.attributeText('sweep-dims'), this.code_.length).value;
  }
  set sweepDims(value: readonly number[] | string | null) {
    this.setAttributeText('sweepDims', Array.isArray(value) ? value.join(',') : value);
  }

  /** Half-width of the sweep in standard deviations (default 3, at most 10). */
  get range(): number {
    return parseRange(this.attributeText('range')).value;
  }
  set range(value: number | string | null) {
    this.setAttributeText('range', value);
  }

  /** The current centre code (a copy). */
  get code(): number[] {
    return Array.from(this.code_);
  }

  private get strings() {
    return STRINGS[this.lang_];
  }

  private get sweep(): SweepSpec {
    return {
      centre: this.code_,
      dims: this.#sweepDims,
      gridSize: this.#gridSize,
      range: this.#range,
    };
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const check = <T>(
      attribute: string,
      parsed: Parsed<T, AttributeProblem>,
      shown: (v: T) => string,
    ) => this.valueInUse(attribute, parsed, this.strings.problems, shown);
    const text = (attribute: string) => this.attributeText(attribute);
    if (changed.has('datasetName')) check('dataset', parseDataset(text('dataset')), (v) => v);
    if (changed.has('gridSize')) {
      const parsed = parseGridSize(text('grid-size'));
      check('grid-size', parsed, (v) => String(v));
      this.#gridSize = parsed.value;
      this.#focus.centre(this.#gridSize);
    }
    if (changed.has('sweepDims')) {
      const parsed = parseSweepDims(text('sweep-dims'), this.code_.length);
      check('sweep-dims', parsed, (v) => v.join(','));
      this.#sweepDims = parsed.value;
    }
    if (changed.has('range')) {
      const parsed = parseRange(text('range'));
      check('range', parsed, (v) => String(v));
      this.#range = parsed.value;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('showMap') && this.showMap && this.model && !this.mapPoints.length)
      void this.guard('map', () => this.encodeMap());
    const gridInputs = ['gridSize', 'sweepDims', 'range', 'code_'];
    if (this.model && gridInputs.some((key) => changed.has(key as keyof VaeLatentExplorer)))
      void this.#grid.request();
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    this.model ??= await openModel('digit-vae');
    if (this.retainedWeights) {
      await this.model.setWeights(this.retainedWeights);
      this.retainedWeights = undefined;
    } else {
      await this.applyWeights(source ?? 'bundled');
    }
    await this.#source.loadStarters();
  }

  protected override weightsToPrefetch(): BundledWeights[] {
    return this.weights || this.retainedWeights ? [] : [bundledVaeWeights()];
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    await this.model!.loadWeights(source === 'bundled' ? bundledVaeWeights() : source);
  }

  /** Encodes the starter digits for the map. */
  private async encodeMap(): Promise<void> {
    const { starters } = this.#source;
    if (!this.model || !starters.length) return;
    const codes = await this.model.call(
      'encode',
      starters.map((starter) => starter.digit),
    );
    this.mapPoints = codes.map((code, i) => ({ ...code, label: starters[i].label }));
  }

  protected async drawFirstOutput(): Promise<void> {
    if (this.showMap) await this.encodeMap();
    await this.#source.drawFirst();
  }

  protected async releaseModel(): Promise<void> {
    if (!this.model) return;
    this.retainedWeights = await this.model.getWeights();
    this.model.dispose();
    this.model = undefined;
  }

  // ---- public API --------------------------------------------------------------------------
  /** The encoder's m and σ (log-variance) for an image. */
  async encode(image: ImageInput): Promise<EncodedImage> {
    await this.modelReady();
    const [posterior] = await this.model!.call('encode', [await imageToDigit(image)]);
    return { mean: Array.from(posterior.mean), logVar: Array.from(posterior.logVar) };
  }

  /** Decodes codes (each 10 numbers) into 28×28 images. */
  async decode(codes: ArrayLike<number> | ArrayLike<ArrayLike<number>>): Promise<ImageData[]> {
    await this.modelReady();
    const list = isCodeList(codes)
      ? Array.from(codes as ArrayLike<ArrayLike<number>>)
      : [codes as ArrayLike<number>];
    const flat = new Float32Array(list.length * this.code_.length);
    list.forEach((code, i) => flat.set(this.validCode(code), i * this.code_.length));
    const pixels = await this.model!.call('decode', flat, list.length);
    return list.map((_, i) =>
      intensitiesToImageData(pixels, DIGIT_SIZE, i * DIGIT_SIZE * DIGIT_SIZE),
    );
  }

  /** Makes `code` the centre of the grid. */
  setCode(code: ArrayLike<number>): void {
    this.code_ = this.validCode(code);
    this.emit<CodeChangeDetail>('code-change', { code: this.code });
  }

  protected override defaultPoster(): string {
    return vaePreview();
  }

  /** The centre code, rounded to 3 decimals, travels with the shared state. */
  protected override stateExtras(): Record<string, unknown> {
    return { code: Array.from(this.code_, (v) => Math.round(v * 1000) / 1000) };
  }

  protected override applyStateExtras(extras: Record<string, unknown>): void {
    if (extras.code !== undefined) this.setCode(extras.code as number[]);
  }

  /** Decodes `steps` evenly spaced points on the line between the codes (means) of two images. */
  async interpolate(imageA: ImageInput, imageB: ImageInput, steps = 8): Promise<ImageData[]> {
    if (!Number.isInteger(steps) || steps < 2 || steps > 64)
      throw new RangeError('interpolate: steps must be a whole number from 2 to 64.');
    await this.modelReady();
    const [a, b] = await this.model!.call('encode', [
      await imageToDigit(imageA),
      await imageToDigit(imageB),
    ]);
    const pixels = await this.model!.call('decode', interpolateCodes(a.mean, b.mean, steps), steps);
    return Array.from({ length: steps }, (_, i) =>
      intensitiesToImageData(pixels, DIGIT_SIZE, i * DIGIT_SIZE * DIGIT_SIZE),
    );
  }

  /** Fine-tunes the VAE on the given images (drawn, uploaded, any size). */
  async fineTune(
    data: ArrayLike<ImageInput> | Iterable<ImageInput>,
    options: VaeFineTuneOptions = {},
  ): Promise<TrainingResult> {
    checkFineTuneOptions(options);
    const digits = await digitsOf(Array.from(data as Iterable<ImageInput>));
    return this.#fineTuning.train(digits, options);
  }

  protected weightsModel(): ModelWeights | undefined {
    return this.model;
  }

  /** Exports are vae-digits.json + vae-digits.weights.bin. */
  protected exportName(): string {
    return 'vae-digits';
  }

  // ---- internals ---------------------------------------------------------------------------
  private validCode(code: ArrayLike<number>): Float32Array {
    const n = this.code_.length;
    if (!code || code.length !== n)
      throw new RangeError(`A code must have ${n} numbers, got ${code?.length ?? 0}.`);
    const values = Float32Array.from(code);
    if (!values.every(Number.isFinite))
      throw new RangeError('A code must contain only finite numbers.');
    return values;
  }

  override render() {
    const [context, source, focus, fineTuning] = [
      this.#context,
      this.#source,
      this.#focus,
      this.#fineTuning,
    ];
    return renderExplorer({ context, source, focus, fineTuning });
  }
}

function isCodeList(codes: ArrayLike<number> | ArrayLike<ArrayLike<number>>): boolean {
  return codes.length > 0 && typeof codes[0] !== 'number';
}

defineElement('vae-latent-explorer', VaeLatentExplorer);

declare global {
  interface HTMLElementTagNameMap {
    'vae-latent-explorer': VaeLatentExplorer;
  }
  interface HTMLElementEventMap {
    'code-change': CustomEvent<CodeChangeDetail>;
  }
}
