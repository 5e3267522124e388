/**
 * A long short-term memory cell (Hochreiter and Schmidhuber 1997), with the gates in the order
 * i, f, o, g:
 *
 *   [i, f, o] = σ(W x + U h + b)[…],  g = tanh(W x + U h + b)[…],
 *   c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c').
 *
 * The input term W x + b comes in already projected (a caller can project a whole sequence at
 * once); the recurrent term U h has no bias of its own. The forget gate's bias starts at 1, so a
 * new LSTM starts out remembering (Jozefowicz et al. 2015).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLayer, weightOnly, type LinearParams } from './layer-parameters.js';
import { matMulFast } from './ops.js';

export interface LstmParams {
  input: LinearParams; // x → 4·size, gates in the order i, f, o, g
  recurrent: tf.Variable; // h → 4·size (the input term carries the bias)
}

/** An LSTM from `inputs` to `size`; `nextSeed` hands out one seed per weight matrix. */
export function createLstm(inputs: number, size: number, nextSeed: () => number): LstmParams {
  const input = createLayer(inputs, 4 * size, nextSeed(), 'recurrent');
  const recurrent = weightOnly(createLayer(size, 4 * size, nextSeed(), 'recurrent'));
  tf.tidy(() => {
    input.bias.assign(tf.concat([tf.zeros([size]), tf.ones([size]), tf.zeros([2 * size])]));
  });
  return { input, recurrent };
}

/** One step from the projected input W x + b and the state (h, c); returns (h', c'). */
export function lstmStep(
  projectedInput: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  p: LstmParams,
): [tf.Tensor2D, tf.Tensor2D] {
  const size = h.shape[1];
  const gates = tf.add(projectedInput, matMulFast(h, p.recurrent));
  const [ifo, g] = tf.split(gates, [3 * size, size], 1);
  const [i, f, o] = tf.split(tf.sigmoid(ifo), 3, 1);
  const cNext = tf.add<tf.Tensor2D>(tf.mul(f, c), tf.mul(i, tf.tanh(g)));
  const hNext = tf.mul<tf.Tensor2D>(o, tf.tanh(cNext));
  return [hNext, cNext];
}
