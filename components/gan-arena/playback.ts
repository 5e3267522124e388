/**
 * The arena's playback: playing on its own, one animation frame after another, while `running`,
 * or stepped by hand. Each frame trains (a frame's worth of 2-d rounds in one message to the
 * trainer, or one digits round) and then redraws; the two run as separate tasks so neither keeps
 * the page busy for long. Off screen the loop holds (`running` stays set); it does not start
 * while fine-tuning runs.
 */
import { yieldToBrowser } from '../../src/runtime/step-loop.js';
import type { ArenaHost } from './arena-host.js';
import type { ArenaRounds, RoundSteps } from './rounds.js';
import type { ArenaViews } from './views.js';
import type { RoundDetail } from './gan-arena.js';

/** In 2-d mode each animation frame trains for about this long, then redraws everything. */
export const FRAME_BUDGET_MS = 8;
/**
 * In the worker, training holds up nothing on the page: it may take most of the frame (the page
 * draws the last view meanwhile).
 */
const WORKER_FRAME_BUDGET_MS = 14;
/** A digits redraw (the sheet and the walk) costs more than a frame: at most this often. */
const DIGITS_REDRAW_MS = 250;

export class ArenaPlayback {
  #looping = false;
  #frameRequest = 0;
  #lastDigitsDraw = 0;

  constructor(
    private readonly host: ArenaHost,
    private readonly rounds: ArenaRounds,
    private readonly views: ArenaViews,
  ) {}

  /** Starts the loop, unless it runs, there are no networks, fine-tuning runs or it is off screen. */
  start(): void {
    const { host } = this;
    if (this.#looping || !host.trainer() || host.isTraining() || !host.isOnScreen()) return;
    this.#looping = true;
    this.#frameRequest = requestAnimationFrame(() => void this.#frame());
  }

  /** Plays while `running` is set (the attribute changed). */
  follow(running: boolean): void {
    if (running) this.start();
    else this.stop();
  }

  stop(): void {
    this.#looping = false;
    cancelAnimationFrame(this.#frameRequest);
  }

  /** Off screen the loop stops; `running` stays set, and the loop goes on when the arena is back. */
  screenChanged(onScreen: boolean): void {
    if (!onScreen) this.stop();
    else if (this.host.arena.running) this.start();
  }

  /** `step(rounds)`: that many rounds now, then a redraw; the last round's detail. */
  async step(rounds: number): Promise<RoundDetail | undefined> {
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100000)
      throw new RangeError('step(rounds): rounds must be a whole number from 1 to 100000.');
    await this.host.modelReady();
    const last = await this.rounds.playMany(rounds);
    await this.views.draw();
    return last;
  }

  /** `stepDiscriminator(n)` / `stepGenerator(n)`: the game pauses, one network moves `n` times. */
  async stepOnePlayer(n: number, only: RoundSteps): Promise<RoundDetail | undefined> {
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new RangeError(
        'stepDiscriminator(n) / stepGenerator(n): n must be a whole number from 1 to 1000.',
      );
    await this.host.modelReady();
    this.host.arena.pause();
    this.stop();
    const detail = await this.rounds.play(only);
    await this.views.draw();
    return detail;
  }

  /** One animation frame: train for a slice of time (2-d) or one round (digits), then redraw. */
  async #frame(): Promise<void> {
    try {
      await this.#trainAndDrawOneFrame();
    } catch (cause) {
      // Never let an animation frame throw into the page: stop, and say what happened.
      this.#looping = false;
      this.host.arena.pause();
      this.host.showError('training', this.host.describe(cause), cause);
    }
  }

  async #trainAndDrawOneFrame(): Promise<void> {
    if (!this.#looping) return;
    const trainer = this.host.trainer();
    if (!trainer) return; // released (the element left the page); `running` is kept for its return
    const fine =
      this.host.mode() === '2d'
        ? await this.rounds.playFor(
            trainer,
            this.host.arena.runsInWorker ? WORKER_FRAME_BUDGET_MS : FRAME_BUDGET_MS,
          )
        : (await this.rounds.play()) !== undefined;
    if (!fine) {
      // Diverged: stop and let the message show (unless the networks were replaced meanwhile).
      if (this.host.trainer() === trainer) this.host.arena.pause();
      return;
    }
    await yieldToBrowser();
    const now = performance.now();
    if (this.host.mode() === '2d' || now - this.#lastDigitsDraw > DIGITS_REDRAW_MS) {
      this.#lastDigitsDraw = now;
      await this.views.draw();
    }
    if (this.#looping) this.#frameRequest = requestAnimationFrame(() => void this.#frame());
  }
}
