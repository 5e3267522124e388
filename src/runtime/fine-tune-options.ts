/**
 * fineTune's options, checked before any work: a clear RangeError for a value that TF.js would
 * reject deep inside a step (batchSize 0), or that would quietly train nothing (steps NaN).
 */
import type { FineTuneSettings } from './training-result.js';

export const FINE_TUNE_LIMITS = { steps: 100_000, batchSize: 1024, learningRate: 1 } as const;

export function checkFineTuneOptions(options: FineTuneSettings | undefined): FineTuneSettings {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object')
    throw new TypeError('fineTune: options must be an object such as {steps: 100}.');
  const { steps, learningRate, batchSize, signal } = options;
  if (
    steps !== undefined &&
    !(Number.isInteger(steps) && steps >= 1 && steps <= FINE_TUNE_LIMITS.steps)
  ) {
    throw new RangeError(
      `fineTune: steps must be a whole number from 1 to ${FINE_TUNE_LIMITS.steps}, got ${String(steps)}.`,
    );
  }
  if (
    learningRate !== undefined &&
    !(
      Number.isFinite(learningRate) &&
      learningRate > 0 &&
      learningRate <= FINE_TUNE_LIMITS.learningRate
    )
  ) {
    throw new RangeError(
      `fineTune: learningRate must be a number above 0 and at most ${FINE_TUNE_LIMITS.learningRate}, got ${String(learningRate)}.`,
    );
  }
  if (
    batchSize !== undefined &&
    !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= FINE_TUNE_LIMITS.batchSize)
  ) {
    throw new RangeError(
      `fineTune: batchSize must be a whole number from 1 to ${FINE_TUNE_LIMITS.batchSize}, got ${String(batchSize)}.`,
    );
  }
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new TypeError('fineTune: signal must be an AbortSignal.');
  return options;
}
