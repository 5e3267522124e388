/**
 * A dense layer's parameters: how they start (the initialisation each kind of layer likes), the
 * names weight files give them, and clipping their gradients. The product itself, `linear`, is in
 * ops.ts.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface LinearParams {
  weight: tf.Variable; // [inputSize, outputSize]
  bias: tf.Variable; // [outputSize]
}

/**
 * He-uniform initialisation (for ReLU layers); `seed` makes it repeatable. Variables are left
 * unnamed on purpose: TF.js names are global to the page, and a page may hold several models.
 */
export function createLinear(inputSize: number, outputSize: number, seed: number): LinearParams {
  const limit = Math.sqrt(6 / inputSize);
  return {
    weight: variableFrom(tf.randomUniform([inputSize, outputSize], -limit, limit, 'float32', seed)),
    bias: variableFrom(tf.zeros([outputSize])),
  };
}

/**
 * A dense layer's parameters. 'relu': He-uniform; 'recurrent': uniform ±1/√inputs, as recurrent
 * nets like it (PyTorch's default ±1/√hidden); 'linear': Glorot-uniform. Variables stay unnamed.
 */
export function createLayer(
  inputs: number,
  outputs: number,
  seed: number,
  init: 'relu' | 'recurrent' | 'linear',
): LinearParams {
  const limit =
    init === 'relu'
      ? Math.sqrt(6 / inputs)
      : init === 'recurrent'
        ? 1 / Math.sqrt(inputs)
        : Math.sqrt(6 / (inputs + outputs));
  return {
    weight: variableFrom(tf.randomUniform([inputs, outputs], -limit, limit, 'float32', seed)),
    bias: variableFrom(tf.zeros([outputs])),
  };
}

/** Keeps a layer's weight and frees its (unused) bias. */
export function weightOnly(params: LinearParams): tf.Variable {
  params.bias.dispose();
  return params.weight;
}

/** A layer's variables under `prefix/weight` and `prefix/bias`, as weight files name them. */
export function linearParameters(
  prefix: string,
  params: LinearParams,
): Record<string, tf.Variable> {
  return { [`${prefix}/weight`]: params.weight, [`${prefix}/bias`]: params.bias };
}

/** A variable holding `initial`'s values; `initial` itself is freed (variables do not take it over). */
function variableFrom(initial: tf.Tensor): tf.Variable {
  const variable = tf.variable(initial);
  initial.dispose();
  return variable;
}

/** Scales every gradient by one factor so that their global norm is at most `maxNorm`. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
    const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
    return Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]));
  });
}
