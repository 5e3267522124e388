/**
 * The one training loop every element uses for fine-tuning in the page.
 *
 * Each step runs, then the loop yields to the browser so the page stays responsive. Progress is
 * reported after every step; an AbortSignal stops it between steps. If a loss turns NaN or
 * infinite, the parameters go back to the last good snapshot and the loop stops.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Losses, TrainingResult } from './training-result.js';
import { runStepLoop, yieldToBrowser, type FineTuneOptions } from './step-loop.js';

export { yieldToBrowser, type FineTuneOptions };

export type { Losses, TrainingResult };

export interface TrainingLoopOptions {
  totalSteps: number;
  /** One optimisation step; returns its losses as plain numbers. */
  step: (index: number) => Promise<Losses>;
  /** The variables to restore if training diverges. */
  parameters: tf.Variable[];
  signal?: AbortSignal;
  onProgress?: (progress: { step: number; totalSteps: number; losses: Losses }) => void;
  /** Take a new snapshot of good weights every this many steps. */
  snapshotEvery?: number;
}

let gradientsRegistered: Promise<unknown> | undefined;

/** TF.js needs its gradient functions registered before the first training step. */
export function ensureGradients(): Promise<unknown> {
  // The worker has loaded it already, with its other modules (model-worker.ts). Elsewhere a failed
  // load is tried again on the next call, which helps where the platform does not keep the
  // failure (a browser keeps a failed module for the page's life; Node does not).
  gradientsRegistered ??= import('@tensorflow/tfjs-core/dist/register_all_gradients').catch(
    (error: unknown) => {
      gradientsRegistered = undefined;
      throw error;
    },
  );
  return gradientsRegistered;
}

export async function runTrainingLoop(options: TrainingLoopOptions): Promise<TrainingResult> {
  const { parameters, snapshotEvery = 10 } = options;
  await ensureGradients();
  let snapshot = parameters.map((p) => tf.clone(p));
  try {
    return await runStepLoop({
      ...options,
      afterStep: (done) => {
        if (done % snapshotEvery !== 0) return;
        tf.dispose(snapshot);
        snapshot = parameters.map((p) => tf.clone(p));
      },
      onDiverged: () => parameters.forEach((p, i) => p.assign(snapshot[i])),
    });
  } finally {
    tf.dispose(snapshot);
  }
}
