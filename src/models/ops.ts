/**
 * The backend workarounds the model files share, so that those files read as their maths.
 *
 * Every model here trains in the visitor's browser, mostly on TF.js's WASM backend, where some
 * built-in ops are slow or have no gradient kernel at all. Each op below computes the same
 * function as the built-in one by a route WASM runs well, and says which kernel it avoids and
 * what that would cost. The convolutions, which need a whole set of such tricks, have their own
 * module (convolution.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LinearParams } from './layer-parameters.js';

// ---- dense products --------------------------------------------------------------------------

/**
 * x·W + b with a gradient written as plain products. TF.js's built-in matMul gradient multiplies
 * by a transposed operand (transposeA/transposeB), which the WASM backend runs about 10x slower
 * than a plain matMul; transposing explicitly first and then doing a plain matMul gives the same
 * numbers much faster.
 */
const linearWithFastGradient = tf.customGrad(
  // customGrad passes the inputs followed by a `save` function, all in one rest list.
  (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, weight, bias] = args as tf.Tensor[];
    const save = args[3] as tf.GradSaveFunc;
    save([x, weight]);
    const value = tf.add(tf.matMul(x as tf.Tensor2D, weight as tf.Tensor2D), bias);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedX, savedWeight] = saved as tf.Tensor2D[];
      const dy2d = dy as tf.Tensor2D;
      return [
        tf.matMul(dy2d, tf.transpose(savedWeight)), // dL/dx = dy · Wᵀ
        tf.matMul(tf.transpose(savedX), dy2d), // dL/dW = xᵀ · dy
        tf.sum(dy2d, 0), // dL/db
      ];
    };
    return { value, gradFunc };
  },
);

/** A fully connected layer, y = x·W + b: the one dense layer every model uses. */
export function linear(x: tf.Tensor2D, params: LinearParams): tf.Tensor2D {
  return affine(x, params.weight, params.bias);
}

/** x·W + b for any tensors W and b (such as weights fused from several layers), as fast as `linear`. */
export function affine(
  x: tf.Tensor2D,
  weight: tf.Tensor2D | tf.Variable,
  bias: tf.Tensor1D | tf.Variable,
): tf.Tensor2D {
  return linearWithFastGradient(x, weight, bias) as tf.Tensor2D;
}

/**
 * x·W without a bias (recurrent terms whose input terms carry the bias), with the same WASM-fast
 * gradient as `linear`.
 */
const matMulWithFastGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, weight] = args as tf.Tensor2D[];
  const save = args[2] as tf.GradSaveFunc;
  save([x, weight]);
  return {
    value: tf.matMul(x, weight),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedX, savedWeight] = saved as tf.Tensor2D[];
      return [tf.matMul(dy, tf.transpose(savedWeight)), tf.matMul(tf.transpose(savedX), dy)];
    },
  };
});

export function matMulFast(x: tf.Tensor2D, weight: tf.Tensor2D | tf.Variable): tf.Tensor2D {
  return matMulWithFastGradient(x, weight) as tf.Tensor2D;
}

// ---- activations -----------------------------------------------------------------------------

/** tanh(x) = 2σ(2x) − 1: the WASM backend's tanh is several times slower than its sigmoid. */
export function tanh(x: tf.Tensor): tf.Tensor {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

// ---- embedding lookup ------------------------------------------------------------------------

/**
 * E[ids] with a gradient the WASM backend can run: the built-in one needs UnsortedSegmentSum,
 * which it lacks; scattering the incoming rows into a zero table (rows of repeated ids add up)
 * gives the same gradient.
 */
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

/** The rows of a word-vector `table` for `ids`, [ids, columns]. */
export function embeddingLookup(table: tf.Variable, ids: readonly number[]): tf.Tensor2D {
  return lookupWithScatterGradient(table, tf.tensor1d(ids as number[], 'int32')) as tf.Tensor2D;
}

// ---- the fused GRU step ----------------------------------------------------------------------

/**
 * A GRU (gru.ts) with its three gates side by side: one product for the recurrent terms per step
 * instead of three, and the input terms of every step of a sequence in one product up front
 * (`fusedInputs`), instead of three per step: fewer and larger products, each one a kernel call
 * with its own fixed cost. gru.ts's `fuseGru` lays a GRU's gates out this way.
 */
// (A type, not an interface, so that tf.tidy can return it.)
export type FusedGru = {
  inputWeight: tf.Tensor2D; // [inputs, 3·size], gates r, z, n
  inputBias: tf.Tensor1D; // [3·size]
  recurrentWeight: tf.Tensor2D; // [size, 3·size]
  recurrentBias: tf.Tensor1D; // [3·size]: 0 for r and z, b'_n for n
};

/**
 * W x_t for every step of a time-major sequence at once: inputs [steps·batch, in] → one tensor
 * [batch, 3·size] per step (add the bias, or any other per-sequence term, to each).
 */
export function fusedInputs(
  inputs: tf.Tensor2D,
  weight: tf.Tensor2D,
  steps: number,
): tf.Tensor2D[] {
  const batch = inputs.shape[0] / steps;
  return tf.unstack(
    tf.reshape(matMulFast(inputs, weight), [steps, batch, weight.shape[1]]),
  ) as tf.Tensor2D[];
}

/** One step from precomputed input terms W x + b ([batch, 3·size]); the same numbers as `gruStep`. */
export function fusedGruStep(inputTerms: tf.Tensor2D, h: tf.Tensor2D, p: FusedGru): tf.Tensor2D {
  const [xr, xz, xn] = tf.split(inputTerms, 3, 1);
  const [hr, hz, hn] = tf.split(tf.add(matMulFast(h, p.recurrentWeight), p.recurrentBias), 3, 1);
  const r = tf.sigmoid(tf.add(xr, hr));
  const z = tf.sigmoid(tf.add(xz, hz));
  const n = tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add<tf.Tensor2D>(n, tf.mul(z, tf.sub(h, n)));
}
