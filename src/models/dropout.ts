/**
 * Dropout (Srivastava et al. 2014) for training only: each value is zeroed with probability
 * `rate` and the rest scaled by 1 / (1 − rate), so the expected value is unchanged and nothing
 * needs rescaling when the model runs without it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../runtime/random.js';

/** `x` with dropout when training with a rate > 0; `x` itself otherwise. */
export function withDropout<T extends tf.Tensor>(
  x: T,
  training?: { dropout: number; rng: Rng },
): T {
  if (!training || training.dropout <= 0) return x;
  return tf.dropout(x, training.dropout, undefined, training.rng.nextSeed()) as T;
}
