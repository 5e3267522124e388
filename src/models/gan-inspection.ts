/**
 * What the lecture's 2-d view reads off a GAN between rounds, apart from the game itself (gan.ts):
 * D's belief over the plane, and the direction in which G's loss pushes each of its samples.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkLoss, generatorLossPerSample, type Gan, type GanLoss } from './gan.js';

/** D(x) = σ(logit) at each point, [n]: the heat map of D's belief "real". */
export function decisionMap(gan: Gan, points: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.reshape<tf.Rank.R1>(tf.sigmoid(gan.discriminate(points)), [-1]));
}

/**
 * ∂L_G/∂x at each point, [n, dataSize]: the gradient of G's loss with respect to a generated
 * sample. G's update moves its samples along the negative of this (the arrows in the 2-d view).
 */
export function generatorGradients(
  gan: Gan,
  points: tf.Tensor2D,
  loss: GanLoss = 'non-saturating',
): tf.Tensor2D {
  checkLoss(loss);
  return tf.tidy(() => {
    // Summing the per-sample losses makes row i of the gradient depend on point i alone.
    const total = (x: tf.Tensor) =>
      tf.sum(generatorLossPerSample(gan.discriminate(x as tf.Tensor2D), loss));
    return tf.grad(total)(points) as tf.Tensor2D;
  });
}
