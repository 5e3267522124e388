/**
 * A GAN as the arena uses it: the two networks, their optimisers, where real samples come from,
 * and the views the page draws, all as plain numbers. Every tensor made here is freed here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Gan, createGanOptimizer, type GanConfig, type RoundLosses } from './gan.js';
import { decisionMap, generatorGradients } from './gan-inspection.js';
import { createRng, type Rng } from '../runtime/random.js';
import { ensureGradients, yieldToBrowser } from '../runtime/training-loop.js';
import { weightBytesOf } from '../runtime/weights-format.js';
import { realSamplerFor, type RealData, type RealSampler } from '../data/real-samples.js';
import type { GanSettings, PlaneView } from './plain-types.js';

export type { GanSettings, PlaneView };

export type { RealData, RealSampler };

export class GanTrainer {
  readonly config: GanConfig;
  settings: GanSettings;
  private gan: Gan;
  private optimizerD: tf.Optimizer;
  private optimizerG: tf.Optimizer;
  private rng: Rng;
  private realSampler: RealSampler;
  /** The same noise every frame, so the page shows how the same z's move as G learns. */
  private fixedNoise: tf.Tensor2D;
  rounds = 0;

  constructor(
    config: GanConfig,
    settings: GanSettings,
    realSampler: RealSampler,
    seed: number,
    viewSamples: number,
  ) {
    this.config = config;
    this.settings = settings;
    this.realSampler = realSampler;
    this.rng = createRng(seed);
    this.gan = new Gan(config, this.rng.nextSeed());
    this.optimizerD = createGanOptimizer(settings.learningRateD);
    this.optimizerG = createGanOptimizer(settings.learningRateG);
    this.fixedNoise = this.gan.sampleNoise(viewSamples, this.rng.nextSeed());
  }

  /** The real samples as data (what the page's worker receives). */
  setRealData(data: RealData): void {
    this.realSampler = realSamplerFor(data);
  }

  /**
   * Plays rounds for about `budgetMs` (at least one, at most `maxRounds`): one message from the
   * page buys a frame's worth of the 2-d game. Stops early at a non-finite loss.
   */
  async play(budgetMs: number, maxRounds = 1000): Promise<RoundLosses[]> {
    const started = performance.now();
    const played: RoundLosses[] = [];
    do {
      const losses = await this.round();
      played.push(losses);
      if (!Number.isFinite(losses.dLoss) || !Number.isFinite(losses.gLoss)) break;
    } while (played.length < maxRounds && performance.now() - started < budgetMs);
    return played;
  }

  /** Changes settings; new learning rates take effect at the next step (Adam keeps its moments). */
  updateSettings(changes: Partial<GanSettings>): void {
    this.settings = { ...this.settings, ...changes };
    setLearningRate(this.optimizerD, this.settings.learningRateD);
    setLearningRate(this.optimizerG, this.settings.learningRateG);
  }

  /**
   * One round: d-steps D updates, then g-steps G updates. `only` overrides the step counts for
   * one round, e.g. `{dSteps: 1, gSteps: 0}` moves the discriminator alone.
   */
  async round(only?: { dSteps: number; gSteps: number }): Promise<RoundLosses> {
    await ensureGradients();
    const { batchSize, loss, realLabel, emaDecay } = this.settings;
    const { dSteps, gSteps } = only ?? this.settings;
    const losses = await this.gan.round({
      optimizerD: this.optimizerD,
      optimizerG: this.optimizerG,
      dSteps,
      gSteps,
      batchSize,
      loss,
      realLabel,
      emaDecay,
      rng: this.rng,
      // One update of the digits networks takes tens of milliseconds: let the page breathe
      // between updates. The tiny 2-d networks run many rounds per frame and need no yield.
      betweenSteps: this.config.dataSize > 2 ? yieldToBrowser : undefined,
      realBatch: (n) =>
        tf.tensor2d(this.realSampler(n, this.rng.nextSeed()), [n, this.config.dataSize]),
    });
    this.rounds++;
    return losses;
  }

  /** `n` samples from G (or its moving average), flat [n × dataSize]. */
  async sample(n: number, options: { ema?: boolean; seed?: number } = {}): Promise<Float32Array> {
    const samples = tf.tidy(() =>
      this.gan.generate(this.gan.sampleNoise(n, options.seed ?? this.rng.nextSeed()), options),
    );
    return readAndDispose(samples);
  }

  /** G's samples for the fixed noise, and D's probability that each is real. */
  async fixedSamples(
    options: { ema?: boolean } = {},
  ): Promise<{ samples: Float32Array; realness: Float32Array }> {
    const [samples, realness] = tf.tidy(() => {
      const generated = this.gan.generate(this.fixedNoise, options);
      return [generated, decisionMap(this.gan, generated)];
    });
    return { samples: await readAndDispose(samples), realness: await readAndDispose(realness) };
  }

  /** Decodes a straight line between two noise vectors (seeded), `steps` samples end to end. */
  async latentWalk(
    steps: number,
    seeds: [number, number],
    options: { ema?: boolean } = {},
  ): Promise<Float32Array> {
    const samples = tf.tidy(() => {
      const [a, b] = seeds.map((seed) => this.gan.sampleNoise(1, seed));
      const t = tf.reshape(tf.linspace(0, 1, steps), [steps, 1]);
      return this.gan.generate(tf.add<tf.Tensor2D>(tf.mul(tf.sub(1, t), a), tf.mul(t, b)), options);
    });
    return readAndDispose(samples);
  }

  /** Everything the 2-d view draws in one frame. */
  async planeView(decisionSize: number, domain: readonly [number, number]): Promise<PlaneView> {
    await ensureGradients();
    const [generated, arrows, decision] = tf.tidy(() => {
      const points = this.gan.generate(this.fixedNoise);
      const towardsLowerLoss = tf.neg(generatorGradients(this.gan, points, this.settings.loss));
      return [points, towardsLowerLoss, decisionMap(this.gan, planeGrid(decisionSize, domain))];
    });
    return {
      generated: await readAndDispose(generated),
      arrows: await readAndDispose(arrows),
      decision: await readAndDispose(decision),
      decisionSize,
    };
  }

  /** Starts again from fresh random weights (or, for digits, the caller then loads weights). */
  reset(seed: number): void {
    this.disposeModel();
    this.rng = createRng(seed);
    this.gan = new Gan(this.config, this.rng.nextSeed());
    this.optimizerD = createGanOptimizer(this.settings.learningRateD);
    this.optimizerG = createGanOptimizer(this.settings.learningRateG);
    this.fixedNoise = this.gan.sampleNoise(this.fixedNoise.shape[0], this.rng.nextSeed());
    this.rounds = 0;
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return weightBytesOf(this.gan.namedParameters());
  }

  setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    return this.gan.setWeights(artifacts);
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return this.gan.getWeights();
  }

  dispose(): void {
    this.disposeModel();
  }

  private disposeModel(): void {
    this.gan.dispose();
    this.optimizerD.dispose();
    this.optimizerG.dispose();
    this.fixedNoise.dispose();
  }
}

/** size×size points covering the domain, row 0 at the top (largest y), cell centres. */
function planeGrid(size: number, [min, max]: readonly [number, number]): tf.Tensor2D {
  const coordinates = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const i = (row * size + column) * 2;
      coordinates[i] = min + ((column + 0.5) / size) * (max - min);
      coordinates[i + 1] = max - ((row + 0.5) / size) * (max - min);
    }
  }
  return tf.tensor2d(coordinates, [size * size, 2]);
}

function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}

async function readAndDispose(tensor: tf.Tensor): Promise<Float32Array> {
  try {
    return (await tensor.data()) as Float32Array;
  } finally {
    tensor.dispose();
  }
}
