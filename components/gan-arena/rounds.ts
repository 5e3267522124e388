/**
 * The game's rounds: playing them (one, a number of them, a frame's worth, or fine-tuning's) and
 * keeping their record, which the readout and charts show: how often each network has been updated (G3 · D2)
 * and which moved last, the loss and divergence histories, the rounds of the last second and the
 * modes G covers. It asks the element to render when the record changes.
 */
import { clampSteps } from '../shared/fine-tune-numbers.js';
import type { GanProxy, RoundLosses } from '../../src/worker/gan-proxy.js';
import {
  jensenShannonOnGrid,
  modeCoverage,
  type ToyDistribution,
} from '../../src/data/toy-distributions.js';
import { runStepLoop, yieldToBrowser, type StepLoopOptions } from '../../src/runtime/step-loop.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import type { ArenaContext } from './context.js';
import type { Mover, RoundDetail, RoundSteps } from './types.js';

/** In 2-d mode each animation frame trains for about this long, then redraws everything. */
export const FRAME_BUDGET_MS = 8;
/** Points kept per chart: enough to see a trend, few enough to redraw every frame. */
const HISTORY = 2000;

export interface ChartHistory {
  dLoss: number[];
  gLoss: number[];
  divergence: number[];
}

export class ArenaRounds {
  #history: ChartHistory = emptyHistory();
  /** Updates each network has had since the last reset: G0 → D0 → G1 … counts them. */
  #updates = { d: 0, g: 0 };
  #lastMoved: Mover | null = null;
  /** When each round of the last second ended (their count is the rate shown). */
  #roundTimes: number[] = [];
  #roundsPerSecond = 0;
  #coverage: { covered: number; modes: number } | null = null;

  constructor(private readonly context: ArenaContext) {}

  get history(): Readonly<ChartHistory> {
    return this.#history;
  }
  get updates(): Readonly<{ d: number; g: number }> {
    return this.#updates;
  }
  get lastMoved(): Mover | null {
    return this.#lastMoved;
  }
  get roundsPerSecond(): number {
    return this.#roundsPerSecond;
  }
  get coverage(): { covered: number; modes: number } | null {
    return this.#coverage;
  }

  /** One round (or, with `only`, one player's steps); undefined if released or a loss blew up. */
  async play(only?: RoundSteps): Promise<RoundDetail | undefined> {
    const trainer = this.context.trainer();
    if (!trainer) return undefined;
    return this.#record(await trainer.round(only), trainer.rounds, only);
  }

  /** Up to `rounds` rounds, yielding to the page now and then; the last one's detail. */
  async playMany(rounds: number): Promise<RoundDetail | undefined> {
    let last: RoundDetail | undefined;
    let sliceStart = performance.now();
    for (let i = 0; i < rounds && this.context.trainer(); i++) {
      last = await this.play();
      if (!last) break;
      if (performance.now() - sliceStart > FRAME_BUDGET_MS) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
    }
    return last;
  }

  /** Fine-tuning: `steps` rounds (default 200) with progress; redrawn often, then every tenth. */
  train(
    requestedSteps: number | undefined,
    signal: AbortSignal,
    onProgress: StepLoopOptions['onProgress'],
    redraw: () => void,
  ): Promise<TrainingResult> {
    const steps = clampSteps(requestedSteps, 200);
    return runStepLoop({
      totalSteps: steps,
      signal,
      step: async () => {
        const detail = await this.play();
        if (steps < 50 || (detail && detail.round % 10 === 0)) redraw();
        return detail ? { dLoss: detail.dLoss, gLoss: detail.gLoss } : { dLoss: NaN, gLoss: NaN };
      },
      onProgress,
    });
  }

  /** Rounds for about `budgetMs`, in one message to the trainer; false if the losses blew up. */
  async playFor(trainer: GanProxy, budgetMs: number): Promise<boolean> {
    const played = await trainer.play(budgetMs, 1000);
    const first = trainer.rounds - played.length + 1;
    return played.every((losses, i) => this.#record(losses, first + i) !== undefined);
  }

  /** A round's bookkeeping: counters, charts, the `round` event; undefined if a loss blew up. */
  #record(
    { dLoss, gLoss }: RoundLosses,
    round: number,
    only?: RoundSteps,
  ): RoundDetail | undefined {
    const { dSteps, gSteps } = only ?? this.context.settings();
    this.#updates = { d: this.#updates.d + dSteps, g: this.#updates.g + gSteps };
    this.#lastMoved =
      gSteps > 0 && dSteps === 0
        ? 'generator'
        : dSteps > 0 && gSteps === 0
          ? 'discriminator'
          : 'both';
    this.context.host.requestUpdate();
    if (!Number.isFinite(dLoss) || !Number.isFinite(gLoss)) {
      this.context.showError(
        'training',
        'Training diverged (a loss became NaN or infinite). Press Reset to start again.',
      );
      return undefined;
    }
    const now = performance.now();
    this.#roundTimes.push(now);
    while (this.#roundTimes.length && now - this.#roundTimes[0] > 1000) this.#roundTimes.shift();
    this.#history.dLoss.push(dLoss);
    this.#history.gLoss.push(gLoss);
    trimHistory(this.#history);
    const detail = { round, dLoss, gLoss };
    this.context.emit<RoundDetail>('round', detail);
    return detail;
  }

  /** A redraw starts: the rate shown becomes the rounds of the last second. */
  viewStarted(): void {
    if (this.#roundsPerSecond === this.#roundTimes.length) return;
    this.#roundsPerSecond = this.#roundTimes.length;
    this.context.host.requestUpdate();
  }

  /** The plane was drawn: how far G's points are from the real ones, and which modes they cover. */
  planeDrawn(real: Float32Array, generated: Float32Array, distribution: ToyDistribution): void {
    this.#history.divergence.push(jensenShannonOnGrid(real, generated));
    trimHistory(this.#history);
    this.#coverage =
      distribution === 'ring' || distribution === 'grid'
        ? modeCoverage(generated, distribution)
        : null;
  }

  /** A redraw ended: the readout and the charts follow it. */
  viewDrawn(): void {
    this.context.host.requestUpdate();
  }

  /** New networks: every count and chart starts again. */
  clear(): void {
    this.#updates = { d: 0, g: 0 };
    this.#lastMoved = null;
    this.#history = emptyHistory();
    this.#roundTimes = [];
    this.context.host.requestUpdate();
  }
}

function emptyHistory(): ChartHistory {
  return { dLoss: [], gLoss: [], divergence: [] };
}

function trimHistory(history: ChartHistory): void {
  for (const values of [history.dLoss, history.gLoss, history.divergence])
    if (values.length > HISTORY) values.splice(0, values.length - HISTORY);
}
