/**
 * The arena's playback: playing on its own, one animation frame after another, while `running`,
 * or stepped by hand. Each frame trains (a frame's worth of 2-d rounds in one message to the
 * trainer, or one digits round) and then redraws; the two run as separate tasks so neither keeps
 * the page busy for long. Off screen, or off the page, the loop holds (`running` stays set) and
 * goes on when the arena is back; it does not start while fine-tuning runs. A Lit reactive
 * controller: it follows the element's connection by itself.
 */
import type { ReactiveController } from 'lit';
import { yieldToBrowser } from '../../src/runtime/step-loop.js';
import type { ArenaContext } from './context.js';
import { FRAME_BUDGET_MS, type ArenaRounds } from './rounds.js';
import type { RoundDetail, RoundSteps } from './types.js';
import type { ArenaViews } from './views.js';

/**
 * In the worker, training holds up nothing on the page: it may take most of the frame (the page
 * draws the last view meanwhile).
 */
const WORKER_FRAME_BUDGET_MS = 14;
/** A digits redraw (the sheet and the walk) costs more than a frame: at most this often. */
const DIGITS_REDRAW_MS = 250;

export class ArenaPlayback implements ReactiveController {
  #looping = false;
  /** Bumped by every start: a frame of an earlier loop, still awaiting its round, then ends. */
  #loop = 0;
  #frameRequest = 0;
  #lastDigitsDraw = 0;

  constructor(
    private readonly context: ArenaContext,
    private readonly rounds: ArenaRounds,
    private readonly views: ArenaViews,
  ) {
    context.host.addController(this);
  }

  /** Back on the page (moved, or put back while its networks were kept): play on if `running`. */
  hostConnected(): void {
    if (this.context.running()) this.start();
  }

  /** Off the page nothing plays; `running` stays set for the arena's return. */
  hostDisconnected(): void {
    this.stop();
  }

  /** Starts the loop, unless it runs, there are no networks, fine-tuning runs or it is off screen. */
  start(): void {
    const { context } = this;
    if (this.#looping || !context.trainer() || context.isTraining() || !context.isOnScreen())
      return;
    this.#looping = true;
    this.#nextFrame(++this.#loop);
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
    this.follow(onScreen && this.context.running());
  }

  /** `step(rounds)`: that many rounds now, then a redraw; the last round's detail. */
  async step(rounds: number): Promise<RoundDetail | undefined> {
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100000)
      throw new RangeError('step(rounds): rounds must be a whole number from 1 to 100000.');
    await this.context.modelReady();
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
    await this.context.modelReady();
    this.context.setRunning(false);
    this.stop();
    const detail = await this.rounds.play(only);
    await this.views.draw();
    return detail;
  }

  /** Whether `loop` is the loop playing now. */
  #plays(loop: number): boolean {
    return this.#looping && loop === this.#loop;
  }

  #nextFrame(loop: number): void {
    this.#frameRequest = requestAnimationFrame(() => void this.#frame(loop));
  }

  /** One animation frame: train for a slice of time (2-d) or one round (digits), then redraw. */
  async #frame(loop: number): Promise<void> {
    try {
      await this.#trainAndDrawOneFrame(loop);
    } catch (cause) {
      // Never let an animation frame throw into the page: stop, and say what happened.
      this.#looping = false;
      this.context.setRunning(false);
      this.context.showError('training', this.context.describe(cause), cause);
    }
  }

  async #trainAndDrawOneFrame(loop: number): Promise<void> {
    if (!this.#plays(loop)) return;
    const { context } = this;
    const trainer = context.trainer();
    if (!trainer) return; // released (the element left the page); `running` is kept for its return
    const fine =
      context.mode() === '2d'
        ? await this.rounds.playFor(
            trainer,
            context.runsInWorker() ? WORKER_FRAME_BUDGET_MS : FRAME_BUDGET_MS,
          )
        : (await this.rounds.play()) !== undefined;
    if (!fine) {
      // Diverged: stop and let the message show (unless the networks were replaced meanwhile).
      if (context.trainer() === trainer) context.setRunning(false);
      return;
    }
    await yieldToBrowser();
    const now = performance.now();
    if (context.mode() === '2d' || now - this.#lastDigitsDraw > DIGITS_REDRAW_MS) {
      this.#lastDigitsDraw = now;
      await this.views.draw();
    }
    if (this.#plays(loop)) this.#nextFrame(loop);
  }
}
