/**
 * A word-vector table looked up by id, E[ids], with a gradient the WASM backend can run: the
 * built-in one needs UnsortedSegmentSum, which it lacks; scattering the incoming rows into a
 * zero table (rows of repeated ids add up) gives the same gradient.
 */
import * as tf from '@tensorflow/tfjs-core';

const lookupWithScatterGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [weights, indices] = args as tf.Tensor[];
  (args[2] as tf.GradSaveFunc)([indices]);
  return {
    value: tf.gather(weights, indices),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
      tf.scatterND(tf.expandDims(saved[0], 1), dy, weights.shape),
      tf.zerosLike(saved[0]),
    ],
  };
});

/** The rows of `table` for `ids`, [ids, columns]. */
export function embeddingLookup(table: tf.Variable, ids: readonly number[]): tf.Tensor2D {
  return lookupWithScatterGradient(table, tf.tensor1d(ids as number[], 'int32')) as tf.Tensor2D;
}
