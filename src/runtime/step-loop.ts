/**
 * The loop under every training in the package, without TF.js: run a step, stop on an abort or a
 * non-finite loss, report progress and let the page breathe. A training is something the page
 * asked for, so it runs to its end on or off screen. training-loop.ts adds the weights snapshot on top; the arena's
 * fine-tuning, whose rounds run in the page's worker, uses it as it is.
 */
import type { Losses, TrainingResult } from './training-result.js';

/** What a training reports after each step. */
export interface TrainingProgress {
  step: number;
  totalSteps: number;
  losses: Losses;
}

export interface StepLoopOptions {
  totalSteps: number;
  /** One optimisation step; returns its losses as plain numbers. */
  step: (index: number) => Promise<Losses>;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** After every good step (training-loop.ts takes its snapshots here). */
  afterStep?: (done: number) => void;
  /** When a loss is not finite, before the loop stops (training-loop.ts restores the snapshot). */
  onDiverged?: () => void;
}

/** What every model's `fineTune` takes. */
export interface FineTuneOptions {
  steps?: number;
  learningRate?: number;
  batchSize?: number;
  signal?: AbortSignal;
  seed?: number;
  onProgress?: StepLoopOptions['onProgress'];
}

export async function runStepLoop(options: StepLoopOptions): Promise<TrainingResult> {
  const { totalSteps, step, signal, onProgress, afterStep, onDiverged } = options;
  let losses: Losses = {};
  let done = 0;
  let diverged = false;
  while (done < totalSteps && !signal?.aborted) {
    const stepLosses = await step(done);
    if (!Object.values(stepLosses).every(Number.isFinite)) {
      onDiverged?.();
      diverged = true;
      break;
    }
    losses = stepLosses;
    done++;
    afterStep?.(done);
    onProgress?.({ step: done, totalSteps, losses });
    await yieldToBrowser();
  }
  return { steps: done, losses, aborted: Boolean(signal?.aborted), diverged };
}

/** Lets rendering and input run between steps (a macrotask, without setTimeout's 4 ms clamp). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
