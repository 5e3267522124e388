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
  return linearWithFastGradient(x, params.weight, params.bias) as tf.Tensor2D;
}

/**
 * He-uniform initialisation (for ReLU layers); `seed` makes it repeatable. Variables are left
 * unnamed on purpose: TF.js names are global to the page, and a page may hold several models.
 */
export function createLinear(
  inputSize: number,
  outputSize: number,
  seed: number,
): LinearParams {
  const limit = Math.sqrt(6 / inputSize);
  return {
    weight: variableFrom(tf.randomUniform([inputSize, outputSize], -limit, limit, 'float32', seed)),
    bias: variableFrom(tf.zeros([outputSize])),
  };
}

/** A variable holding `initial`'s values; `initial` itself is freed (variables do not take it over). */
function variableFrom(initial: tf.Tensor): tf.Variable {
  const variable = tf.variable(initial);
  initial.dispose();
  return variable;
}
