/**
 * The arena's pair of networks, which live in the model worker behind a GanProxy: made for a
 * mode, given weights, and released when the element leaves the page. Digits weights are kept
 * through a release, so an arena put back on the page goes on where it was; the 2-d networks are
 * small and start fresh.
 */
import { GanProxy } from '../../src/worker/gan-proxy.js';
import type { WeightsArtifacts, WeightsSource } from '../../src/runtime/weights-source.js';
import type { Point } from '../../src/data/toy-distributions.js';
import { intensitiesToImageData, DIGIT_SIZE } from '../../src/data/digit-image.js';
import type { ArenaMode } from './attributes.js';
import type { ArenaContext } from './context.js';
import { VIEW_POINTS } from './types.js';
import { bundledGanWeights } from './assets.js';

export class ArenaNetworks {
  #trainer: GanProxy | undefined;
  #builtMode: ArenaMode | undefined;
  #retainedWeights: WeightsArtifacts | undefined;

  constructor(private readonly context: ArenaContext) {}

  /** The networks, or undefined before they are made and once released. */
  get trainer(): GanProxy | undefined {
    return this.#trainer;
  }

  /** Whether the networks in use were made for `mode`. */
  builtFor(mode: ArenaMode): boolean {
    return this.#builtMode === mode;
  }

  /** Makes networks for `mode`, unless there are some (a seed is drawn only for new ones). */
  async open(mode: ArenaMode): Promise<GanProxy> {
    this.#trainer ??= await GanProxy.open(
      mode,
      this.context.settings(),
      this.context.nextSeed(),
      VIEW_POINTS[mode],
    );
    this.#builtMode = mode;
    return this.#trainer;
  }

  /** Gives back the weights kept through a release; false if none were kept. */
  async restoreWeights(): Promise<boolean> {
    if (!this.#retainedWeights) return false;
    await this.#trainer!.setWeights(this.#retainedWeights);
    this.#retainedWeights = undefined;
    return true;
  }

  /** Weights for the digits networks: the bundled ones, or from `source`. */
  async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    if (this.context.mode() !== 'digits')
      throw new Error(
        'Weights can be loaded in mode="digits"; the 2-d networks always start fresh.',
      );
    await this.#trainer!.loadWeights(source === 'bundled' ? bundledGanWeights() : source);
  }

  /** `n` samples from G: points `{x, y}` in 2-d mode, 28×28 ImageData in digits mode (EMA weights). */
  async sample(n: number): Promise<Point[] | ImageData[]> {
    const values = await this.#trainer!.call('sample', n, {
      ema: this.context.mode() === 'digits',
      seed: this.context.nextSeed(),
    });
    if (this.context.mode() === '2d')
      return Array.from({ length: n }, (_, i) => ({ x: values[2 * i], y: values[2 * i + 1] }));
    return Array.from({ length: n }, (_, i) =>
      intensitiesToImageData(values, DIGIT_SIZE, i * DIGIT_SIZE * DIGIT_SIZE),
    );
  }

  /** Frees the networks, keeping digits weights for the element's return. */
  async release(): Promise<void> {
    if (!this.#trainer) return;
    if (this.#builtMode === 'digits') this.#retainedWeights = await this.#trainer.getWeights();
    this.#trainer.dispose();
    this.#trainer = undefined;
  }

  /** Frees the networks and forgets their weights: the mode changed. */
  discard(): void {
    this.#trainer?.dispose();
    this.#trainer = undefined;
    this.#retainedWeights = undefined;
  }
}
