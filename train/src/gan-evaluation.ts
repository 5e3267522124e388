// How train-gan.ts judges a generator: a small MNIST classifier (trained here, not shipped)
// labels its samples, and the Fréchet distance between the classifier's penultimate features of
// the samples and of the 10k test digits says how close they are to real digits. The same judge
// scores the VAE's decoder, for the card's comparison.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Digits } from './mnist.js';
import {
  MnistClassifier,
  FEATURE_SIZE,
  accuracy,
  classStatistics,
  type ClassStatistics,
} from './mnist-classifier.js';
import { featureStatistics, frechetDistance, type FeatureStatistics } from './frechet.js';
import { assignWeights, readJson, type WeightsManifestFile } from './weights-files.js';
import { writeDigitGrid } from './digit-pictures.js';
import { Vae, type VaeConfig } from '../../src/models/vae.js';
import { createRng } from '../../src/runtime/random.js';

export interface Evaluation extends ClassStatistics {
  frechet: number;
}

/**
 * `count` digits from a generator function of (size, noise seed) → [size, 784] tensor. The noise
 * seeds follow from the run's `seed`, so every call draws the same noise.
 */
export async function sampleDigits(
  count: number,
  draw: (size: number, seed: number) => tf.Tensor2D,
  seed: number,
): Promise<Float32Array> {
  const images = new Float32Array(count * 784);
  const sampleRng = createRng(seed + 200);
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const batch = draw(size, sampleRng.nextSeed());
    images.set(await batch.data(), start * 784);
    batch.dispose();
  }
  return images;
}

/** An evaluation in one line, for the log. */
export function describeEvaluation(e: Evaluation): string {
  return (
    `${e.classesCovered}/10 classes, entropy ${e.classEntropy.toFixed(3)} nats, ` +
    `confidence ${e.meanConfidence.toFixed(3)}, Fréchet ${e.frechet.toFixed(2)}`
  );
}

/** The classifier, trained on `train`, with the test digits' feature statistics to compare with. */
export class DigitJudge {
  private constructor(
    private readonly classifier: MnistClassifier,
    private readonly testStatistics: FeatureStatistics,
    /** Its accuracy on the test digits. */
    readonly accuracy: number,
  ) {}

  static async train(
    train: Digits,
    test: Digits,
    { seed, epochs, smoke, log }: TrainJudgeOptions,
  ): Promise<DigitJudge> {
    const classifier = new MnistClassifier(seed + 100);
    const classifierLoss = await classifier.train(train, {
      epochs,
      batchSize: 128,
      learningRate: 1e-3,
      seed: seed + 101,
      stepsPerEpoch: smoke ? 5 : undefined,
    });
    const testPredictions = await classifier.predict(test.images, test.count);
    const classifierAccuracy = accuracy(testPredictions, test.labels);
    const testStatistics = featureStatistics(testPredictions.features, test.count, FEATURE_SIZE);
    log(
      `classifier: ${epochs} epochs, train loss ${classifierLoss.toFixed(3)}, test accuracy ${(100 * classifierAccuracy).toFixed(2)}%`,
    );
    return new DigitJudge(classifier, testStatistics, classifierAccuracy);
  }

  async evaluate(images: Float32Array, count: number): Promise<Evaluation> {
    const predictions = await this.classifier.predict(images, count);
    const statistics: FeatureStatistics = featureStatistics(
      predictions.features,
      count,
      FEATURE_SIZE,
    );
    return {
      ...classStatistics(predictions),
      frechet: frechetDistance(statistics, this.testStatistics),
    };
  }

  dispose(): void {
    this.classifier.dispose();
  }
}

export interface TrainJudgeOptions {
  seed: number;
  epochs: number;
  smoke: boolean;
  log: (message: string) => void;
}

/**
 * The VAE's samples (z ~ N(0, I), decoded to Bernoulli means) judged like the GAN's, their grid
 * written to `outDir`; undefined when `vaeDir` holds no weights. `vaeSource` warns when those are
 * from a smoke run.
 */
export async function evaluateVaeSamples(
  judge: DigitJudge,
  { vaeDir, outDir, samples, seed, log }: VaeComparisonOptions,
): Promise<{ vaeEval: Evaluation | undefined; vaeSource: string }> {
  if (!existsSync(path.join(vaeDir, 'model.json'))) {
    log(`No VAE weights in ${vaeDir}: the VAE comparison is skipped.`);
    return { vaeEval: undefined, vaeSource: '' };
  }
  const manifest = readJson<WeightsManifestFile>(path.join(vaeDir, 'model.json'));
  // The VAE as its weights file describes it (perceptrons or convolutions).
  const vaeConfig = (manifest.modelTopology as { generativeElements: { config: VaeConfig } })
    .generativeElements.config;
  const vae = new Vae(vaeConfig);
  assignWeights(vae.namedParameters(), manifest, readFileSync(path.join(vaeDir, 'weights.bin')));
  const vaeMetrics = readJson<{ smoke?: boolean }>(path.join(vaeDir, 'metrics.json'));
  const vaeSource = vaeMetrics.smoke ? ' (the VAE weights on disk are from a smoke run!)' : '';
  const vaeImages = await sampleDigits(
    samples,
    (size, s) =>
      tf.tidy(() => vae.decode(tf.randomNormal([size, vaeConfig.latentSize], 0, 1, 'float32', s))),
    seed,
  );
  const vaeEval = await judge.evaluate(vaeImages, samples);
  writeDigitGrid(outDir, 'vae-samples.png', vaeImages);
  vae.dispose();
  log(`VAE decoder means${vaeSource}: ${describeEvaluation(vaeEval)}`);
  return { vaeEval, vaeSource };
}

export interface VaeComparisonOptions {
  vaeDir: string;
  outDir: string;
  samples: number;
  seed: number;
  log: (message: string) => void;
}
