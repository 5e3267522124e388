/**
 * The lecture's variational auto-encoder, for 28×28 digits with a 10-dimensional code.
 *
 *   encoder:  x → (m, σ)                          convolutions and ReLU layers, two linear heads
 *   code:     c = exp(σ/2) ⊙ e + m,  e ~ N(0, I)   the reparameterisation trick
 *   decoder:  c → p(x | c)                         ReLU layers and transposed convolutions,
 *                                                  Bernoulli per pixel
 * (The networks themselves, convolutional or not, are in vae-networks.ts.)
 *   loss:     reconstruction + KL,  KL = −½ · Σ (1 + σ − m² − exp(σ))
 *
 * A note for readers comparing with the slide: the slide writes c = exp(σ) ⊙ e + m and adds
 * Σ(1 + σ − m² − exp(σ)) to the objective. Those two lines only agree if σ is the log-variance
 * (then exp(σ) is the variance, the standard deviation is exp(σ/2), and the sum is −2·KL). We take
 * σ as the log-variance throughout, so the code uses the standard deviation exp(σ/2), and the
 * regulariser is exactly the KL divergence from N(m, exp(σ)) to N(0, I).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LinearParams } from './layer-parameters.js';
import { linear } from './ops.js';
import {
  createVaeNetworks,
  runDecoder,
  runEncoder,
  type VaeConfig,
  type VaeNetworks,
} from './vae-networks.js';

export type { VaeConfig };

/** Perceptrons: 784 → 300 → 300 → (m, σ) and 10 → 300 → 300 → 784. */
export const DENSE_DIGITS_VAE_CONFIG: VaeConfig = {
  inputSize: 784,
  encoderHidden: [300, 300],
  latentSize: 10,
  decoderHidden: [300, 300],
};

/**
 * Convolutional: 28×28 → 14×14×16 → 7×7×32 → 128 → (m, σ), and 10 → 128 → 7×7×32 → 14×14×16 →
 * 28×28, 4×4 filters at stride 2.
 */
export const CONV_DIGITS_VAE_CONFIG: VaeConfig = {
  inputSize: 784,
  encoderHidden: [128],
  latentSize: 10,
  decoderHidden: [128],
  convolutional: { imageSize: 28, baseSize: 7, channels: [32, 16], filterSize: 4 },
};

/** The bundled digits model (weights/vae-digits/). */
export const DIGITS_VAE_CONFIG = DENSE_DIGITS_VAE_CONFIG;

export type Posterior = {
  mean: tf.Tensor2D; // m, [batch, latentSize]
  logVar: tf.Tensor2D; // σ, [batch, latentSize]
};

export interface VaeLosses<T> {
  /** −ELBO per image in nats: reconstruction + weighted KL (what training minimises). */
  loss: T;
  /** −log p(x | c) per image in nats (binary cross-entropy summed over pixels). */
  reconstruction: T;
  /** KL(q(c | x) ‖ N(0, I)) per image in nats. */
  kl: T;
}

const LOG_2PI = Math.log(2 * Math.PI);

export class Vae {
  readonly config: VaeConfig;
  private readonly networks: VaeNetworks;

  constructor(config: VaeConfig = DIGITS_VAE_CONFIG, seed = 1) {
    this.config = config;
    this.networks = createVaeNetworks(config, seed);
  }

  /** q(c | x): the mean m and log-variance σ of the code for each image in x ([batch, 784], 0–1). */
  encode(x: tf.Tensor2D): Posterior {
    return tf.tidy(() => {
      const h = runEncoder(this.config, this.networks.encoder, x);
      return { mean: linear(h, this.networks.mean), logVar: linear(h, this.networks.logVar) };
    });
  }

  /** The decoder's Bernoulli logits for each pixel. */
  decodeLogits(codes: tf.Tensor2D): tf.Tensor2D {
    return runDecoder(this.config, this.networks.decoder, codes);
  }

  /** p(x | c): each pixel's probability of being ink, [batch, 784]. */
  decode(codes: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.sigmoid(this.decodeLogits(codes)));
  }

  /** c = exp(σ/2) ⊙ e + m, with e ~ N(0, I) drawn from `seed`. */
  sampleCode(posterior: Posterior, seed: number): tf.Tensor2D {
    return tf.tidy(() => {
      const e = tf.randomNormal(posterior.mean.shape, 0, 1, 'float32', seed);
      const std = tf.exp(tf.mul(posterior.logVar, 0.5));
      return tf.add(tf.mul(std, e), posterior.mean);
    });
  }

  /**
   * The per-image losses, averaged over the batch. `klWeight` < 1 is KL warm-up during training
   * (it keeps latent dimensions alive early on); evaluation uses 1.
   */
  losses(x: tf.Tensor2D, seed: number, klWeight = 1): VaeLosses<tf.Scalar> {
    return tf.tidy(() => {
      const posterior = this.encode(x);
      const code = this.sampleCode(posterior, seed);
      const reconstruction = tf.mean<tf.Scalar>(
        bernoulliNegLogLikelihood(x, this.decodeLogits(code)),
      );
      const kl = tf.mean<tf.Scalar>(klToStandardNormal(posterior));
      const loss = tf.add<tf.Scalar>(reconstruction, tf.mul(kl, klWeight));
      return { loss, reconstruction, kl };
    });
  }

  /**
   * One training step on a batch of intensities (0–1): binarise dynamically (each pixel on with
   * probability = its intensity, a fresh draw every time), then take an optimiser step on −ELBO.
   * Returns the batch's loss and KL (caller disposes).
   */
  trainStep(
    optimizer: tf.Optimizer,
    intensities: tf.Tensor2D,
    seeds: { binarise: number; sample: number },
    klWeight = 1,
  ): { loss: tf.Scalar; kl: tf.Scalar } {
    return tf.tidy(() => {
      const binary = binarise(intensities, seeds.binarise);
      let kl: tf.Scalar | undefined;
      const loss = optimizer.minimize(
        () => {
          const losses = this.losses(binary, seeds.sample, klWeight);
          kl = tf.keep(losses.kl);
          return losses.loss;
        },
        true,
        Object.values(this.namedParameters()),
      )!;
      return { loss, kl: kl! };
    });
  }

  /**
   * Importance-sampled estimate of log p(x) per image (Burda et al. 2016):
   *   log p(x) ≈ log (1/k) Σ_i p(x | c_i) p(c_i) / q(c_i | x),   c_i ~ q(c | x).
   * With k = 1 this is the ELBO; it tightens towards log p(x) as k grows.
   */
  importanceLogLikelihood(x: tf.Tensor2D, samples: number, seed: number): tf.Tensor1D {
    return tf.tidy(() => {
      const [batch, pixels] = x.shape;
      const latent = this.config.latentSize;
      const { mean, logVar } = this.encode(x);
      // Lay the k samples out as [k, batch, latent] so one decoder call handles them all.
      const e = tf.randomNormal([samples, batch, latent], 0, 1, 'float32', seed);
      const codes = tf.add(tf.mul(tf.exp(tf.mul(logVar, 0.5)), e), mean);
      const flatCodes = tf.reshape<tf.Rank.R2>(codes, [samples * batch, latent]);
      const logits = tf.reshape(this.decodeLogits(flatCodes), [samples, batch, pixels]);
      // The same −log p(x | c) as bernoulliNegLogLikelihood, with x broadcast over the k samples
      // (WASM's Tile is a slow loop).
      const perPixel = tf.sub(tf.softplus(logits), tf.mul(tf.expandDims(x, 0), logits));
      const logLikelihood = tf.neg(tf.sum(perPixel, -1));
      const logPrior = tf.mul(-0.5, tf.sum(tf.add(tf.square(codes), LOG_2PI), -1));
      const logPosterior = tf.mul(-0.5, tf.sum(tf.add(tf.add(tf.square(e), logVar), LOG_2PI), -1));
      const logWeights = tf.add(logLikelihood, tf.sub(logPrior, logPosterior));
      return tf.sub<tf.Tensor1D>(tf.logSumExp(logWeights, 0), Math.log(samples));
    });
  }

  /** Every trainable tensor, by a stable name (the names used in weight files). */
  namedParameters(): Record<string, tf.Variable> {
    const named: Record<string, tf.Variable> = {};
    const add = (prefix: string, p: LinearParams) => {
      named[`${prefix}/weight`] = p.weight;
      named[`${prefix}/bias`] = p.bias;
    };
    const { encoder, mean, logVar, decoder } = this.networks;
    encoder.forEach(({ name, params }) => add(`encoder/${name}`, params));
    add('encoder/mean', mean);
    add('encoder/log_var', logVar);
    decoder.forEach(({ name, params }) => add(`decoder/${name}`, params));
    return named;
  }

  dispose(): void {
    for (const v of Object.values(this.namedParameters())) v.dispose();
  }
}

/** Each pixel on with probability = its intensity. */
export function binarise(intensities: tf.Tensor2D, seed: number): tf.Tensor2D {
  return tf.tidy(
    () =>
      tf.cast(
        tf.less(tf.randomUniform(intensities.shape, 0, 1, 'float32', seed), intensities),
        'float32',
      ) as tf.Tensor2D,
  );
}

/** −log p(x | logits) for Bernoulli pixels, summed over pixels: [batch]. Numerically stable form. */
export function bernoulliNegLogLikelihood(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    // softplus(l) − x·l  ==  −[x·log σ(l) + (1 − x)·log(1 − σ(l))]
    const perPixel = tf.sub(tf.softplus(logits), tf.mul(x, logits));
    return tf.sum<tf.Tensor1D>(perPixel, -1);
  });
}

/** KL(N(m, exp(σ)) ‖ N(0, I)) = −½ · Σ (1 + σ − m² − exp(σ)), summed over code dims: [batch]. */
export function klToStandardNormal({ mean, logVar }: Posterior): tf.Tensor1D {
  return tf.tidy(() => {
    const terms = tf.sub(tf.sub(tf.add(1, logVar), tf.square(mean)), tf.exp(logVar));
    return tf.mul<tf.Tensor1D>(-0.5, tf.sum(terms, -1));
  });
}
