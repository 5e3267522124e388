/**
 * One fine-tuning loop at a time: its AbortSignal (fed by `stopTraining` and by the caller's
 * signal), with the status, errors and the train-progress / train-end events the element owes its
 * page. A training runs to its end on or off screen: the page asked for it.
 */
import type { TrainEndDetail, TrainProgressDetail } from '../events.js';
import type { ElementHost } from './host.js';

/** What every training loop returns. */
export interface TrainingOutcome {
  steps: number;
  losses: Record<string, number>;
  aborted: boolean;
  diverged?: boolean;
}

export type TrainingLoop<T extends TrainingOutcome> = (
  signal: AbortSignal,
  onProgress: (p: TrainProgressDetail) => void,
) => Promise<T>;

export class TrainingSession {
  #controller: AbortController | undefined;
  #stopped: Promise<void> = Promise.resolve();

  constructor(private readonly host: ElementHost) {}

  get running(): boolean {
    return this.#controller !== undefined;
  }

  /** Settles when the loop in progress (if any) has stopped: its tensors are in use until then. */
  get stopped(): Promise<void> {
    return this.#stopped;
  }

  /** Runs `train` (the model must be ready); rejects if a loop is already running. */
  async run<T extends TrainingOutcome>(
    train: TrainingLoop<T>,
    outerSignal?: AbortSignal,
  ): Promise<T> {
    const host = this.host;
    if (this.#controller) throw new Error('Training is already running on this element.');
    const controller = new AbortController();
    this.#controller = controller;
    const forwardAbort = () => controller.abort();
    outerSignal?.addEventListener('abort', forwardAbort);
    if (outerSignal?.aborted) controller.abort();
    host.setPhase('training');
    host.clearError('training');
    host.updateStatus();
    const running = train(controller.signal, (progress) =>
      host.emit<TrainProgressDetail>('train-progress', progress),
    );
    this.#stopped = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await running;
      if (result.diverged)
        host.showError(
          'training',
          'Training diverged (a loss became NaN or infinite); the last good weights were restored.',
        );
      host.emit<TrainEndDetail>('train-end', {
        steps: result.steps,
        losses: result.losses,
        aborted: result.aborted,
      });
      return result;
    } finally {
      outerSignal?.removeEventListener('abort', forwardAbort);
      this.#controller = undefined;
      if (host.getPhase() === 'training') host.setPhase('ready');
      host.updateStatus();
    }
  }

  /** Asks the loop to stop at its next step. */
  stop(): void {
    this.#controller?.abort();
  }
}
