import type { ModelWeights } from '../../src/worker/model-weights.js';
import { type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import type { Parsed } from '../shared/parsed.js';
import { sharedStyles } from '../shared/styles.js';
import '../shared/line-chart.js';
import '../shared/draw-pad.js';
import { defineElement } from '../shared/define.js';
import { arenaStyles } from './styles.js';
import { STRINGS } from './strings.js';
import { bundledGanWeights, ganPreview } from './assets.js';
import {
  DEFAULT_LEARNING_RATES,
  parseBatchSize,
  parseDistribution,
  parseLearningRate,
  parseLoss,
  parseMode,
  parseSteps,
  type ArenaMode,
  type ArenaProblem,
} from './attributes.js';
import { defaultSettings, fineTuneChanges, settingsAfterUpdate } from './settings.js';
import type { ArenaContext } from './context.js';
import type { GanFineTuneOptions, RoundDetail } from './types.js';
import { ArenaNetworks } from './networks.js';
import { ArenaPlayback } from './playback.js';
import { ArenaRounds } from './rounds.js';
import { ArenaViews } from './views.js';
import { pointsFromSharedState, RealDataChoice, sharedPoints } from './real-data.js';
import { renderArena } from './templates.js';
import type { GanProxy, GanSettings } from '../../src/worker/gan-proxy.js';
import type { GanLoss } from '../../src/models/choices.js';
import type { Point, ToyDistribution } from '../../src/data/toy-distributions.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import type { BundledWeights, WeightsSource } from '../../src/runtime/weights-source.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';

export type { GanFineTuneOptions, RoundDetail } from './types.js';

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
    customPoints: { state: true },
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
  #distribution: ToyDistribution = 'ring';
  private settings: GanSettings = defaultSettings('2d');
  private customPoints: Point[] = [];

  /** What the arena's parts use of it: GenerativeElement's services, its state and actions. */
  readonly #context: ArenaContext = {
    ...this.createContext(() => STRINGS[this.lang_]),
    trainer: () => this.trainer,
    mode: () => this.#mode,
    distribution: () => this.#distribution,
    settings: () => this.settings,
    customPoints: () => this.customPoints,
    setCustomPoints: (points) => (this.customPoints = points),
    running: () => this.running,
    setRunning: (running) => (this.running = running),
    runsInWorker: () => this.runsInWorker,
    actions: {
      step: () => this.step(1),
      reset: () => this.reset(),
      stepDiscriminator: () => this.stepDiscriminator(),
      stepGenerator: () => this.stepGenerator(),
      exportWeights: () => this.exportWeights(),
    },
  };
  // The arena's parts, each a class of its own file that reads the arena through the context.
  readonly #networks = new ArenaNetworks(this.#context);
  readonly #real = new RealDataChoice(this.#context);
  readonly #rounds = new ArenaRounds(this.#context);
  readonly #views = new ArenaViews(this.#context, this.#real, this.#rounds);
  /** A controller: the game stops when the arena leaves the page and goes on when it is back. */
  readonly #playback = new ArenaPlayback(this.#context, this.#rounds, this.#views);
  /** The networks, or undefined before they are made and once released. */
  private get trainer(): GanProxy | undefined {
    return this.#networks.trainer;
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
    const check = <T>(attribute: string, parsed: Parsed<T, ArenaProblem>) =>
      this.valueInUse(attribute, parsed, STRINGS[this.lang_].problems);
    const text = (attribute: string) => this.attributeText(attribute);
    if (has('mode')) this.#mode = check('mode', parseMode(text('mode')));
    if (has('distribution'))
      this.#distribution = check('distribution', parseDistribution(text('distribution')));
    const next = settingsAfterUpdate(this.settings, this.#mode, { changed: has, text, check });
    this.settings = next;
    void this.trainer?.call('updateSettings', next);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.trainer) return this.#views.drawBeforeReady();
    const has = (key: string) => changed.has(key as keyof GanArena);
    if (has('mode') && !this.#networks.builtFor(this.#mode)) {
      void this.rebuilding(() => this.rebuild());
      return;
    }
    if (has('distribution') || has('customPoints')) void this.#views.newRealData();
    if (has('running')) this.#playback.follow(this.running);
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    const mode = this.#mode;
    await this.#networks.open(mode);
    if (mode === 'digits') {
      await this.#real.loadBundledDigits();
      if (!(await this.#networks.restoreWeights()) && (this.pretrained || source))
        await this.applyWeights(source ?? 'bundled');
    }
    this.#real.refresh(mode);
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    await this.#networks.applyWeights(source);
  }

  protected override weightsToPrefetch(): BundledWeights[] {
    return this.#mode === 'digits' && this.pretrained && !this.weights ? [bundledGanWeights()] : [];
  }

  protected async drawFirstOutput(): Promise<void> {
    await this.updateComplete;
    await this.#views.draw();
    if (this.running) this.#playback.start();
  }

  protected async releaseModel(): Promise<void> {
    this.#playback.stop();
    await this.#networks.release();
  }

  /** The mode changed: a different pair of networks. */
  private async rebuild(): Promise<void> {
    this.#playback.stop();
    this.#networks.discard();
    this.#rounds.clear();
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
    return this.customPoints.length ? { points: sharedPoints(this.customPoints) } : {};
  }

  protected override applyStateExtras(extras: Record<string, unknown>): void {
    if (extras.points !== undefined) this.customPoints = pointsFromSharedState(extras.points);
  }

  /** Starts training (sets `running`). */
  start(): void {
    this.running = true;
  }

  /** Pauses training (removes `running`). */
  pause(): void {
    this.running = false;
  }

  /**
   * Updates the discriminator alone, `n` times (default 1): the generator stays as it is. With
   * `stepGenerator` it walks the lecture's sequence G0 → D0 → G1 → D1 … by hand.
   */
  async stepDiscriminator(n = 1): Promise<RoundDetail | undefined> {
    return this.#playback.stepOnePlayer(n, { dSteps: n, gSteps: 0 });
  }

  /** Updates the generator alone, `n` times (default 1), against the discriminator as it is. */
  async stepGenerator(n = 1): Promise<RoundDetail | undefined> {
    return this.#playback.stepOnePlayer(n, { dSteps: 0, gSteps: n });
  }

  /** Runs `rounds` rounds now, then redraws; resolves with the last round's losses. */
  async step(rounds = 1): Promise<RoundDetail | undefined> {
    return this.#playback.step(rounds);
  }

  /** New random networks (digits: the pretrained ones again, unless pretrained="false"). */
  async reset(): Promise<void> {
    await this.modelReady();
    this.#playback.stop();
    await this.trainer!.reset(this.rng.nextSeed());
    if (this.#mode === 'digits' && this.pretrained)
      await this.applyWeights(this.weights ?? 'bundled');
    this.#real.send();
    this.#rounds.clear();
    await this.#views.draw();
    if (this.running) this.#playback.start();
  }

  /** `n` samples from G: points `{x, y}` in 2-d mode, 28×28 ImageData in digits mode. */
  async sample(n = 16): Promise<Point[] | ImageData[]> {
    if (!Number.isInteger(n) || n < 1 || n > 10000)
      throw new RangeError('sample(n): n must be a whole number from 1 to 10000.');
    await this.modelReady();
    return this.#networks.sample(n);
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
    await this.#real.useFineTuneData(Array.from(data as Iterable<ImageInput | Point>));
    await this.updateComplete;
    this.#real.send();
    void this.trainer!.call('updateSettings', fineTuneChanges(options));
    this.#playback.stop();
    return this.runTraining(
      (signal, report) =>
        this.#rounds.train(options.steps, signal, report, () => void this.#views.draw()),
      options.signal,
    ).finally(() => this.#views.draw());
  }

  protected weightsModel(): ModelWeights | undefined {
    return this.trainer;
  }

  /** Exports are gan-2d or gan-digits (.json + .weights.bin). */
  protected exportName(): string {
    return `gan-${this.#mode}`;
  }

  /** Off screen the game stops; `running` stays set and it goes on when the arena is back. */
  protected override onScreenChanged(onScreen: boolean): void {
    this.#playback.screenChanged(onScreen);
  }

  override render() {
    return renderArena({
      context: this.#context,
      rounds: this.#rounds,
      real: this.#real,
      views: this.#views,
    });
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
