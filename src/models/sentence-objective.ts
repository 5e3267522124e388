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
  /**
   * Weight of the MMD between the batch's codes and draws from N(0, I) (InfoVAE, Zhao et al.
   * 2019; the Wasserstein auto-encoder's penalty, Tolstikhin et al. 2018): it pulls the codes of
   * all sentences together towards the prior, instead of each sentence's own q(c | w).
   */
  mmdWeight?: number;
  /**
   * Whether the code is drawn from q(c | w) (default) or is its mean m: with no KL (β = 0) and
   * no draw, the model is a plain auto-encoder.
   */
  sampleCode?: boolean;
  /**
   * Probability of deleting each piece of the encoder's input (at least one stays): a denoising
   * auto-encoder (Shen et al. 2020) must map a sentence and its damaged copies to nearby codes.
   */
  inputDeletion?: number;
  /** Dropout on the word vectors of both GRUs' inputs and on the decoder's states (0: none). */
  dropout?: number;
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
 * The squared maximum mean discrepancy between the codes and as many draws from N(0, I), with the
 * inverse multiquadratic kernel k(x, y) = Σ_s C_s / (C_s + ‖x − y‖²), C_s = 2·d·s at several
 * scales s, as the Wasserstein auto-encoder uses it (its heavy tails keep the gradient alive
 * for codes far from the prior):
 *
 *   MMD² = mean_{i≠j} k(c_i, c_j) + mean_{i≠j} k(p_i, p_j) − 2 · mean_{i,j} k(c_i, p_j)
 */
export function mmdToStandardNormal(codes: tf.Tensor2D, seed: number): tf.Scalar {
  const [n, d] = codes.shape;
  const prior = tf.randomNormal<tf.Rank.R2>([n, d], 0, 1, 'float32', seed);
  const squaredDistances = (a: tf.Tensor2D, b: tf.Tensor2D) =>
    tf.relu(
      tf.sub(
        tf.add(tf.sum(tf.square(a), 1, true), tf.reshape(tf.sum(tf.square(b), 1), [1, -1])),
        tf.mul(tf.matMul(a, tf.transpose(b)), 2),
      ),
    );
  const kernel = (a: tf.Tensor2D, b: tf.Tensor2D) => {
    const distances = squaredDistances(a, b);
    return [0.1, 0.2, 0.5, 1, 2, 5, 10]
      .map((scale) => 2 * d * scale)
      .reduce<tf.Tensor>(
        (sum, c) => tf.add(sum, tf.div(c, tf.add(distances, c))),
        tf.zerosLike(distances),
      );
  };
  const offDiagonal = tf.sub(1, tf.eye(n));
  const meanOffDiagonal = (k: tf.Tensor) => tf.div(tf.sum(tf.mul(k, offDiagonal)), n * (n - 1));
  return tf.sub<tf.Scalar>(
    tf.add(meanOffDiagonal(kernel(codes, codes)), meanOffDiagonal(kernel(prior, prior))),
    tf.mul(tf.mean(kernel(codes, prior)), 2),
  );
}

/**
 * The objective averaged over the batch: reconstruction + β · Σ_d max(KL_d, λ) + γ · MMD², where
 * KL_d is dimension d's KL averaged over the batch; `extra` may add a loss on the code.
 */
export function freeBitsObjective(
  { reconstruction, klPerDimension, code }: SentenceLosses,
  options: ObjectiveOptions = {},
  extra?: (code: tf.Tensor2D) => tf.Scalar,
): tf.Scalar {
  const klPerDim = tf.mean(klPerDimension, 0);
  const charged = tf.sum(tf.maximum(klPerDim, options.freeBits ?? 0));
  let loss = tf.add(tf.mean(reconstruction), tf.mul(charged, options.klWeight ?? 1));
  const mmdWeight = options.mmdWeight ?? 0;
  if (mmdWeight > 0) {
    const seed = options.rng?.nextSeed() ?? 0;
    loss = tf.add(loss, tf.mul(mmdToStandardNormal(code, seed), mmdWeight));
  }
  if (extra) loss = tf.add(loss, extra(code));
  return loss as tf.Scalar;
}
