/**
 * A fully connected layer, y = x·W + b, with a gradient that stays fast on the WASM backend.
 *
 * TF.js's built-in matMul gradient multiplies by a transposed operand (transposeA/transposeB),
 * which the WASM backend runs about 10x slower than a plain matMul. Transposing explicitly first
 * and then doing a plain matMul gives the same numbers much faster, and every model in this
 * package trains in the visitor's browser, so this is the one dense layer they all use.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface LinearParams {
  weight: tf.Variable; // [inputSize, outputSize]
  bias: tf.Variable; // [outputSize]
}

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
