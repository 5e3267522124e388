/**
 * The digit VAE as the elements use it: weights in and out, and plain numbers instead of tensors
 * (codes as Float32Array, images as 784 intensities). Every tensor made here is freed here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Vae, DIGITS_VAE_CONFIG, bernoulliNegLogLikelihood, klToStandardNormal } from './vae.js';
import {
  assignArtifacts,
  parametersToArtifacts,
  weightBytesOf,
  type ModelDescription,
} from '../runtime/weights-format.js';
import {
  runTrainingLoop,
  type FineTuneOptions,
  type TrainingResult,
} from '../runtime/training-loop.js';
import { createRng } from '../runtime/random.js';
import type { CodeDistribution } from './plain-types.js';

export type { CodeDistribution };

export const DIGIT_PIXELS = 784;
export const DIGIT_VAE_DESCRIPTION: ModelDescription = { model: 'vae', config: DIGITS_VAE_CONFIG };

export type { FineTuneOptions };

export class DigitVae {
  readonly latentSize = DIGITS_VAE_CONFIG.latentSize;
  private readonly vae = new Vae(DIGITS_VAE_CONFIG);

  /** Replaces the weights, all or nothing (throws a WeightsError and keeps the old ones). */
  setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    return assignArtifacts(DIGIT_VAE_DESCRIPTION, this.vae.namedParameters(), artifacts);
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return weightBytesOf(this.vae.namedParameters());
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return parametersToArtifacts(DIGIT_VAE_DESCRIPTION, this.vae.namedParameters());
  }

  /** q(c | x) for each digit. */
  async encode(digits: Float32Array[]): Promise<CodeDistribution[]> {
    const { mean, logVar } = tf.tidy(() => this.vae.encode(stackDigits(digits)));
    const [means, logVars] = await Promise.all([mean.data(), logVar.data()]);
    tf.dispose([mean, logVar]);
    const n = this.latentSize;
    return digits.map((_, i) => ({
      mean: (means as Float32Array).slice(i * n, (i + 1) * n),
      logVar: (logVars as Float32Array).slice(i * n, (i + 1) * n),
    }));
  }

  /** Decoder means for `codes` laid end to end (count × latentSize) → count × 784 intensities. */
  async decode(codes: Float32Array, count: number): Promise<Float32Array> {
    const probabilities = tf.tidy(() =>
      this.vae.decode(tf.tensor2d(codes, [count, this.latentSize])),
    );
    const values = (await probabilities.data()) as Float32Array;
    probabilities.dispose();
    return values;
  }

  /**
   * The two numbers of the lecture's objective for one image, in nats: the reconstruction error
   * −log p(x | c = m) (decoding the code's mean) and the KL term −½ Σ (1 + σ − m² − exp(σ)).
   */
  async imageLosses(digit: Float32Array): Promise<{ reconstruction: number; kl: number }> {
    const [reconstruction, kl] = tf.tidy(() => {
      const x = stackDigits([digit]);
      const posterior = this.vae.encode(x);
      return [
        bernoulliNegLogLikelihood(x, this.vae.decodeLogits(posterior.mean)),
        klToStandardNormal(posterior),
      ];
    });
    const [r, k] = await Promise.all([reconstruction.data(), kl.data()]);
    tf.dispose([reconstruction, kl]);
    return { reconstruction: r[0], kl: k[0] };
  }

  /** Fine-tunes on the given digits (intensities), with the shared training loop. */
  async fineTune(digits: Float32Array[], options: FineTuneOptions = {}): Promise<TrainingResult> {
    if (digits.length === 0) throw new RangeError('fineTune needs at least one image.');
    const { steps = 100, learningRate = 1e-4, signal, onProgress } = options;
    const batchSize = Math.max(1, Math.min(options.batchSize ?? 32, 256));
    const rng = createRng(options.seed);
    const optimizer = tf.train.adam(learningRate);
    const data = stackDigits(digits);
    try {
      return await runTrainingLoop({
        totalSteps: steps,
        parameters: Object.values(this.vae.namedParameters()),
        signal,
        onProgress,
        step: async () => {
          const { loss, kl } = tf.tidy(() => {
            const rows = Array.from({ length: batchSize }, () =>
              Math.floor(rng.next() * digits.length),
            );
            const batch = tf.gather<tf.Tensor2D>(data, rows);
            return this.vae.trainStep(optimizer, batch, {
              binarise: rng.nextSeed(),
              sample: rng.nextSeed(),
            });
          });
          const [lossValue, klValue] = await Promise.all([loss.data(), kl.data()]);
          tf.dispose([loss, kl]);
          return { loss: lossValue[0], kl: klValue[0] };
        },
      });
    } finally {
      data.dispose();
      optimizer.dispose();
    }
  }

  dispose(): void {
    this.vae.dispose();
  }
}

function stackDigits(digits: Float32Array[]): tf.Tensor2D {
  const flat = new Float32Array(digits.length * DIGIT_PIXELS);
  digits.forEach((digit, i) => flat.set(digit, i * DIGIT_PIXELS));
  return tf.tensor2d(flat, [digits.length, DIGIT_PIXELS]);
}
