import { html, nothing, type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { format, formatNumber } from '../shared/i18n.js';
import '../shared/line-chart.js';
import '../shared/draw-pad.js';
import type { DrawPad } from '../shared/draw-pad.js';
import { arenaStyles } from './styles.js';
import { STRINGS } from './strings.js';
import { drawPlane, FAKE_COLOUR, REAL_COLOUR } from './plane-view.js';
import {
  BATCH_SIZE,
  DEFAULT_LEARNING_RATES,
  parseBatchSize,
  parseDistribution,
  parseLearningRate,
  parseLoss,
  parseMode,
  parseSteps,
  type ArenaMode,
  type Parsed,
} from './attributes.js';
import { GanProxy, type GanSettings, type RoundLosses } from '../../src/worker/gan-proxy.js';
import { realSamplerFor, type RealData } from '../../src/data/real-samples.js';
import type { GanLoss } from '../../src/models/choices.js';
import {
  PLANE,
  jensenShannonOnGrid,
  modeCoverage,
  type Point,
  type ToyDistribution,
} from '../../src/data/toy-distributions.js';
import {
  digitSheet,
  imageToDigit,
  intensitiesToImageData,
  DIGIT_SIZE,
  type ImageInput,
} from '../../src/data/digit-image.js';
import { loadDigitSprite } from '../../src/data/digit-sprite.js';
import { bundledGanWeights, ganPreview, realDigitsFiles } from './assets.js';
import type { WeightsArtifacts, WeightsSource } from '../../src/runtime/weights-source.js';
import { runStepLoop, yieldToBrowser } from '../../src/runtime/step-loop.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import { defineElement } from '../shared/define.js';
import { cssProperties } from '../shared/css-properties.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';

const DOMAIN: readonly [number, number] = [PLANE.min, PLANE.max];
const VIEW_POINTS = { '2d': 512, digits: 64 } as const;
const DECISION_GRID = 40;
/** In 2-d mode each animation frame trains for about this long, then redraws everything. */
const FRAME_BUDGET_MS = 8;
const HISTORY = 2000;
const SAMPLE_COLUMNS = 8;
const WALK_STEPS = 10;
const PIXELS = DIGIT_SIZE * DIGIT_SIZE;

export interface RoundDetail {
  round: number;
  dLoss: number;
  gLoss: number;
}
export type GanFineTuneOptions = FineTuneSettings;

/**
 * A generator and a discriminator trained against each other, live, in the page.
 * `mode="2d"`: points in the plane, tiny networks trained from scratch, drawn every frame with
 * D's decision map, G's gradient arrows, both losses and a divergence estimate (after GAN Lab).
 * `mode="digits"`: a pretrained MNIST GAN that keeps training on real digits or the user's own.
 *
 * @customElement gan-arena
 * @fires round - `{round, dLoss, gLoss}` after every round.
 * @csspart plane - The 2-d plane: real and generated points, D's decision map, G's arrows.
 * @csspart samples - The generated digits (digits mode).
 * @csspart walk - The walk between two noise vectors (digits mode).
 * @csspart controls - The training controls.
 * @csspart charts - The loss and divergence charts.
 * @cssprop --ge-plane-size - Width of the 2-d plane.
 */
export class GanArena extends GenerativeElement {
  static override properties = {
    ...GenerativeElement.properties,
    mode: { noAccessor: true },
    distribution: { noAccessor: true },
    dSteps: { attribute: 'd-steps', noAccessor: true },
    gSteps: { attribute: 'g-steps', noAccessor: true },
    lrD: { attribute: 'lr-d', noAccessor: true },
    lrG: { attribute: 'lr-g', noAccessor: true },
    batchSize: { attribute: 'batch-size', noAccessor: true },
    loss: { noAccessor: true },
    pretrained: { noAccessor: true },
    running: { type: Boolean, reflect: true },
    history: { state: true },
    updates: { state: true },
    lastMoved: { state: true },
    roundsPerSecond: { state: true },
    coverage: { state: true },
    customPoints: { state: true },
    userDigits: { state: true },
    trainOnMine: { state: true },
  };
  static override styles = [sharedStyles, arenaStyles];
  static override controlParts = [
    'playback',
    'settings',
    'charts',
    'samples',
    'training',
    'weights',
    'share',
  ];

  /** Training runs while this is set (attribute `running`). */
  running = false;

  #mode: ArenaMode = '2d';
  private builtMode: ArenaMode | undefined;
  #distribution: ToyDistribution = 'ring';
  private settings: GanSettings = defaultSettings('2d');
  private trainer: GanProxy | undefined;
  private retainedWeights: WeightsArtifacts | undefined;
  private history = { dLoss: [] as number[], gLoss: [] as number[], divergence: [] as number[] };
  /** Updates each network has had since the last reset: G0 → D0 → G1 … counts them. */
  private updates = { d: 0, g: 0 };
  private lastMoved: 'discriminator' | 'generator' | 'both' | null = null;
  private roundsPerSecond = 0;
  private coverage: { covered: number; modes: number } | null = null;
  private customPoints: Point[] = [];
  private realPreview: Float32Array = new Float32Array();
  private bundledDigits: Float32Array[] = [];
  private userDigits: Float32Array[] = [];
  private trainOnMine = false;
  private walkSeeds: [number, number] = [1, 2];
  private frameRequest = 0;
  private looping = false;
  private roundTimes: number[] = [];
  private lastDigitsDraw = 0;

  private get strings() {
    return STRINGS[this.lang_];
  }

  /** `2d` (toy distributions, default) or `digits` (images). */
  get mode(): ArenaMode {
    return parseMode(this.attributeText('mode')).value;
  }
  set mode(value: ArenaMode | string | null) {
    this.setAttributeText('mode', value);
  }

  /** The 2-d data: `ring` (default), `grid`, `moons`, `line` or `custom` (points the user clicks). */
  get distribution(): ToyDistribution {
    return parseDistribution(this.attributeText('distribution')).value;
  }
  set distribution(value: ToyDistribution | string | null) {
    this.setAttributeText('distribution', value);
  }

  /** Discriminator updates per round (default 1). */
  get dSteps(): number {
    return parseSteps(this.attributeText('d-steps')).value;
  }
  set dSteps(value: number | string | null) {
    this.setAttributeText('dSteps', value);
  }

  /** Generator updates per round (default 1). */
  get gSteps(): number {
    return parseSteps(this.attributeText('g-steps')).value;
  }
  set gSteps(value: number | string | null) {
    this.setAttributeText('gSteps', value);
  }

  /** The discriminator's learning rate (default per mode). */
  get lrD(): number {
    return parseLearningRate(this.attributeText('lr-d'), DEFAULT_LEARNING_RATES[this.mode].d).value;
  }
  set lrD(value: number | string | null) {
    this.setAttributeText('lrD', value);
  }

  /** The generator's learning rate (default per mode). */
  get lrG(): number {
    return parseLearningRate(this.attributeText('lr-g'), DEFAULT_LEARNING_RATES[this.mode].g).value;
  }
  set lrG(value: number | string | null) {
    this.setAttributeText('lrG', value);
  }

  /** Samples per batch, 8–512 (default 64). */
  get batchSize(): number {
    return parseBatchSize(this.attributeText('batch-size')).value;
  }
  set batchSize(value: number | string | null) {
    this.setAttributeText('batchSize', value);
  }

  /** The generator's loss: `non-saturating` (default, −log D(G(z))) or `minimax` (log(1 − D(G(z))), which stalls early). */
  get loss(): GanLoss {
    return parseLoss(this.attributeText('loss')).value;
  }
  set loss(value: GanLoss | string | null) {
    this.setAttributeText('loss', value);
  }

  /** Start the digits networks from the bundled weights (default true; `pretrained="false"` starts fresh). */
  get pretrained(): boolean {
    return this.attributeText('pretrained') !== 'false';
  }
  set pretrained(value: boolean | string | null) {
    this.setAttributeText('pretrained', value === false ? 'false' : value === true ? '' : value);
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const has = (key: string) => changed.has(key as keyof GanArena);
    const check = <T>(attribute: string, parsed: Parsed<T>, shown: (v: T) => string = String) => {
      this.checkAttribute(
        attribute,
        !parsed.problem,
        shown(parsed.value),
        parsed.problem ? this.strings.problems[parsed.problem] : '',
      );
      return parsed.value;
    };
    const text = (attribute: string) => this.attributeText(attribute);
    if (has('mode')) this.#mode = check('mode', parseMode(text('mode')));
    if (has('distribution'))
      this.#distribution = check('distribution', parseDistribution(text('distribution')));
    const rates = DEFAULT_LEARNING_RATES[this.#mode];
    const next: GanSettings = {
      ...this.settings,
      dSteps: has('dSteps') ? check('d-steps', parseSteps(text('d-steps'))) : this.settings.dSteps,
      gSteps: has('gSteps') ? check('g-steps', parseSteps(text('g-steps'))) : this.settings.gSteps,
      learningRateD:
        has('lrD') || has('mode')
          ? check('lr-d', parseLearningRate(text('lr-d'), rates.d))
          : this.settings.learningRateD,
      learningRateG:
        has('lrG') || has('mode')
          ? check('lr-g', parseLearningRate(text('lr-g'), rates.g))
          : this.settings.learningRateG,
      batchSize: has('batchSize')
        ? check('batch-size', parseBatchSize(text('batch-size')))
        : this.settings.batchSize,
      loss: has('loss') ? check<GanLoss>('loss', parseLoss(text('loss'))) : this.settings.loss,
      ...(has('mode') ? modeSpecificSettings(this.#mode) : {}),
    };
    this.settings = next;
    void this.trainer?.updateSettings(next);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.trainer) return;
    const has = (key: string) => changed.has(key as keyof GanArena);
    if (has('mode') && this.builtMode !== this.#mode) {
      void this.rebuilding(() => this.rebuild());
      return;
    }
    if (has('distribution') || has('customPoints')) {
      this.sendRealData();
      this.realPreview =
        this.#mode === '2d' ? this.sampleReal(VIEW_POINTS['2d']) : this.realPreview;
      void this.drawView();
    }
    if (has('running')) this.running ? this.startLoop() : this.stopLoop();
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    const mode = this.#mode;
    this.trainer ??= await GanProxy.open(
      mode,
      this.settings,
      this.rng.nextSeed(),
      VIEW_POINTS[mode],
    );
    this.builtMode = mode;
    if (mode === 'digits') {
      if (this.bundledDigits.length === 0)
        this.bundledDigits = (await loadDigitSprite(realDigitsFiles())).digits;
      if (this.retainedWeights) {
        await this.trainer.setWeights(this.retainedWeights);
        this.retainedWeights = undefined;
      } else if (this.pretrained || source) {
        await this.applyWeights(source ?? 'bundled');
      }
    }
    this.sendRealData();
    this.realPreview = mode === '2d' ? this.sampleReal(VIEW_POINTS['2d']) : this.realPreview;
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    if (this.#mode !== 'digits')
      throw new Error(
        'Weights can be loaded in mode="digits"; the 2-d networks always start fresh.',
      );
    await this.trainer!.loadWeights(source === 'bundled' ? bundledGanWeights() : source);
  }

  protected async drawFirstOutput(): Promise<void> {
    await this.updateComplete;
    await this.drawView();
    if (this.running) this.startLoop();
  }

  protected async releaseModel(): Promise<void> {
    this.stopLoop();
    if (!this.trainer) return;
    if (this.builtMode === 'digits') this.retainedWeights = await this.trainer.getWeights();
    this.trainer.dispose();
    this.trainer = undefined;
  }

  /** The mode changed: a different pair of networks. */
  private async rebuild(): Promise<void> {
    this.stopLoop();
    this.trainer?.dispose();
    this.trainer = undefined;
    this.retainedWeights = undefined;
    this.clearHistory();
    try {
      await this.loadModel(null);
      await this.drawFirstOutput();
    } catch (cause) {
      this.showError('mode', this.describe(cause), cause);
    }
  }

  // ---- public API --------------------------------------------------------------------------
  /** Digits mode has a bundled preview; the 2-d game starts from random networks and shows at once. */
  protected override defaultPoster(): string | null {
    return this.#mode === 'digits' ? ganPreview() : null;
  }

  /** The points of a `custom` distribution travel with the shared state. */
  protected override stateExtras(): Record<string, unknown> {
    if (!this.customPoints.length) return {};
    return {
      points: this.customPoints.map((p) => [
        Math.round(p.x * 1000) / 1000,
        Math.round(p.y * 1000) / 1000,
      ]),
    };
  }

  protected override applyStateExtras(extras: Record<string, unknown>): void {
    if (extras.points === undefined) return;
    const points = extras.points as unknown[];
    const valid =
      Array.isArray(points) &&
      points.length <= 200 &&
      points.every(
        (p) =>
          Array.isArray(p) &&
          p.length === 2 &&
          p.every((v) => Number.isFinite(v) && Math.abs(v as number) <= 1.5),
      );
    if (!valid)
      throw new RangeError('setState: "points" must be at most 200 pairs [x, y] inside the plane.');
    this.customPoints = (points as [number, number][]).map(([x, y]) => ({ x, y }));
  }

  /** Starts training (sets `running`). */
  start(): void {
    this.running = true;
  }

  /** Pauses training (removes `running`). */
  pause(): void {
    this.running = false;
  }

  /** Runs `rounds` rounds now, then redraws; resolves with the last round's losses. */
  /**
   * Updates the discriminator alone, `n` times (default 1): the generator stays as it is. With
   * `stepGenerator` it walks the lecture's sequence G0 → D0 → G1 → D1 … by hand.
   */
  async stepDiscriminator(n = 1): Promise<RoundDetail | undefined> {
    return this.stepOnePlayer(n, { dSteps: n, gSteps: 0 });
  }

  /** Updates the generator alone, `n` times (default 1), against the discriminator as it is. */
  async stepGenerator(n = 1): Promise<RoundDetail | undefined> {
    return this.stepOnePlayer(n, { dSteps: 0, gSteps: n });
  }

  private async stepOnePlayer(
    n: number,
    only: { dSteps: number; gSteps: number },
  ): Promise<RoundDetail | undefined> {
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new RangeError(
        'stepDiscriminator(n) / stepGenerator(n): n must be a whole number from 1 to 1000.',
      );
    await this.modelReady();
    this.running = false;
    this.stopLoop();
    const detail = await this.runRound(only);
    await this.drawView();
    return detail;
  }

  async step(rounds = 1): Promise<RoundDetail | undefined> {
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100000)
      throw new RangeError('step(rounds): rounds must be a whole number from 1 to 100000.');
    await this.modelReady();
    let last: RoundDetail | undefined;
    let sliceStart = performance.now();
    for (let i = 0; i < rounds && this.trainer; i++) {
      last = await this.runRound();
      if (!last) break;
      if (performance.now() - sliceStart > FRAME_BUDGET_MS) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
    }
    await this.drawView();
    return last;
  }

  /** New random networks (digits: the pretrained ones again, unless pretrained="false"). */
  async reset(): Promise<void> {
    await this.modelReady();
    this.stopLoop();
    await this.trainer!.reset(this.rng.nextSeed());
    if (this.#mode === 'digits' && this.pretrained)
      await this.applyWeights(this.weights ?? 'bundled');
    this.sendRealData();
    this.clearHistory();
    await this.drawView();
    if (this.running) this.startLoop();
  }

  /** `n` samples from G: points `{x, y}` in 2-d mode, 28×28 ImageData in digits mode. */
  async sample(n = 16): Promise<Point[] | ImageData[]> {
    if (!Number.isInteger(n) || n < 1 || n > 10000)
      throw new RangeError('sample(n): n must be a whole number from 1 to 10000.');
    await this.modelReady();
    const values = await this.trainer!.sample(n, {
      ema: this.#mode === 'digits',
      seed: this.rng.nextSeed(),
    });
    if (this.#mode === '2d')
      return Array.from({ length: n }, (_, i) => ({ x: values[2 * i], y: values[2 * i + 1] }));
    return Array.from({ length: n }, (_, i) =>
      intensitiesToImageData(values, DIGIT_SIZE, i * PIXELS),
    );
  }

  /**
   * Trains on the user's data: digit images in digits mode, `{x, y}` points (in [−1, 1]²) in
   * 2-d mode, which then become the `custom` distribution.
   */
  async fineTune(
    data: Iterable<ImageInput | Point> | ArrayLike<ImageInput | Point>,
    options: GanFineTuneOptions = {},
  ): Promise<TrainingResult> {
    checkFineTuneOptions(options);
    await this.modelReady();
    const items = Array.from(data as Iterable<ImageInput | Point>);
    if (items.length === 0) throw new RangeError('fineTune needs at least one example.');
    if (this.#mode === '2d') {
      const points = items as Point[];
      if (!points.every((p) => Number.isFinite(p?.x) && Number.isFinite(p?.y)))
        throw new TypeError('In 2d mode, fineTune takes points {x, y} of finite numbers.');
      if (!points.every((p) => Math.abs(p.x) <= 1.5 && Math.abs(p.y) <= 1.5))
        throw new RangeError('fineTune: 2-d points lie in [−1, 1]² (the plane shown).');
      this.customPoints = points;
      this.setAttribute('distribution', 'custom');
    } else {
      this.userDigits = await Promise.all(
        (items as ImageInput[]).map((image) => imageToDigit(image)),
      );
      this.trainOnMine = true;
    }
    await this.updateComplete;
    this.sendRealData();
    const changes: Partial<GanSettings> = {};
    if (options.learningRate !== undefined)
      changes.learningRateD = changes.learningRateG = options.learningRate;
    if (options.batchSize !== undefined)
      changes.batchSize = Math.min(
        BATCH_SIZE.max,
        Math.max(BATCH_SIZE.min, Math.round(options.batchSize)),
      );
    void this.trainer!.updateSettings(changes);
    this.stopLoop();
    const steps = Math.max(1, Math.min(Math.round(options.steps ?? 200), 100000));
    return this.runTraining(
      (signal, report) =>
        runStepLoop({
          totalSteps: steps,
          signal,
          step: async () => {
            const detail = await this.runRound();
            if (steps < 50 || (detail && detail.round % 10 === 0)) void this.drawView();
            return detail
              ? { dLoss: detail.dLoss, gLoss: detail.gLoss }
              : { dLoss: NaN, gLoss: NaN };
          },
          onProgress: report,
        }),
      options.signal,
    ).finally(() => this.drawView());
  }

  protected weightsModel(): GanProxy | undefined {
    return this.trainer;
  }

  /** Exports are gan-2d or gan-digits (.json + .weights.bin). */
  protected exportName(): string {
    return `gan-${this.#mode}`;
  }

  // ---- training loop -------------------------------------------------------------------------
  /** Off screen the game stops; `running` stays set and it goes on when the arena is back. */
  protected override onScreenChanged(onScreen: boolean): void {
    if (!onScreen) this.stopLoop();
    else if (this.running) this.startLoop();
  }

  private startLoop(): void {
    if (this.looping || !this.trainer || this.isTraining || !this.isOnScreen) return;
    this.looping = true;
    this.frameRequest = requestAnimationFrame(() => void this.frame());
  }

  private stopLoop(): void {
    this.looping = false;
    cancelAnimationFrame(this.frameRequest);
  }

  /** One animation frame: train for a slice of time (2-d) or one round (digits), then redraw. */
  private async frame(): Promise<void> {
    try {
      await this.trainAndDrawOneFrame();
    } catch (cause) {
      // Never let an animation frame throw into the page: stop, and say what happened.
      this.looping = false;
      this.running = false;
      this.showError('training', this.describe(cause), cause);
    }
  }

  private async trainAndDrawOneFrame(): Promise<void> {
    if (!this.looping) return;
    const trainer = this.trainer;
    if (!trainer) return; // released (the element left the page); `running` is kept for its return
    // The 2-d game plays a frame's worth of rounds in one message; a digits round is one update.
    const fine =
      this.#mode === '2d'
        ? await this.playRounds(trainer, FRAME_BUDGET_MS)
        : (await this.runRound()) !== undefined;
    if (!fine) {
      if (this.trainer === trainer) this.running = false; // diverged: stop and let the message show
      return;
    }
    // Training and redrawing run as two separate tasks, so neither keeps the page busy for long.
    await yieldToBrowser();
    const now = performance.now();
    if (this.#mode === '2d' || now - this.lastDigitsDraw > 250) {
      this.lastDigitsDraw = now;
      await this.drawView();
    }
    if (this.looping) this.frameRequest = requestAnimationFrame(() => void this.frame());
  }

  /** One round with bookkeeping; undefined (and a visible message) if the losses blew up. */
  private async runRound(only?: {
    dSteps: number;
    gSteps: number;
  }): Promise<RoundDetail | undefined> {
    const trainer = this.trainer;
    if (!trainer) return undefined;
    return this.recordRound(await trainer.round(only), trainer.rounds, only);
  }

  /** Plays rounds for about `budgetMs`; false if the losses blew up. */
  private async playRounds(trainer: GanProxy, budgetMs: number): Promise<boolean> {
    const played = await trainer.play(budgetMs, 1000);
    const first = trainer.rounds - played.length + 1;
    return played.every((losses, i) => this.recordRound(losses, first + i) !== undefined);
  }

  /** A round's bookkeeping: counters, charts, the `round` event; undefined if a loss blew up. */
  private recordRound(
    { dLoss, gLoss }: RoundLosses,
    round: number,
    only?: { dSteps: number; gSteps: number },
  ): RoundDetail | undefined {
    const { dSteps, gSteps } = only ?? this.settings;
    this.updates = { d: this.updates.d + dSteps, g: this.updates.g + gSteps };
    this.lastMoved =
      gSteps > 0 && dSteps === 0
        ? 'generator'
        : dSteps > 0 && gSteps === 0
          ? 'discriminator'
          : 'both';
    if (!Number.isFinite(dLoss) || !Number.isFinite(gLoss)) {
      this.showError(
        'training',
        'Training diverged (a loss became NaN or infinite). Press Reset to start again.',
      );
      return undefined;
    }
    const now = performance.now();
    this.roundTimes.push(now);
    while (this.roundTimes.length && now - this.roundTimes[0] > 1000) this.roundTimes.shift();
    this.history.dLoss.push(dLoss);
    this.history.gLoss.push(gLoss);
    trimHistory(this.history);
    const detail = { round, dLoss, gLoss };
    this.emit<RoundDetail>('round', detail);
    return detail;
  }

  // ---- real data -----------------------------------------------------------------------------
  /** Where the real samples come from now, as data for the trainer. */
  private realData(): RealData {
    if (this.#mode === '2d') {
      const points = this.customPoints.length ? this.customPoints : DEFAULT_CUSTOM_POINTS;
      return { kind: 'toy', distribution: this.#distribution, points };
    }
    const pool = this.trainOnMine && this.userDigits.length ? this.userDigits : this.bundledDigits;
    const flat = new Float32Array(pool.length * PIXELS);
    pool.forEach((digit, i) => flat.set(digit, i * PIXELS));
    return { kind: 'images', pool: flat, size: PIXELS };
  }

  /** Tells the trainer where real samples come from now. */
  private sendRealData(): void {
    void this.trainer?.setRealData(this.realData());
  }

  private sampleReal(n: number): Float32Array {
    return realSamplerFor(this.realData())(n, this.rng.nextSeed());
  }

  // ---- drawing ---------------------------------------------------------------------------------
  private async drawView(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    this.roundsPerSecond = this.roundTimes.length;
    if (this.#mode === '2d') {
      const view = await trainer.planeView(DECISION_GRID, DOMAIN);
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.plane');
      if (canvas) {
        drawPlane(canvas, {
          domain: DOMAIN,
          decision: { values: view.decision, size: view.decisionSize },
          real: this.realPreview,
          fake: view.generated,
          arrows: view.arrows,
        });
      }
      this.history.divergence.push(jensenShannonOnGrid(this.realPreview, view.generated));
      trimHistory(this.history);
      this.coverage =
        this.#distribution === 'ring' || this.#distribution === 'grid'
          ? modeCoverage(view.generated, this.#distribution)
          : null;
    } else {
      const { samples, realness } = await trainer.fixedSamples({ ema: true });
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.sheet');
      if (canvas) drawSamplesWithVerdicts(canvas, samples, realness);
      await this.drawWalk();
    }
    this.history = { ...this.history };
  }

  private async drawWalk(): Promise<void> {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.walk');
    if (!canvas || !this.trainer) return;
    const walk = await this.trainer.latentWalk(WALK_STEPS, this.walkSeeds, { ema: true });
    canvas.width = WALK_STEPS * DIGIT_SIZE;
    canvas.height = DIGIT_SIZE;
    canvas.getContext('2d')!.putImageData(digitSheet(walk, WALK_STEPS, 1), 0, 0);
  }

  private clearHistory(): void {
    this.updates = { d: 0, g: 0 };
    this.lastMoved = null;
    this.history = { dLoss: [], gLoss: [], divergence: [] };
    this.roundTimes = [];
  }

  // ---- UI handlers -----------------------------------------------------------------------------
  private onPlanePointer(event: PointerEvent) {
    if (this.#mode !== '2d' || this.#distribution !== 'custom') return;
    if (event.type === 'pointermove' && event.buttons === 0) return;
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const x = DOMAIN[0] + ((event.clientX - rect.left) / rect.width) * (DOMAIN[1] - DOMAIN[0]);
    const y = DOMAIN[1] - ((event.clientY - rect.top) / rect.height) * (DOMAIN[1] - DOMAIN[0]);
    this.customPoints = [...this.customPoints, { x, y }];
  }

  private setAttributeFrom(attribute: string) {
    return (event: Event) =>
      this.setAttribute(attribute, (event.target as HTMLInputElement | HTMLSelectElement).value);
  }

  private get pad(): DrawPad | null {
    return this.renderRoot.querySelector('ge-draw-pad');
  }

  private async onAddDrawing() {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    this.userDigits = [...this.userDigits, await imageToDigit(pad.toImageData())];
    pad.clear();
    if (this.trainOnMine) this.sendRealData();
  }

  private async onAddFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    try {
      this.userDigits = [
        ...this.userDigits,
        ...(await Promise.all(files.map((file) => imageToDigit(file)))),
      ];
      if (this.trainOnMine) this.sendRealData();
      this.clearError('data');
    } catch (cause) {
      this.showError('data', this.describe(cause), cause);
    }
  }

  private onTrainOn(mine: boolean) {
    if (mine && this.userDigits.length === 0) {
      this.showError('data', this.strings.needDigits);
      return;
    }
    this.clearError('data');
    this.trainOnMine = mine;
    this.sendRealData();
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    const s = this.strings;
    const side = ['playback', 'settings', 'weights', 'charts'].some((part) => this.shows(part));
    return html`<div part="base">
      ${
        this.showsEverything
          ? html`<h2>${s.title}</h2>
              <p class="intro">${this.#mode === '2d' ? s.intro2d : s.introDigits}</p>`
          : nothing
      }
      ${this.renderStatus()}
      <div class="layout ${side ? '' : 'single'}">
        <div>${this.#mode === '2d' ? this.renderPlane() : this.renderDigits()}</div>
        ${
          side
            ? html`<div>
                ${this.renderControls()}
                ${this.shows('charts') ? html`${this.renderReadout()} ${this.renderCharts()}` : nothing}
              </div>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderPlane() {
    const s = this.strings;
    const custom = this.#distribution === 'custom';
    return html`<canvas
        part="plane"
        class="plane ${custom ? 'custom' : ''}"
        width="400"
        height="400"
        role="img"
        aria-label=${s.planeLabel}
        @pointerdown=${this.onPlanePointer}
        @pointermove=${this.onPlanePointer}
      ></canvas>
      <div class="legend">
        <span
          ><span class="dot" ${cssProperties({ background: REAL_COLOUR })}></span
          >${s.legendReal}</span
        >
        <span
          ><span class="dot" ${cssProperties({ background: FAKE_COLOUR })}></span
          >${s.legendFake}</span
        >
        <span
          ><span class="dot" ${cssProperties({ background: '#db2777' })}></span
          >${s.legendArrows}</span
        >
        <span>${s.legendMap}</span>
      </div>
      ${
        custom
          ? html`<p class="note">${s.customHint}</p>
              <button type="button" @click=${() => (this.customPoints = [])}>
                ${s.clearPoints}
              </button>`
          : nothing
      }`;
  }

  private renderDigits() {
    const s = this.strings;
    return html`<h3>${s.samples}</h3>
      <canvas
        part="samples"
        class="sheet"
        width=${SAMPLE_COLUMNS * DIGIT_SIZE}
        height=${SAMPLE_COLUMNS * (DIGIT_SIZE + 4)}
        role="img"
        aria-label=${s.samples}
      ></canvas>
      <p class="note">${s.samplesNote}</p>
      ${this.shows('samples') ? this.renderWalk() : nothing}
      ${this.shows('training') ? this.renderOwnDigits() : nothing}`;
  }

  private renderWalk() {
    const s = this.strings;
    return html`<h3>${s.latentWalk}</h3>
      <canvas part="walk" class="strip walk" role="img" aria-label=${s.latentWalk}></canvas>
      <button
        type="button"
        @click=${() => {
          this.walkSeeds = [this.rng.nextSeed(), this.rng.nextSeed()];
          void this.drawWalk();
        }}
      >
        ${s.newWalk}
      </button>`;
  }

  private renderOwnDigits() {
    const s = this.strings;
    const mine = this.trainOnMine;
    return html`<h3>${s.trainOn}</h3>
      <div class="row" role="radiogroup" aria-label=${s.trainOn}>
        <label
          ><input
            type="radio"
            name="train-on"
            .checked=${!mine}
            @change=${() => this.onTrainOn(false)}
          />
          ${s.trainOnBundled}</label
        >
        <label
          ><input
            type="radio"
            name="train-on"
            .checked=${mine}
            @change=${() => this.onTrainOn(true)}
          />
          ${s.trainOnMine}</label
        >
      </div>
      <div class="row">
        <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
        <div>
          <button type="button" @click=${this.onAddDrawing}>${s.addDrawing}</button>
          <label class="row"
            >${s.addFiles} <input type="file" accept="image/*" multiple @change=${this.onAddFiles}
          /></label>
          <p class="note">${format(s.yourDigits, { count: this.userDigits.length })}</p>
        </div>
      </div>`;
  }

  private renderControls() {
    const s = this.strings;
    const ready = this.phase === 'ready' || this.phase === 'training';
    const playback = this.shows('playback');
    const weights = this.shows('weights');
    return html`<div part="controls">
      ${
        playback || weights
          ? html`<div class="controls">
              ${
                playback
                  ? html`<button
                        type="button"
                        class="primary"
                        ?disabled=${!ready || this.isTraining}
                        @click=${() => (this.running = !this.running)}
                        aria-pressed=${this.running ? 'true' : 'false'}
                      >
                        ${this.running ? s.pause : s.play}
                      </button>
                      <button
                        type="button"
                        ?disabled=${!ready || this.running}
                        @click=${() => void this.step(1).catch(() => undefined)}
                      >
                        ${s.step}
                      </button>
                      <button
                        type="button"
                        ?disabled=${!ready}
                        @click=${() => void this.reset().catch(() => undefined)}
                      >
                        ${s.reset}
                      </button>
                      <button
                        type="button"
                        class="step-d"
                        ?disabled=${!ready || this.isTraining}
                        @click=${() => void this.stepDiscriminator().catch(() => undefined)}
                      >
                        ${s.stepDiscriminator}
                      </button>
                      <button
                        type="button"
                        class="step-g"
                        ?disabled=${!ready || this.isTraining}
                        @click=${() => void this.stepGenerator().catch(() => undefined)}
                      >
                        ${s.stepGenerator}
                      </button>
                      ${this.renderPlayers()}`
                  : nothing
              }
              ${weights ? html`<button type="button" ?disabled=${!ready} @click=${() => void this.exportWeights().catch((e) => this.showError('weights', this.describe(e), e))}>${s.exportWeights}</button>` : nothing}
            </div>`
          : nothing
      }
      ${this.shows('settings') ? this.renderSettings() : nothing}
    </div>`;
  }

  private renderSettings() {
    const s = this.strings;
    const st = this.settings;
    const number = (
      attribute: string,
      label: string,
      value: number,
      step: string,
      min: string,
      max: string,
    ) =>
      html`<label for=${attribute}>${label}</label>
        <input
          id=${attribute}
          type="number"
          step=${step}
          min=${min}
          max=${max}
          .value=${String(value)}
          @change=${this.setAttributeFrom(attribute)}
        />`;
    return html`<div class="settings">
      ${
        this.#mode === '2d'
          ? html`<label for="distribution">${s.distribution}</label>
              <select id="distribution" @change=${this.setAttributeFrom('distribution')}>
                ${(Object.keys(s.distributions) as ToyDistribution[]).map(
                  (d) =>
                    html`<option value=${d} ?selected=${d === this.#distribution}>
                      ${s.distributions[d]}
                    </option>`,
                )}
              </select>`
          : nothing
      }
      <label for="loss">${s.loss}</label>
      <select id="loss" @change=${this.setAttributeFrom('loss')}>
        ${(['non-saturating', 'minimax'] as const).map((l) => html`<option value=${l} ?selected=${l === st.loss}>${s.losses[l]}</option>`)}
      </select>
      ${number('d-steps', s.dSteps, st.dSteps, '1', '0', '20')}
      ${number('g-steps', s.gSteps, st.gSteps, '1', '0', '20')}
      ${number('lr-d', s.lrD, st.learningRateD, 'any', '0', '1')}
      ${number('lr-g', s.lrG, st.learningRateG, 'any', '0', '1')}
      ${number('batch-size', s.batchSize, st.batchSize, '1', String(BATCH_SIZE.min), String(BATCH_SIZE.max))}
    </div>`;
  }

  /** G3 · D2, with the network that moved last marked: the lecture's G0 → D0 → G1 sequence. */
  private renderPlayers() {
    const s = this.strings;
    const moved = (player: 'generator' | 'discriminator') =>
      this.lastMoved === player || this.lastMoved === 'both';
    return html`<p class="players" aria-live="polite">
      <span class=${moved('generator') ? 'moved' : ''}>G${this.updates.g}</span> ·
      <span class=${moved('discriminator') ? 'moved' : ''}>D${this.updates.d}</span>
      ${this.lastMoved ? html`<span class="note">${s.movedLast[this.lastMoved]}</span>` : nothing}
    </p>`;
  }

  private renderReadout() {
    const s = this.strings;
    const lang = this.lang_;
    const last = (values: number[]) =>
      values.length ? formatNumber(lang, values[values.length - 1], 3) : '–';
    return html`<dl class="readout">
      <dt>${s.round}</dt>
      <dd class="round">${this.trainer?.rounds ?? 0}</dd>
      <dt>${s.roundsPerSecond}</dt>
      <dd>${this.roundsPerSecond}</dd>
      <dt>${s.dLoss}</dt>
      <dd>${last(this.history.dLoss)}</dd>
      <dt>${s.gLoss}</dt>
      <dd>${last(this.history.gLoss)}</dd>
      ${
        this.#mode === '2d'
          ? html`<dt>${s.divergence}</dt>
              <dd>${last(this.history.divergence)}</dd>`
          : nothing
      }
      ${
        this.coverage
          ? html`<dt>${s.modes}</dt>
              <dd class="coverage">${this.coverage.covered} / ${this.coverage.modes}</dd>`
          : nothing
      }
    </dl>`;
  }

  private renderCharts() {
    const s = this.strings;
    return html`<div part="charts">
      <ge-line-chart
        .label=${s.lossChart}
        x-label=${s.rounds}
        .series=${[
          { label: s.dLoss, color: '#2563eb', values: this.history.dLoss },
          { label: s.gLoss, color: '#ea580c', values: this.history.gLoss },
        ]}
      ></ge-line-chart>
      <p class="note">${s.dLossNote}</p>
      ${
        this.#mode === '2d'
          ? html`<ge-line-chart
              .label=${s.divergenceChart}
              x-label=${s.frames}
              .series=${[{ label: s.divergence, color: '#9333ea', values: this.history.divergence }]}
            ></ge-line-chart>`
          : nothing
      }
    </div>`;
  }
}

/** A few points for `custom` until the user has placed their own. */
const DEFAULT_CUSTOM_POINTS: Point[] = [
  { x: -0.5, y: 0.5 },
  { x: 0.5, y: 0.5 },
  { x: 0, y: -0.5 },
];

function defaultSettings(mode: ArenaMode): GanSettings {
  const rates = DEFAULT_LEARNING_RATES[mode];
  return {
    learningRateD: rates.d,
    learningRateG: rates.g,
    batchSize: BATCH_SIZE.default,
    dSteps: 1,
    gSteps: 1,
    loss: 'non-saturating',
    ...modeSpecificSettings(mode),
  };
}

/** Digits use the tricks the bundled networks were trained with; the 2-d game is left plain. */
function modeSpecificSettings(mode: ArenaMode): Pick<GanSettings, 'realLabel' | 'emaDecay'> {
  return mode === 'digits'
    ? { realLabel: 0.9, emaDecay: 0.98 }
    : { realLabel: 1, emaDecay: undefined };
}

function trimHistory(history: Record<string, number[]>): void {
  for (const values of Object.values(history))
    if (values.length > HISTORY) values.splice(0, values.length - HISTORY);
}

/** Samples in an 8-column sheet, each with a bar showing D's belief that it is real. */
function drawSamplesWithVerdicts(
  canvas: HTMLCanvasElement,
  samples: Float32Array,
  realness: Float32Array,
): void {
  const count = realness.length;
  const rows = Math.ceil(count / SAMPLE_COLUMNS);
  const cellHeight = DIGIT_SIZE + 4;
  canvas.width = SAMPLE_COLUMNS * DIGIT_SIZE;
  canvas.height = rows * cellHeight;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (let row = 0; row < rows; row++) {
    const rowPixels = samples.subarray(
      row * SAMPLE_COLUMNS * PIXELS,
      (row + 1) * SAMPLE_COLUMNS * PIXELS,
    );
    context.putImageData(digitSheet(rowPixels, SAMPLE_COLUMNS, 1), 0, row * cellHeight);
    for (
      let column = 0;
      column < SAMPLE_COLUMNS && row * SAMPLE_COLUMNS + column < count;
      column++
    ) {
      const p = realness[row * SAMPLE_COLUMNS + column];
      context.fillStyle = p >= 0.5 ? REAL_COLOUR : FAKE_COLOUR;
      context.fillRect(
        column * DIGIT_SIZE + 1,
        row * cellHeight + DIGIT_SIZE + 1,
        Math.max(1, p * (DIGIT_SIZE - 2)),
        2,
      );
    }
  }
}

defineElement('gan-arena', GanArena);

declare global {
  interface HTMLElementTagNameMap {
    'gan-arena': GanArena;
  }
  interface HTMLElementEventMap {
    round: CustomEvent<RoundDetail>;
  }
}
