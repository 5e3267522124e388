/**
 * A gated recurrent unit (Cho et al. 2014), in the form with the reset gate inside that cuDNN and
 * PyTorch use:
 *
 *   r = σ(W_r x + U_r h + b_r),  z = σ(W_z x + U_z h + b_z),
 *   n = tanh(W_n x + b_n + r ⊙ (U_n h + b'_n)),  h' = (1 − z) ⊙ n + z ⊙ h.
 *
 * One weight matrix per gate, because slicing a fused [in, 3·size] output is slow on WASM. The
 * reset and update gates' recurrent terms need no bias of their own (their input terms have one);
 * the candidate's recurrent term keeps b'_n, which sits inside r ⊙ (…).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  createLayer,
  linear,
  linearParameters,
  matMulFast,
  weightOnly,
  type LinearParams,
} from './linear.js';

export interface GruParams {
  inputReset: LinearParams;
  inputUpdate: LinearParams;
  inputCandidate: LinearParams;
  recurrentReset: tf.Variable;
  recurrentUpdate: tf.Variable;
  recurrentCandidate: LinearParams;
}

/** A GRU from `inputs` to `size`; `nextSeed` hands out one seed per weight matrix. */
export function createGru(inputs: number, size: number, nextSeed: () => number): GruParams {
  const layer = (from: number) => createLayer(from, size, nextSeed(), 'recurrent');
  return {
    inputReset: layer(inputs),
    inputUpdate: layer(inputs),
    inputCandidate: layer(inputs),
    recurrentReset: weightOnly(layer(size)),
    recurrentUpdate: weightOnly(layer(size)),
    recurrentCandidate: layer(size),
  };
}

export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const r = tf.sigmoid(tf.add(linear(x, p.inputReset), matMulFast(h, p.recurrentReset)));
  const z = tf.sigmoid(tf.add(linear(x, p.inputUpdate), matMulFast(h, p.recurrentUpdate)));
  const n = tanh(tf.add(linear(x, p.inputCandidate), tf.mul(r, linear(h, p.recurrentCandidate))));
  return tf.add<tf.Tensor2D>(n, tf.mul(z, tf.sub(h, n)));
}

/** The GRU's variables by the names weight files use, under `prefix`. */
export function gruParameters(prefix: string, p: GruParams): Record<string, tf.Variable> {
  return {
    ...linearParameters(`${prefix}/input_reset`, p.inputReset),
    ...linearParameters(`${prefix}/input_update`, p.inputUpdate),
    ...linearParameters(`${prefix}/input_candidate`, p.inputCandidate),
    [`${prefix}/recurrent_reset/weight`]: p.recurrentReset,
    [`${prefix}/recurrent_update/weight`]: p.recurrentUpdate,
    ...linearParameters(`${prefix}/recurrent_candidate`, p.recurrentCandidate),
  };
}

/** tanh(x) = 2σ(2x) − 1: the WASM backend's tanh is several times slower than its sigmoid. */
export function tanh(x: tf.Tensor): tf.Tensor {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

/**
 * The same GRU with its three gates side by side: one product for the recurrent terms per step
 * instead of three, and the input terms of every step of a sequence in one product up front
 * (`fusedInputs`), instead of three per step. Build it once per sequence, inside the tidy (and
 * the gradient tape) of the pass that uses it: gradients flow back to the separate matrices.
 */
// (A type, not an interface, so that tf.tidy can return it.)
export type FusedGru = {
  inputWeight: tf.Tensor2D; // [inputs, 3·size], gates r, z, n
  inputBias: tf.Tensor1D; // [3·size]
  recurrentWeight: tf.Tensor2D; // [size, 3·size]
  recurrentBias: tf.Tensor1D; // [3·size]: 0 for r and z, b'_n for n
};

export function fuseGru(p: GruParams): FusedGru {
  const noBias = tf.zerosLike(p.recurrentCandidate.bias);
  return {
    inputWeight: tf.concat(
      [p.inputReset.weight, p.inputUpdate.weight, p.inputCandidate.weight],
      1,
    ) as tf.Tensor2D,
    inputBias: tf.concat([
      p.inputReset.bias,
      p.inputUpdate.bias,
      p.inputCandidate.bias,
    ]) as tf.Tensor1D,
    recurrentWeight: tf.concat(
      [p.recurrentReset, p.recurrentUpdate, p.recurrentCandidate.weight],
      1,
    ) as tf.Tensor2D,
    recurrentBias: tf.concat([noBias, noBias, p.recurrentCandidate.bias]) as tf.Tensor1D,
  };
}

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
