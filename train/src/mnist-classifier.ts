// A small MLP digit classifier, used only to judge generated digits (never shipped):
// 784 → 256 → 128 → 10 with ReLU. Its 128-d penultimate layer gives the features for the
// Fréchet distance; its softmax gives class coverage, entropy and confidence.
import * as tf from '@tensorflow/tfjs-core';
import { createLinear, type LinearParams } from '../../src/models/layer-parameters.js';
import { linear } from '../../src/models/ops.js';
import { createRng } from '../../src/runtime/random.js';
import { digitBatch, type Digits } from './mnist.js';

export const FEATURE_SIZE = 128;

export interface Predictions {
  /** Softmax probabilities, [count, 10]. */
  probabilities: Float32Array;
  /** Penultimate-layer activations, [count, FEATURE_SIZE]. */
  features: Float32Array;
  count: number;
}

export class MnistClassifier {
  private readonly layers: LinearParams[];

  constructor(seed = 1) {
    this.layers = [
      createLinear(784, 256, seed),
      createLinear(256, FEATURE_SIZE, seed + 1),
      createLinear(FEATURE_SIZE, 10, seed + 2),
    ];
  }

  private forward(x: tf.Tensor2D): { features: tf.Tensor2D; logits: tf.Tensor2D } {
    const h = tf.relu(linear(x, this.layers[0]));
    const features = tf.relu(linear(h, this.layers[1]));
    return { features, logits: linear(features, this.layers[2]) };
  }

  /** Adam on softmax cross-entropy; returns the mean training loss of the last epoch. */
  async train(
    data: Digits,
    options: {
      epochs: number;
      batchSize: number;
      learningRate: number;
      seed: number;
      stepsPerEpoch?: number;
    },
  ): Promise<number> {
    const rng = createRng(options.seed);
    const optimizer = tf.train.adam(options.learningRate);
    const variables = this.layers.flatMap((p) => [p.weight, p.bias]);
    const steps = options.stepsPerEpoch ?? Math.floor(data.count / options.batchSize);
    let lastEpochLoss = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      let sum = 0;
      for (let step = 0; step < steps; step++) {
        const rows = Array.from({ length: options.batchSize }, () =>
          Math.floor(rng.next() * data.count),
        );
        const loss = tf.tidy(() => {
          const x = digitBatch(data.images, rows);
          const labels = tf.oneHot(
            tf.tensor1d(
              rows.map((r) => data.labels[r]),
              'int32',
            ),
            10,
          );
          return optimizer.minimize(
            () => {
              const { logits } = this.forward(x);
              return tf.mean<tf.Scalar>(
                tf.sub(tf.logSumExp(logits, 1), tf.sum(tf.mul(labels, logits), 1)),
              );
            },
            true,
            variables,
          )!;
        });
        sum += (await loss.data())[0];
        loss.dispose();
      }
      lastEpochLoss = sum / steps;
    }
    optimizer.dispose();
    return lastEpochLoss;
  }

  /** Softmax and features for `count` images of 784 intensities, laid end to end. */
  async predict(images: Float32Array, count: number): Promise<Predictions> {
    const probabilities = new Float32Array(count * 10);
    const features = new Float32Array(count * FEATURE_SIZE);
    const chunk = 1000;
    for (let start = 0; start < count; start += chunk) {
      const size = Math.min(chunk, count - start);
      const [p, f] = tf.tidy(() => {
        const x = tf.tensor2d(images.subarray(start * 784, (start + size) * 784), [size, 784]);
        const out = this.forward(x);
        return [tf.softmax(out.logits), out.features];
      });
      probabilities.set(await p.data(), start * 10);
      features.set(await f.data(), start * FEATURE_SIZE);
      tf.dispose([p, f]);
    }
    return { probabilities, features, count };
  }

  dispose(): void {
    for (const p of this.layers) tf.dispose([p.weight, p.bias]);
  }
}

export function accuracy(predictions: Predictions, labels: Uint8Array): number {
  let correct = 0;
  for (let i = 0; i < predictions.count; i++)
    if (argmax(predictions.probabilities, i) === labels[i]) correct++;
  return correct / predictions.count;
}

export interface ClassStatistics {
  /** Classes predicted for at least 1% of the samples (of 10). */
  classesCovered: number;
  /** Entropy of the histogram of predicted classes, in nats (ln 10 ≈ 2.303 when uniform). */
  classEntropy: number;
  /** Mean of the top softmax probability. */
  meanConfidence: number;
  histogram: number[];
}

export function classStatistics(predictions: Predictions): ClassStatistics {
  const histogram = new Array<number>(10).fill(0);
  let confidence = 0;
  for (let i = 0; i < predictions.count; i++) {
    const k = argmax(predictions.probabilities, i);
    histogram[k]++;
    confidence += predictions.probabilities[i * 10 + k];
  }
  let entropy = 0;
  for (const c of histogram) {
    if (c > 0) {
      const p = c / predictions.count;
      entropy -= p * Math.log(p);
    }
  }
  return {
    classesCovered: histogram.filter((c) => c >= 0.01 * predictions.count).length,
    classEntropy: entropy,
    meanConfidence: confidence / predictions.count,
    histogram,
  };
}

function argmax(probabilities: Float32Array, row: number): number {
  let best = 0;
  for (let k = 1; k < 10; k++)
    if (probabilities[row * 10 + k] > probabilities[row * 10 + best]) best = k;
  return best;
}
