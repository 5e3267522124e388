/**
 * The one training loop every element uses for fine-tuning in the page.
 *
 * Each step runs, then the loop yields to the browser so the page stays responsive. Progress is
 * reported after every step; an AbortSignal stops it between steps. If a loss turns NaN or
 * infinite, the parameters go back to the last good snapshot and the loop stops.
 */
import * as tf from '@tensorflow/tfjs-core';

import type { Losses, TrainingResult } from './training-result.js';

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

/** What every model's `fineTune` takes. */
export interface FineTuneOptions {
  steps?: number;
  learningRate?: number;
  batchSize?: number;
  signal?: AbortSignal;
  seed?: number;
  onProgress?: TrainingLoopOptions['onProgress'];
}

/**
 * A wait a loop makes before each step, attached to its AbortSignal by whoever owns the loop:
 * an element off-screen or in a hidden tab holds its training this way, without every model's
 * fineTune having to pass it along.
 */
const pauseGates = new WeakMap<AbortSignal, () => Promise<void>>();

export function holdTrainingWhile(signal: AbortSignal, wait: () => Promise<void>): void {
  pauseGates.set(signal, wait);
}

let gradientsRegistered: Promise<unknown> | undefined;

/** TF.js needs its gradient functions registered before the first training step. */
export function ensureGradients(): Promise<unknown> {
  // A chunk that failed to load (a network blip) is fetched again on the next call.
  gradientsRegistered ??= import('@tensorflow/tfjs-core/dist/register_all_gradients').catch(
    (error: unknown) => {
      gradientsRegistered = undefined;
      throw error;
    },
  );
  return gradientsRegistered;
}

export async function runTrainingLoop(options: TrainingLoopOptions): Promise<TrainingResult> {
  const { totalSteps, step, parameters, signal, onProgress, snapshotEvery = 10 } = options;
  await ensureGradients();
  let snapshot = parameters.map((p) => tf.clone(p));
  let losses: Losses = {};
  let done = 0;
  let diverged = false;
  try {
    const gate = signal ? pauseGates.get(signal) : undefined;
    while (done < totalSteps && !signal?.aborted) {
      if (gate) await gate();
      if (signal?.aborted) break;
      const stepLosses = await step(done);
      if (!Object.values(stepLosses).every(Number.isFinite)) {
        parameters.forEach((p, i) => p.assign(snapshot[i]));
        diverged = true;
        break;
      }
      losses = stepLosses;
      done++;
      if (done % snapshotEvery === 0) {
        tf.dispose(snapshot);
        snapshot = parameters.map((p) => tf.clone(p));
      }
      onProgress?.({ step: done, totalSteps, losses });
      await yieldToBrowser();
    }
  } finally {
    tf.dispose(snapshot);
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
