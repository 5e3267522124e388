/**
 * The convolutional digits GAN's training step (one D + one G update, batch 64): our Gan.round()
 * on CONV_DIGITS_GAN_CONFIG, whose convolutions train through src/models/convolution.ts, against
 * the same DCGAN written with @tensorflow/tfjs-layers (conv2dTranspose / conv2d layers,
 * trainOnBatch, the tfjs-examples way). On WASM the layers version cannot train at all (the
 * backend has no Conv2DBackpropFilter kernel): that is recorded as its error, with our figures.
 * The layers D has no minibatch-deviation feature (tfjs-layers has no such layer), so ours does
 * a little more work per step.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CONV_DIGITS_GAN_CONFIG, Gan, createGanOptimizer } from '../src/models/gan.js';
import { createRng } from '../src/runtime/random.js';
import { stats, timeAlternating } from './stats.js';

const BATCH = 64;
const LEARNING_RATE = 2e-4;

export interface DcganStepOptions {
  warmup: number;
  repetitions: number;
}

function layersDcgan() {
  const { noiseSize, leakySlope, convolutional } = CONV_DIGITS_GAN_CONFIG;
  const { baseSize, channels, filterSize, imageSize } = convolutional!;
  const leaky = () => tfl.layers.leakyReLU({ alpha: leakySlope });
  const conv = { kernelSize: filterSize, strides: 2, padding: 'same' as const };
  const generator = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [noiseSize], units: baseSize * baseSize * channels[0] }),
      leaky(),
      tfl.layers.reshape({ targetShape: [baseSize, baseSize, channels[0]] }),
      tfl.layers.conv2dTranspose({ filters: channels[1], ...conv }),
      leaky(),
      tfl.layers.conv2dTranspose({ filters: 1, ...conv, activation: 'sigmoid' }),
    ],
  });
  const discriminator = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [imageSize, imageSize, 1], filters: channels[1], ...conv }),
      leaky(),
      tfl.layers.conv2d({ filters: channels[0], ...conv }),
      leaky(),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  discriminator.compile({
    optimizer: tf.train.adam(LEARNING_RATE, 0.5),
    loss: 'binaryCrossentropy',
  });
  discriminator.trainable = false;
  const z = tfl.input({ shape: [noiseSize] });
  const combined = tfl.model({
    inputs: z,
    outputs: discriminator.apply(generator.apply(z)) as tfl.SymbolicTensor,
  });
  combined.compile({ optimizer: tf.train.adam(LEARNING_RATE, 0.5), loss: 'binaryCrossentropy' });
  return { generator, discriminator, combined };
}

export async function dcganStep(options: DcganStepOptions) {
  const { noiseSize, dataSize } = CONV_DIGITS_GAN_CONFIG;
  const dataRng = createRng(7);
  const real = new Float32Array(BATCH * dataSize).map(() => dataRng.next());

  const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 1);
  const optimizerD = createGanOptimizer(LEARNING_RATE);
  const optimizerG = createGanOptimizer(LEARNING_RATE);
  const rng = createRng(3);
  const ours = async () => {
    await gan.round({
      optimizerD,
      optimizerG,
      batchSize: BATCH,
      rng,
      realBatch: (n) => tf.tensor2d(real, [n, dataSize]),
    });
  };

  const { generator, discriminator, combined } = layersDcgan();
  const layers = async () => {
    discriminator.trainable = true; // see gan-bench.ts: toggled around each step
    const [x, y] = tf.tidy(() => {
      const fake = generator.predict(tf.randomNormal([BATCH, noiseSize])) as tf.Tensor;
      return [
        tf.concat([tf.reshape(tf.tensor2d(real, [BATCH, dataSize]), fake.shape), fake]),
        tf.concat([tf.ones([BATCH, 1]), tf.zeros([BATCH, 1])]),
      ];
    });
    try {
      await discriminator.trainOnBatch(x, y);
    } finally {
      tf.dispose([x, y]);
      discriminator.trainable = false;
    }
    const [noise, ones] = tf.tidy(() => [tf.randomNormal([BATCH, noiseSize]), tf.ones([BATCH, 1])]);
    try {
      await combined.trainOnBatch(noise, ones);
    } finally {
      tf.dispose([noise, ones]);
    }
  };

  try {
    let layersError: string | null = null;
    try {
      await layers();
    } catch (error) {
      layersError = error instanceof Error ? error.message : String(error);
    }
    const variants: Record<string, () => Promise<void>> = layersError ? { ours } : { ours, layers };
    const { times, tensorsLeaked } = await timeAlternating(
      variants,
      options.warmup,
      options.repetitions,
      () => tf.memory().numTensors,
    );
    const oursStats = stats(times.ours);
    const layersStats = layersError ? null : stats(times.layers);
    return {
      batchSize: BATCH,
      ours: oursStats,
      layers: layersStats,
      ratio: layersStats ? oursStats.median / layersStats.median : null,
      layersError,
      tensorsLeaked,
    };
  } finally {
    gan.dispose();
    optimizerD.dispose();
    optimizerG.dispose();
    for (const model of [combined, generator, discriminator]) {
      try {
        model.dispose();
      } catch {
        // already freed with the combined model
      }
    }
  }
}
