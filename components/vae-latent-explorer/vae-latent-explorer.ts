import { html, nothing, type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { format, formatNumber } from '../shared/i18n.js';
import '../shared/draw-pad.js';
import type { DrawPad } from '../shared/draw-pad.js';
import { explorerStyles } from './styles.js';
import { STRINGS } from './strings.js';
import {
  parseDataset,
  parseGridSize,
  parseRange,
  parseSweepDims,
  GRID_SIZE,
  RANGE,
  type Parsed,
} from './attributes.js';
import { VaeProxy } from '../../src/worker/vae-proxy.js';
import { bundledVaeWeights, starterDigitsFiles, vaePreview } from './assets.js';
import type { WeightsArtifacts, WeightsSource } from '../../src/runtime/weights-source.js';
import {
  imageToDigit,
  intensitiesToImageData,
  digitSheet,
  DIGIT_SIZE,
  type ImageInput,
} from '../../src/data/digit-image.js';
import { loadDigitSprite } from '../../src/data/digit-sprite.js';
import {
  cellCode,
  gridCodes,
  interpolateCodes,
  sweepValues,
  type SweepSpec,
} from '../../src/data/latent-grid.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import { defineElement } from '../shared/define.js';
import { cssProperties } from '../shared/css-properties.js';
import { paintImage } from '../shared/paint-image.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';
import { renderCodeMap, type MapPoint } from './code-map.js';

const SLIDER_LIMIT = 5;

export interface CodeChangeDetail {
  code: number[];
}
export interface EncodedImage {
  mean: number[];
  logVar: number[];
}
export type VaeFineTuneOptions = FineTuneSettings;

interface Starter {
  digit: Float32Array;
  label: number;
  image: ImageData;
}

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
    numbers: { state: true },
    starters: { state: true },
    selectedStarter: { state: true },
    focusCell: { state: true },
    interpolation: { state: true },
    pickingInterpolationTarget: { state: true },
    trainingSet: { state: true },
    trainingProgress: { state: true },
    cellAnnouncement: { state: true },
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

  private model: VaeProxy | undefined;
  private retainedWeights: WeightsArtifacts | undefined;
  #gridSize: number = GRID_SIZE.default;
  #sweepDims: [number, number] = [0, 1];
  #range: number = RANGE.default;
  private code_: Float32Array = new Float32Array(10);
  /** The encoder's output for the current source image (m and σ), for `show-noise`. */
  private posterior: { mean: Float32Array; logVar: Float32Array } | null = null;
  private numbers: { reconstruction: number; kl: number } | null = null;
  private starters: Starter[] = [];
  /** The starters' codes for `show-map` (computed when the map is first shown, and after training). */
  private mapPoints: MapPoint[] = [];
  private selectedStarter = -1;
  private focusCell = { row: 4, column: 4 };
  private interpolation: ImageData[] = [];
  private pickingInterpolationTarget = false;
  private trainingSet: Float32Array[] = [];
  private trainingProgress: { step: number; total: number; loss: number; kl: number } | null = null;
  private cellAnnouncement = '';
  private gridDirty = false;
  private gridDrawing: Promise<void> | undefined;

  private get strings() {
    return STRINGS[this.lang_];
  }

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
    const check = <T>(attribute: string, parsed: Parsed<T>, fallback: (v: T) => string) =>
      this.checkAttribute(
        attribute,
        !parsed.problem,
        fallback(parsed.value),
        parsed.problem ? this.strings.problems[parsed.problem] : '',
      );
    const text = (attribute: string) => this.attributeText(attribute);
    if (changed.has('datasetName' as keyof VaeLatentExplorer))
      check('dataset', parseDataset(text('dataset')), (v) => v);
    if (changed.has('gridSize')) {
      const parsed = parseGridSize(text('grid-size'));
      check('grid-size', parsed, (v) => String(v));
      this.#gridSize = parsed.value;
      const middle = Math.floor(this.#gridSize / 2);
      this.focusCell = { row: middle, column: middle };
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
      void this.requestGrid();
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    this.model ??= await VaeProxy.open();
    if (this.retainedWeights) {
      await this.model.setWeights(this.retainedWeights);
      this.retainedWeights = undefined;
    } else {
      await this.applyWeights(source ?? 'bundled');
    }
    if (this.starters.length === 0) this.starters = await loadStarters();
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    await this.model!.loadWeights(source === 'bundled' ? bundledVaeWeights() : source);
  }

  /** Encodes the starter digits for the map. */
  private async encodeMap(): Promise<void> {
    if (!this.model || !this.starters.length) return;
    const codes = await this.model.encode(this.starters.map((starter) => starter.digit));
    this.mapPoints = codes.map((code, i) => ({ ...code, label: this.starters[i].label }));
  }

  protected async drawFirstOutput(): Promise<void> {
    if (this.showMap) await this.encodeMap();
    if (this.selectedStarter < 0 && this.starters.length > 0) {
      await this.useSource(this.starters[0].digit, 0);
    } else if (this.posterior && this.sourceDigit) {
      await this.useSource(this.sourceDigit, this.selectedStarter);
    } else {
      await this.requestGrid();
    }
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
    const [posterior] = await this.model!.encode([await imageToDigit(image)]);
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
    const pixels = await this.model!.decode(flat, list.length);
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
    const [a, b] = await this.model!.encode([
      await imageToDigit(imageA),
      await imageToDigit(imageB),
    ]);
    const pixels = await this.model!.decode(interpolateCodes(a.mean, b.mean, steps), steps);
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
    const digits = await Promise.all(
      Array.from(data as Iterable<ImageInput>, (image) => imageToDigit(image)),
    );
    return this.fineTuneDigits(digits, options);
  }

  protected weightsModel(): VaeProxy | undefined {
    return this.model;
  }

  /** Exports are vae-digits.json + vae-digits.weights.bin. */
  protected exportName(): string {
    return 'vae-digits';
  }

  // ---- internals ---------------------------------------------------------------------------
  private sourceDigit: Float32Array | null = null;

  private validCode(code: ArrayLike<number>): Float32Array {
    const n = this.code_.length;
    if (!code || code.length !== n)
      throw new RangeError(`A code must have ${n} numbers, got ${code?.length ?? 0}.`);
    const values = Float32Array.from(code);
    if (!values.every(Number.isFinite))
      throw new RangeError('A code must contain only finite numbers.');
    return values;
  }

  /** Encodes a source digit: its mean becomes the centre, its σ the noise, its losses the numbers. */
  private async useSource(digit: Float32Array, starterIndex: number): Promise<void> {
    const model = this.model;
    if (!model) return;
    const [posterior] = await model.encode([digit]);
    this.sourceDigit = digit;
    this.posterior = posterior;
    this.selectedStarter = starterIndex;
    this.numbers = await model.imageLosses(digit);
    this.setCode(posterior.mean);
    await this.updateComplete;
    await this.requestGrid();
  }

  /** Redraws the grid; calls while a draw is running coalesce into one more draw. */
  private requestGrid(): Promise<void> {
    this.gridDirty = true;
    this.gridDrawing ??= this.drawGridWhileDirty().finally(() => (this.gridDrawing = undefined));
    return this.gridDrawing;
  }

  private async drawGridWhileDirty(): Promise<void> {
    await this.updateComplete;
    while (this.gridDirty && this.model) {
      this.gridDirty = false;
      const { gridSize } = this;
      const pixels = await this.model.decode(gridCodes(this.sweep), gridSize * gridSize);
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.grid');
      if (!canvas) return;
      const side = gridSize * DIGIT_SIZE;
      if (canvas.width !== side) canvas.width = canvas.height = side;
      canvas.getContext('2d')!.putImageData(digitSheet(pixels, gridSize, gridSize), 0, 0);
    }
  }

  private async fineTuneDigits(
    digits: Float32Array[],
    options: VaeFineTuneOptions,
  ): Promise<TrainingResult> {
    if (digits.length === 0) throw new RangeError(this.strings.emptyTrainingSet);
    const steps = Math.max(1, Math.min(Math.round(options.steps ?? 100), 100000));
    const result = await this.runTraining(
      (signal, report) =>
        this.model!.fineTune(digits, {
          steps,
          learningRate: options.learningRate ?? 1e-4,
          batchSize: options.batchSize,
          seed: this.rng.nextSeed(),
          signal,
          onProgress: (progress) => {
            report(progress);
            this.trainingProgress = {
              step: progress.step,
              total: progress.totalSteps,
              loss: progress.losses.loss,
              kl: progress.losses.kl,
            };
            if (progress.step % 20 === 0) void this.requestGrid();
          },
        }),
      options.signal,
    );
    if (this.sourceDigit && this.isConnected)
      await this.useSource(this.sourceDigit, this.selectedStarter);
    if (this.showMap && this.isConnected) await this.encodeMap();
    return result;
  }

  // ---- UI handlers ---------------------------------------------------------------------------
  private onStarterClick(index: number) {
    const starter = this.starters[index];
    if (this.pickingInterpolationTarget && this.sourceDigit) {
      this.pickingInterpolationTarget = false;
      void this.guard('interpolation', async () => {
        const source = intensitiesToImageData(this.sourceDigit!);
        const frames = await this.interpolate(source, intensitiesToImageData(starter.digit), 10);
        this.interpolation = frames;
      });
      return;
    }
    void this.guard('source', () => this.useSource(starter.digit, index));
  }

  /** The drawing pad, when the `source` part is shown. */
  private get pad(): DrawPad | null {
    return this.renderRoot.querySelector('ge-draw-pad');
  }

  private onEncodeDrawing() {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    void this.guard('source', async () =>
      this.useSource(await imageToDigit(pad.toImageData()), -1),
    );
  }

  private onUpload(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.guard('source', async () => this.useSource(await imageToDigit(file), -1));
  }

  private onSlider(dim: number, event: Event) {
    const code = Float32Array.from(this.code_);
    code[dim] = Number((event.target as HTMLInputElement).value);
    this.setCode(code);
  }

  private onSweepSelect(axis: 0 | 1, event: Event) {
    const dims: [number, number] = [...this.#sweepDims];
    dims[axis] = Number((event.target as HTMLSelectElement).value);
    if (dims[0] === dims[1]) dims[1 - axis] = this.#sweepDims[axis]; // swap rather than collide
    this.setAttribute('sweep-dims', dims.join(','));
  }

  private recentre(row: number, column: number) {
    this.setCode(cellCode(this.sweep, row, column));
  }

  private onGridClick(event: MouseEvent) {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const column = Math.min(
      this.#gridSize - 1,
      Math.floor(((event.clientX - rect.left) / rect.width) * this.#gridSize),
    );
    const row = Math.min(
      this.#gridSize - 1,
      Math.floor(((event.clientY - rect.top) / rect.height) * this.#gridSize),
    );
    this.focusCell = { row, column };
    this.recentre(row, column);
  }

  private onGridKey(event: KeyboardEvent) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const last = this.#gridSize - 1;
    let { row, column } = this.focusCell;
    if (moves[event.key]) {
      row = Math.max(0, Math.min(last, row + moves[event.key][0]));
      column = Math.max(0, Math.min(last, column + moves[event.key][1]));
    } else if (event.key === 'Home') {
      row = column = Math.floor(this.#gridSize / 2);
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.recentre(row, column);
      const middle = Math.floor(this.#gridSize / 2);
      row = column = middle;
    } else {
      return;
    }
    event.preventDefault();
    this.focusCell = { row, column };
    const code = cellCode(this.sweep, row, column);
    const [a, b] = this.#sweepDims;
    this.cellAnnouncement = format(this.strings.cellAnnouncement, {
      row: row + 1,
      column: column + 1,
      a,
      b,
      x: formatNumber(this.lang_, code[a], 2),
      y: formatNumber(this.lang_, code[b], 2),
    });
  }

  private onRandomCode() {
    this.setCode(Array.from({ length: this.code_.length }, () => this.rng.normal()));
  }

  private async onAddDrawing() {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    await this.guard('training', async () => {
      this.trainingSet = [...this.trainingSet, await imageToDigit(pad.toImageData())];
      pad.clear();
    });
  }

  private async onAddFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    await this.guard('training', async () => {
      const digits = await Promise.all(files.map((file) => imageToDigit(file)));
      this.trainingSet = [...this.trainingSet, ...digits];
    });
  }

  private onTrain() {
    const steps = Number(
      this.renderRoot.querySelector<HTMLInputElement>('input.train-steps')?.value ?? 100,
    );
    void this.guard('training', () => this.fineTuneDigits(this.trainingSet, { steps }));
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    const s = this.strings;
    const ready = this.phase === 'ready' || this.phase === 'training';
    const side = this.shows('source') || this.shows('sliders');
    const map =
      this.showMap && this.mapPoints.length
        ? renderCodeMap(
            this.mapPoints,
            this.#sweepDims,
            this.code_,
            format(s.mapLabel, {
              a: this.#sweepDims[0],
              b: this.#sweepDims[1],
              count: this.mapPoints.length,
            }),
            s.mapTitle,
          )
        : nothing;
    const main = html`<div>
      ${this.renderGrid(ready)} ${map}
      ${this.shows('interpolation') ? this.renderInterpolation(ready) : nothing}
    </div>`;
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
          side
            ? html`<div class="layout">
                <div>
                  ${this.shows('source') ? this.renderSource(ready) : nothing}
                  ${this.shows('sliders') ? this.renderSliders() : nothing}
                </div>
                ${main}
              </div>`
            : main
        }
        ${this.shows('training') || this.shows('weights') ? this.renderTraining(ready) : nothing}
      </div>
    `;
  }

  private renderSource(ready: boolean) {
    const s = this.strings;
    const lang = this.lang_;
    return html`<div role="group" part="source" aria-label=${s.source}>
      <h3>${s.starters}</h3>
      <div class="starters">
        ${this.starters.map(
          (starter, i) =>
            html`<button
              type="button"
              ?disabled=${!ready}
              aria-pressed=${i === this.selectedStarter ? 'true' : 'false'}
              aria-label=${format(s.starterLabel, { n: i + 1, label: starter.label })}
              @click=${() => this.onStarterClick(i)}
            >
              <canvas ${paintImage(starter.image)}></canvas>
            </button>`,
        )}
      </div>
      ${this.pickingInterpolationTarget ? html`<p class="note">${s.interpolateHint}</p>` : nothing}
      <div class="pad-row">
        <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
        <div class="pad-actions">
          <button type="button" class="primary" ?disabled=${!ready} @click=${this.onEncodeDrawing}>
            ${s.encodeDrawing}
          </button>
          <button type="button" @click=${() => this.pad?.clear()}>${s.clear}</button>
          <label class="row"
            ><span>${s.upload}</span>
            <input type="file" accept="image/*" ?disabled=${!ready} @change=${this.onUpload}
          /></label>
        </div>
      </div>
      ${
        this.numbers
          ? html`<h3>${s.numbers}</h3>
              <dl class="numbers">
                <dt>${s.reconstruction}</dt>
                <dd class="reconstruction">${formatNumber(lang, this.numbers.reconstruction)}</dd>
                <dt>${s.klTerm}</dt>
                <dd class="kl">${formatNumber(lang, this.numbers.kl)}</dd>
              </dl>
              <p class="note">${s.numbersNote}</p>`
          : nothing
      }
    </div>`;
  }

  private renderSliders() {
    const s = this.strings;
    const [a, b] = this.#sweepDims;
    const dims = Array.from(this.code_.keys());
    return html`<div role="group" part="sliders" aria-label=${s.fixedDims}>
      <h3>${s.fixedDims}</h3>
      <div class="sliders">
        ${dims.map((d) => {
          const swept = d === a || d === b;
          const label = format(s.dim, { n: d });
          return html`<label class=${swept ? 'swept' : ''} for="dim-${d}"
              >${label}${swept ? ` (${s.swept})` : ''}</label
            >
            <input
              id="dim-${d}"
              type="range"
              min=${-SLIDER_LIMIT}
              max=${SLIDER_LIMIT}
              step="0.01"
              .value=${String(this.code_[d])}
              ?disabled=${swept}
              @input=${(event: Event) => this.onSlider(d, event)}
            />
            <output for="dim-${d}">${formatNumber(this.lang_, this.code_[d], 2)}</output>
            ${
              this.showNoise && this.posterior
                ? html`<span></span>
                    <div
                      class="sigma"
                      title=${s.noise}
                      ${cssProperties({ width: `${Math.min(100, (Math.exp(this.posterior.logVar[d] / 2) / SLIDER_LIMIT) * 50)}%` })}
                    ></div>
                    <span></span>`
                : nothing
            }`;
        })}
      </div>
      <button type="button" @click=${this.onRandomCode}>N(0, I)</button>
    </div>`;
  }

  private renderGrid(ready: boolean) {
    const s = this.strings;
    const g = this.#gridSize;
    const { row, column } = this.focusCell;
    const [a, b] = this.#sweepDims;
    const dimOptions = (selected: number) =>
      Array.from(this.code_.keys()).map(
        (d) =>
          html`<option value=${d} ?selected=${d === selected}>${format(s.dim, { n: d })}</option>`,
      );
    return html`<div role="group" aria-label=${s.grid}>
      <h3>${s.grid}</h3>
      <div
        class="grid-wrap"
        part="grid"
        tabindex=${ready ? 0 : -1}
        role="application"
        aria-label=${s.gridLabel}
        @click=${this.onGridClick}
        @keydown=${this.onGridKey}
      >
        <canvas class="grid" width=${g * DIGIT_SIZE} height=${g * DIGIT_SIZE}></canvas>
        <svg viewBox="0 0 ${g} ${g}" aria-hidden="true">
          <rect
            part="cell-focus"
            x=${column + 0.04}
            y=${row + 0.04}
            width="0.92"
            height="0.92"
            fill="none"
            stroke="var(--_accent)"
            stroke-width=${0.06}
          />
          ${this.showNoise ? this.renderNoiseEllipse() : nothing}
        </svg>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.cellAnnouncement}</p>
      <div class="axes">
        <label
          >${s.sweepX}
          <select @change=${(e: Event) => this.onSweepSelect(0, e)}>
            ${dimOptions(a)}
          </select></label
        >
        <label
          >${s.sweepY}
          <select @change=${(e: Event) => this.onSweepSelect(1, e)}>
            ${dimOptions(b)}
          </select></label
        >
      </div>
      <p class="note">${s.gridHelp}</p>
    </div>`;
  }

  /** One standard deviation of q(c | x) in the two swept dims, around the encoded mean. */
  private renderNoiseEllipse() {
    if (!this.posterior) return nothing;
    const [a, b] = this.#sweepDims;
    const { gridSize, range } = this;
    const step = (2 * range) / (gridSize - 1);
    const xs = sweepValues(this.code_[a], gridSize, range);
    const ys = sweepValues(this.code_[b], gridSize, range);
    const cx = (this.posterior.mean[a] - xs[0]) / step + 0.5;
    const cy = gridSize - ((this.posterior.mean[b] - ys[0]) / step + 0.5);
    return html`<ellipse
      class="noise"
      cx=${cx}
      cy=${cy}
      rx=${Math.exp(this.posterior.logVar[a] / 2) / step}
      ry=${Math.exp(this.posterior.logVar[b] / 2) / step}
      fill="none"
      stroke="#f59e0b"
      stroke-width="0.08"
    />`;
  }

  private renderInterpolation(ready: boolean) {
    const s = this.strings;
    return html`<div role="group" part="interpolation" aria-label=${s.interpolation}>
      <h3>${s.interpolation}</h3>
      <button
        type="button"
        ?disabled=${!ready || !this.sourceDigit}
        aria-pressed=${this.pickingInterpolationTarget ? 'true' : 'false'}
        @click=${() => (this.pickingInterpolationTarget = !this.pickingInterpolationTarget)}
      >
        ${s.interpolateTo}
      </button>
      <div class="strip">
        ${this.interpolation.map((image) => html`<canvas ${paintImage(image)}></canvas>`)}
      </div>
    </div>`;
  }

  private renderTraining(ready: boolean) {
    const s = this.strings;
    const training = this.isTraining;
    const progress = this.trainingProgress;
    return html`<details part="training">
      <summary>${s.fineTune}</summary>
      ${this.shows('training') ? this.renderFineTune(ready, training, progress) : nothing}
      ${this.shows('weights') ? this.renderWeightControls('vae-digits', ready) : nothing}
    </details>`;
  }

  private renderFineTune(
    ready: boolean,
    training: boolean,
    progress: VaeLatentExplorer['trainingProgress'],
  ) {
    const s = this.strings;
    return html`<div class="row">
        <button type="button" ?disabled=${!ready || !this.pad} @click=${this.onAddDrawing}>
          ${s.addDrawing}
        </button>
        <label
          >${s.addFiles}
          <input
            type="file"
            accept="image/*"
            multiple
            ?disabled=${!ready}
            @change=${this.onAddFiles}
        /></label>
        <span>${format(s.trainingSet, { count: this.trainingSet.length })}</span>
        <button
          type="button"
          ?disabled=${training || !this.trainingSet.length}
          @click=${() => (this.trainingSet = [])}
        >
          ${s.clearTrainingSet}
        </button>
      </div>
      <div class="row">
        <label
          >${s.steps} <input class="train-steps" type="number" min="1" max="5000" value="100"
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
                ${format(s.loss, { step: progress.step, total: progress.total, loss: formatNumber(this.lang_, progress.loss), kl: formatNumber(this.lang_, progress.kl) })}
              </p>`
          : nothing
      }`;
  }
}

function isCodeList(codes: ArrayLike<number> | ArrayLike<ArrayLike<number>>): boolean {
  return codes.length > 0 && typeof codes[0] !== 'number';
}

async function loadStarters(): Promise<Starter[]> {
  const sprite = await loadDigitSprite(starterDigitsFiles());
  return sprite.digits.map((digit, i) => ({
    digit,
    label: sprite.labels[i],
    image: intensitiesToImageData(digit),
  }));
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
