/**
 * The lecture's generative adversarial network: two multi-layer perceptrons playing a game.
 *
 *   generator      G: z → x        z ~ N(0, I); makes a sample out of noise
 *   discriminator  D: x → logit    D(x) = σ(logit) is its belief that x is real
 *
 * Training alternates, one round at a time:
 *   1. D-steps: D learns real vs generated. It is shown a batch of real data (target "real") and a
 *      batch of G's samples (target "generated") and takes a step on the binary cross-entropy
 *          L_D = −E_x[log D(x)] − E_z[log(1 − D(G(z)))].
 *      Only D's weights move; G is frozen (its samples are just numbers here).
 *   2. G-steps: G updates to make D call its samples real. The gradient flows back through D
 *      (whose weights stay frozen) into G:
 *          non-saturating (the default):  L_G = −E_z[log D(G(z))]
 *          minimax (the original game):   L_G =  E_z[log(1 − D(G(z)))]   (minimised)
 *      The minimax loss stalls: early on D rejects G's samples confidently, log(1 − D) is flat
 *      there, and G gets almost no gradient. The non-saturating loss has the same fixed point but
 *      strong gradients exactly when G is bad.
 * G never sees the data: everything it learns arrives through D's verdict.
 *
 * Every cross-entropy is written with softplus on the logits, which never takes log of 0:
 *   −log σ(l) = softplus(−l),   −log(1 − σ(l)) = softplus(l).
 *
 * Two tricks the field uses for cleaner samples are built in: one-sided label smoothing (D's target
 * for real data is e.g. 0.9 instead of 1, so it cannot grow over-confident; generated data keeps
 * target 0), and an exponential moving average of G's weights (G_ema) that samples from a smoothed
 * version of the oscillating generator.
 *
 * What the 2-d view reads off the game between rounds (D's belief over the plane, the field of
 * G's gradients) is in gan-inspection.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  createDiscriminator,
  createGenerator,
  runDiscriminator,
  runGenerator,
  updateStatistics,
  type BatchMoments,
  type GanLayer,
  type GeneratorMode,
} from './gan-networks.js';
import {
  assignArtifacts,
  parametersToArtifacts,
  type ModelDescription,
} from '../runtime/weights-format.js';
import type { Rng } from '../runtime/random.js';

import {
  CONV_DIGITS_GAN_CONFIG,
  DENSE_DIGITS_GAN_CONFIG,
  DIGITS_GAN_CONFIG,
  TOY_GAN_CONFIG,
  type GanConfig,
} from './gan-config.js';

export {
  CONV_DIGITS_GAN_CONFIG,
  DENSE_DIGITS_GAN_CONFIG,
  DIGITS_GAN_CONFIG,
  TOY_GAN_CONFIG,
  type GanConfig,
};

import type { GanLoss } from './choices.js';
import type { RoundLosses } from './plain-types.js';

export type { RoundLosses };

export type { GanLoss };

export interface GanStepOptions {
  /** The generator's loss; default 'non-saturating'. */
  loss?: GanLoss;
  /** D's target for real samples: 1 is plain cross-entropy, 0.9 is one-sided label smoothing. */
  realLabel?: number;
}

/** Noise seeds for one step: every random draw is seeded, so training is repeatable. */
export interface StepSeeds {
  noise: number;
}

export interface RoundOptions extends GanStepOptions {
  optimizerD: tf.Optimizer;
  optimizerG: tf.Optimizer;
  /** Discriminator updates per round (0 or more); default 1. */
  dSteps?: number;
  /** Generator updates per round (0 or more); default 1. */
  gSteps?: number;
  batchSize: number;
  /** A batch of real samples, [size, dataSize]; called once per D-step, the round disposes it. */
  realBatch: (size: number) => tf.Tensor2D;
  /** Source of the noise seeds. */
  rng: Rng;
  /** If set, G_ema moves towards G after every G-step with this decay (e.g. 0.999). */
  emaDecay?: number;
  /**
   * Awaited after every update. A page passes a yield to the browser here, so that a round of
   * the large digits networks never blocks the main thread for its whole duration.
   */
  betweenSteps?: () => Promise<void>;
}

/** Adam as GANs like it: β1 = 0.5 (less momentum, so the two players can react to each other). */
export function createGanOptimizer(learningRate: number): tf.Optimizer {
  return tf.train.adam(learningRate, 0.5, 0.999);
}

export class Gan {
  readonly config: GanConfig;
  private readonly generatorLayers: GanLayer[];
  private readonly emaLayers: GanLayer[];
  private readonly discriminatorLayers: GanLayer[];

  constructor(config: GanConfig = TOY_GAN_CONFIG, seed = 1) {
    this.config = config;
    this.generatorLayers = createGenerator(config, seed);
    this.discriminatorLayers = createDiscriminator(config, seed + this.generatorLayers.length);
    // G_ema starts as a copy of G. Not trainable: no optimiser may ever move it.
    const copy = (v: tf.Variable) => tf.variable(v, false);
    this.emaLayers = this.generatorLayers.map(({ name, params, statistics }) => ({
      name,
      params: { weight: copy(params.weight), bias: copy(params.bias) },
      ...(statistics
        ? { statistics: { mean: copy(statistics.mean), variance: copy(statistics.variance) } }
        : {}),
    }));
  }

  /** z ~ N(0, I), [n, noiseSize]. */
  sampleNoise(n: number, seed: number): tf.Tensor2D {
    return tf.randomNormal([n, this.config.noiseSize], 0, 1, 'float32', seed);
  }

  /** G(z): samples [n, dataSize]. With `ema: true`, the moving-average generator G_ema. */
  generate(
    noise: tf.Tensor2D,
    options: { ema?: boolean; mode?: GeneratorMode; moments?: BatchMoments[] } = {},
  ): tf.Tensor2D {
    const layers = options.ema ? this.emaLayers : this.generatorLayers;
    return tf.tidy(() => {
      const h = runGenerator(this.config, layers, noise, options.mode, options.moments);
      return this.config.generatorOutput === 'sigmoid' ? tf.sigmoid(h) : h;
    });
  }

  /** D's logits, [n, 1]: D(x) = σ(logit) is the probability that x is real. */
  discriminate(x: tf.Tensor2D): tf.Tensor2D {
    return runDiscriminator(this.config, this.discriminatorLayers, x);
  }

  /** L_D on a real batch and a generated batch (no update). */
  discriminatorLoss(real: tf.Tensor2D, generated: tf.Tensor2D, realLabel = 1): tf.Scalar {
    return tf.tidy(() => {
      const realLogits = this.discriminate(real);
      const fakeLogits = this.discriminate(generated);
      // Cross-entropy with target t: softplus(l) − t·l. Real data has target `realLabel`, fakes 0.
      const realTerm = tf.mean(tf.sub(tf.softplus(realLogits), tf.mul(realLabel, realLogits)));
      const fakeTerm = tf.mean(tf.softplus(fakeLogits));
      return tf.add<tf.Scalar>(realTerm, fakeTerm);
    });
  }

  /** L_G for generated samples, as seen through D (no update). */
  generatorLoss(generated: tf.Tensor2D, loss: GanLoss = 'non-saturating'): tf.Scalar {
    return tf.tidy(() =>
      tf.mean<tf.Scalar>(generatorLossPerSample(this.discriminate(generated), loss)),
    );
  }

  /**
   * One D update on `real` against a fresh batch of G's samples of the same size. Only D's
   * variables move. Returns L_D before the update (caller disposes).
   */
  discriminatorStep(
    optimizerD: tf.Optimizer,
    real: tf.Tensor2D,
    seeds: StepSeeds,
    options: GanStepOptions = {},
  ): tf.Scalar {
    return tf.tidy(() => {
      // G's samples enter D's step as constants: computed outside the differentiated function.
      const generated = this.generate(this.sampleNoise(real.shape[0], seeds.noise), {
        mode: 'training',
      });
      return optimizerD.minimize(
        () => this.discriminatorLoss(real, generated, options.realLabel ?? 1),
        true,
        this.discriminatorParameters(),
      )!;
    });
  }

  /**
   * One G update on `batchSize` fresh samples, through the frozen D. Only G's variables move.
   * Returns L_G before the update (caller disposes).
   */
  generatorStep(
    optimizerG: tf.Optimizer,
    batchSize: number,
    seeds: StepSeeds,
    options: GanStepOptions = {},
  ): tf.Scalar {
    checkLoss(options.loss ?? 'non-saturating'); // before any tape is recorded
    return tf.tidy(() => {
      const noise = this.sampleNoise(batchSize, seeds.noise);
      const moments: BatchMoments[] = [];
      const loss = optimizerG.minimize(
        () => this.generatorLoss(this.generate(noise, { mode: 'training', moments }), options.loss),
        true,
        this.generatorParameters(),
      )!;
      updateStatistics(moments);
      return loss;
    });
  }

  /**
   * One round of the game: `dSteps` D updates, then `gSteps` G updates (and the EMA, if asked).
   * The losses come back as plain numbers, read asynchronously.
   */
  async round(options: RoundOptions): Promise<RoundLosses> {
    const { optimizerD, optimizerG, batchSize, realBatch, rng, emaDecay } = options;
    checkLoss(options.loss ?? 'non-saturating');
    const dSteps = checkSteps(options.dSteps ?? 1, 'dSteps');
    const gSteps = checkSteps(options.gSteps ?? 1, 'gSteps');
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}.`);
    const dLosses: tf.Scalar[] = [];
    const gLosses: tf.Scalar[] = [];
    try {
      for (let i = 0; i < Math.max(dSteps, 1); i++) {
        const real = realBatch(batchSize);
        try {
          if (dSteps === 0) {
            dLosses.push(
              tf.tidy(() =>
                this.discriminatorLoss(
                  real,
                  this.generate(this.sampleNoise(batchSize, rng.nextSeed())),
                  options.realLabel ?? 1,
                ),
              ),
            );
          } else {
            dLosses.push(
              this.discriminatorStep(optimizerD, real, { noise: rng.nextSeed() }, options),
            );
          }
        } finally {
          real.dispose();
        }
        await options.betweenSteps?.();
      }
      for (let i = 0; i < gSteps; i++) {
        gLosses.push(this.generatorStep(optimizerG, batchSize, { noise: rng.nextSeed() }, options));
        if (emaDecay !== undefined) this.updateEma(emaDecay);
        await options.betweenSteps?.();
      }
      if (gSteps === 0) {
        gLosses.push(
          tf.tidy(() =>
            this.generatorLoss(
              this.generate(this.sampleNoise(batchSize, rng.nextSeed())),
              options.loss,
            ),
          ),
        );
      }
      const [dLoss, gLoss] = await Promise.all([meanOf(dLosses), meanOf(gLosses)]);
      return { dLoss, gLoss };
    } finally {
      tf.dispose([...dLosses, ...gLosses]);
    }
  }

  /** G_ema ← decay·G_ema + (1 − decay)·G. */
  updateEma(decay: number): void {
    tf.tidy(() => {
      const follow = (ema: tf.Variable, current: tf.Variable) =>
        ema.assign(tf.add(tf.mul(ema, decay), tf.mul(current, 1 - decay)));
      this.generatorLayers.forEach(({ params, statistics }, i) => {
        const ema = this.emaLayers[i];
        follow(ema.params.weight, params.weight);
        follow(ema.params.bias, params.bias);
        if (statistics && ema.statistics) {
          follow(ema.statistics.mean, statistics.mean);
          follow(ema.statistics.variance, statistics.variance);
        }
      });
    });
  }

  generatorParameters(): tf.Variable[] {
    return this.generatorLayers.flatMap(({ params }) => [params.weight, params.bias]);
  }

  discriminatorParameters(): tf.Variable[] {
    return this.discriminatorLayers.flatMap(({ params }) => [params.weight, params.bias]);
  }

  /** Every weight, by a stable name (the names used in weight files). */
  namedParameters(): Record<string, tf.Variable> {
    const named: Record<string, tf.Variable> = {};
    const add = (prefix: string, layers: GanLayer[]) =>
      layers.forEach(({ name, params, statistics }) => {
        named[`${prefix}/${name}/weight`] = params.weight;
        named[`${prefix}/${name}/bias`] = params.bias;
        if (statistics) {
          named[`${prefix}/${name}/moving_mean`] = statistics.mean;
          named[`${prefix}/${name}/moving_variance`] = statistics.variance;
        }
      });
    add('generator', this.generatorLayers);
    add('generator_ema', this.emaLayers);
    add('discriminator', this.discriminatorLayers);
    return named;
  }

  /** What a weights file must declare to load into this model. */
  description(): ModelDescription {
    return { model: 'gan', config: this.config };
  }

  /** Replaces every weight (G, G_ema, D), all or nothing; throws a WeightsError otherwise. */
  setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    return assignArtifacts(this.description(), this.namedParameters(), artifacts);
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return parametersToArtifacts(this.description(), this.namedParameters());
  }

  dispose(): void {
    for (const v of Object.values(this.namedParameters())) v.dispose();
  }
}

export const GAN_LOSSES: readonly GanLoss[] = ['non-saturating', 'minimax'];

/** Per-sample generator loss from D's logits on generated samples: [n, 1]. */
export function generatorLossPerSample(fakeLogits: tf.Tensor, loss: GanLoss): tf.Tensor {
  checkLoss(loss);
  return loss === 'minimax'
    ? tf.neg(tf.softplus(fakeLogits)) // log(1 − D(G(z)))
    : tf.softplus(tf.neg(fakeLogits)); // −log D(G(z))
}

export function checkLoss(loss: GanLoss): void {
  if (!GAN_LOSSES.includes(loss)) {
    throw new RangeError(
      `Unknown GAN loss "${loss as string}": use 'non-saturating' or 'minimax'.`,
    );
  }
}

function checkSteps(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}.`);
  return value;
}

async function meanOf(scalars: tf.Scalar[]): Promise<number> {
  const values = await Promise.all(scalars.map((s) => s.data()));
  return values.reduce((sum, v) => sum + v[0], 0) / values.length;
}
