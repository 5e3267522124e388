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
  linearParameters,
  weightOnly,
  type LinearParams,
} from './layer-parameters.js';
import { linear, matMulFast, tanh, type FusedGru } from './ops.js';

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

/**
 * The GRU's gates side by side, for the fused step in ops.ts (`fusedInputs`, `fusedGruStep`).
 * Build it once per sequence, inside the tidy (and the gradient tape) of the pass that uses it:
 * gradients flow back to the separate matrices.
 */
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
