/**
 * A fine-tune's numbers as every element sends them to its model: the page's steps, clamped to
 * 1 … 100 000, and learning rate and batch size, else the element's defaults; the seed from the
 * element's random stream (so `seed` makes a fine-tune repeatable).
 */
import type { FineTuneSettings } from '../../src/runtime/training-result.js';
import type { TrainingNumbers } from '../../src/worker/served-models.js';

export const MAX_FINE_TUNE_STEPS = 100000;

/** `requested` steps, else `fallback`, as a whole number in 1 … 100 000. */
export function clampSteps(requested: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(Math.round(requested ?? fallback), MAX_FINE_TUNE_STEPS));
}

export function fineTuneNumbers(
  options: FineTuneSettings,
  defaults: { steps: number; learningRate?: number },
  seed: number,
): TrainingNumbers & { steps: number } {
  return {
    steps: clampSteps(options.steps, defaults.steps),
    learningRate: options.learningRate ?? defaults.learningRate,
    batchSize: options.batchSize,
    seed,
  };
}
