/**
 * What the sentence VAE is trained to minimise, per sentence w with code c ~ q(c | w):
 *
 *   −log p(w | c) + β · Σ_d max(KL_d, λ),   KL_d = KL(q(c_d | w) ‖ N(0, 1)) averaged over the batch
 *
 * With β = 1 and λ = 0 this is the negative ELBO. Free bits (λ > 0, Kingma et al. 2016) leave the
 * first λ nats of each code dimension uncharged, so the encoder can use the code without paying
 * for it, one of the remedies against posterior collapse (see sentence-vae.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../runtime/random.js';

/**
 * The remedies against collapse the bundled weights were last trained with (the training
 * script's defaults; the card lists each session's), which fine-tuning in the page keeps too.
 */
export const TRAINING_OBJECTIVE = { freeBits: 1.5, wordDropout: 0.3 } as const;

export interface ObjectiveOptions {
  /** β, the weight of the KL term (1: the ELBO). */
  klWeight?: number;
  /** λ, nats per code dimension not charged (free bits; 0: none). */
  freeBits?: number;
  /** Probability of replacing each decoder input piece by UNK. */
  wordDropout?: number;
  /**
   * Probability that a decoder input is the piece the decoder itself chose at the step before
   * (scheduled sampling, Bengio et al. 2015), as when it writes on its own; 0: always the
   * sentence's own piece (teacher forcing).
   */
  ownChoices?: number;
  /** Random numbers for the code's noise and the word dropout. */
  rng?: Rng;
}

export interface SentenceLosses {
  /** −log p(w | c) per sentence, nats, [batch]. */
  reconstruction: tf.Tensor1D;
  /** KL(q(c | w) ‖ N(0, I)) per sentence and dimension, nats, [batch, latentSize]. */
  klPerDimension: tf.Tensor2D;
  /** The code c that was decoded, [batch, latentSize]. */
  code: tf.Tensor2D;
}

/** A code drawn from N(m, exp σ) as m + exp(σ/2) ⊙ e, e ~ N(0, I): differentiable in m and σ. */
export function sampleCode(mean: tf.Tensor2D, logVar: tf.Tensor2D, seed: number): tf.Tensor2D {
  const noise = tf.randomNormal(mean.shape, 0, 1, 'float32', seed);
  return tf.add<tf.Tensor2D>(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), noise));
}

/** KL(N(m, exp σ) ‖ N(0, 1)) = ½ (exp σ + m² − 1 − σ), per dimension. */
export function klToStandardNormal(mean: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor2D {
  return tf.mul<tf.Tensor2D>(
    tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(logVar, 1)),
    0.5,
  );
}

/**
 * The objective averaged over the batch: reconstruction + β · Σ_d max(KL_d, λ), where KL_d is
 * dimension d's KL averaged over the batch; `extra` may add a loss on the code.
 */
export function freeBitsObjective(
  { reconstruction, klPerDimension, code }: SentenceLosses,
  options: ObjectiveOptions = {},
  extra?: (code: tf.Tensor2D) => tf.Scalar,
): tf.Scalar {
  const klPerDim = tf.mean(klPerDimension, 0);
  const charged = tf.sum(tf.maximum(klPerDim, options.freeBits ?? 0));
  let loss = tf.add(tf.mean(reconstruction), tf.mul(charged, options.klWeight ?? 1));
  if (extra) loss = tf.add(loss, extra(code));
  return loss as tf.Scalar;
}
