/**
 * The two players' networks, for both of the GAN's architectures:
 *
 *   perceptrons:  G: z → dense layers → x          D: x → dense layers → logit
 *   DCGAN:        G: z → dense → small feature map → transposed convolutions, each doubling the
 *                    image, down to one channel      (Radford et al., 2016)
 *                 D: image → stride-2 convolutions, each halving it → dense → logit
 *
 * LeakyReLU between layers; the last layer's output is returned raw (G's squashing is the
 * model's choice). Samples travel flat, [n, dataSize], whatever the architecture.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLinear, type LinearParams } from './layer-parameters.js';
import { linear } from './ops.js';
import { conv2d, conv2dTranspose, createConv } from './convolution.js';
import type { GanConfig } from './gan-config.js';

/**
 * One layer: a matrix or a filter (`weight`) and a bias, under the name weight files use. A batch
 * normalisation layer keeps its scale and shift there, and its moving statistics beside them.
 */
export interface GanLayer {
  name: string;
  params: LinearParams;
  statistics?: { mean: tf.Variable; variance: tf.Variable };
}

/** Whether G normalises with the batch's own moments (training) or its moving ones (sampling). */
export type GeneratorMode = 'training' | 'sampling';

/** How fast the moving statistics follow the batches'. */
const STATISTICS_MOMENTUM = 0.9;
const NORM_EPSILON = 1e-5;

function batchNorm(name: string, channels: number): GanLayer {
  return tf.tidy(() => ({
    name,
    params: { weight: tf.variable(tf.ones([channels])), bias: tf.variable(tf.zeros([channels])) },
    statistics: {
      mean: tf.variable(tf.zeros([channels]), false),
      variance: tf.variable(tf.ones([channels]), false),
    },
  }));
}

/**
 * Batch normalisation over every axis but the channels: scale · (h − μ) / √(σ² + ε) + shift, with
 * the batch's μ and σ² in training and the moving ones when sampling (so one sample does not
 * depend on the others drawn with it).
 */
function normalise<T extends tf.Tensor>(
  h: T,
  layer: GanLayer,
  { mean, variance }: { mean: tf.Tensor; variance: tf.Tensor },
): T {
  return tf.tidy(() => {
    const normalised = tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, NORM_EPSILON)));
    return tf.add<T>(tf.mul(normalised, layer.params.weight), layer.params.bias);
  });
}

export function createGenerator(config: GanConfig, seed: number): GanLayer[] {
  const conv = config.convolutional;
  if (!conv)
    return perceptronLayers([config.noiseSize, ...config.generatorHidden, config.dataSize], seed);
  const { baseSize, channels, filterSize, batchNorm: normalised } = conv;
  const layers: GanLayer[] = [
    {
      name: 'dense0',
      params: createLinear(config.noiseSize, baseSize * baseSize * channels[0], seed),
    },
  ];
  if (normalised) layers.push(batchNorm('norm0', channels[0]));
  const outChannels = [...channels.slice(1), 1];
  channels.forEach((inChannels, i) => {
    const params = createConv(filterSize, inChannels, outChannels[i], seed + 1 + i, 'transpose');
    layers.push({ name: `deconv${i + 1}`, params: { weight: params.filter, bias: params.bias } });
    if (normalised && i < channels.length - 1)
      layers.push(batchNorm(`norm${i + 1}`, outChannels[i]));
  });
  return layers;
}

export function createDiscriminator(config: GanConfig, seed: number): GanLayer[] {
  const conv = config.convolutional;
  if (!conv) return perceptronLayers([config.dataSize, ...config.discriminatorHidden, 1], seed);
  const { baseSize, channels, filterSize, minibatchDeviation } = conv;
  const widening = [...channels].reverse(); // e.g. 1 → 32 → 64
  const inChannels = [1, ...widening.slice(0, -1)];
  const layers = widening.map((out, i) => {
    const params = createConv(filterSize, inChannels[i], out, seed + i);
    return { name: `conv${i}`, params: { weight: params.filter, bias: params.bias } };
  });
  const features = baseSize * baseSize * channels[0] + (minibatchDeviation ? 1 : 0);
  layers.push({
    name: `dense${layers.length}`,
    params: createLinear(features, 1, seed + layers.length),
  });
  return layers;
}

/** A normalisation layer's batch moments, measured in a training pass (kept: the caller frees them). */
export interface BatchMoments {
  layer: GanLayer;
  mean: tf.Tensor;
  variance: tf.Tensor;
}

/**
 * G's output before its squashing, [n, dataSize]. In 'training' mode its normalisation layers use
 * the batch's moments, and report them in `moments` if given.
 */
export function runGenerator(
  config: GanConfig,
  layers: GanLayer[],
  noise: tf.Tensor2D,
  mode: GeneratorMode = 'sampling',
  moments?: BatchMoments[],
): tf.Tensor2D {
  const conv = config.convolutional;
  if (!conv) return perceptron(noise, layers, config.leakySlope);
  return tf.tidy(() => {
    const { baseSize, channels } = conv;
    const last = layers[layers.length - 1];
    let h: tf.Tensor = noise;
    for (const layer of layers) {
      if (layer.statistics) {
        const axes = h.shape.slice(0, -1).map((_, i) => i);
        const batch = mode === 'training' ? tf.moments(h, axes) : undefined;
        if (batch && moments)
          moments.push({ layer, mean: tf.keep(batch.mean), variance: tf.keep(batch.variance) });
        h = normalise(h, layer, batch ?? layer.statistics);
      } else if (layer.name.startsWith('dense')) {
        h = tf.reshape(linear(h as tf.Tensor2D, layer.params), [
          -1,
          baseSize,
          baseSize,
          channels[0],
        ]);
      } else {
        h = conv2dTranspose(h as tf.Tensor4D, convParams(layer), 2);
      }
      const next = layers[layers.indexOf(layer) + 1];
      // The activation follows a layer's normalisation, if it has one; the last layer stays raw.
      if (layer !== last && !next?.statistics) h = tf.leakyRelu(h, config.leakySlope);
    }
    return tf.reshape(h, [-1, config.dataSize]);
  });
}

/** Moves each normalisation layer's moving statistics towards the batch moments, and frees them. */
export function updateStatistics(moments: BatchMoments[]): void {
  tf.tidy(() => {
    for (const { layer, mean, variance } of moments) {
      const statistics = layer.statistics!;
      const blend = (moving: tf.Variable, batch: tf.Tensor) =>
        moving.assign(
          tf.add(tf.mul(moving, STATISTICS_MOMENTUM), tf.mul(batch, 1 - STATISTICS_MOMENTUM)),
        );
      blend(statistics.mean, mean);
      blend(statistics.variance, variance);
    }
  });
  tf.dispose(moments.flatMap(({ mean, variance }) => [mean, variance]));
}

/** D's logits, [n, 1]. */
export function runDiscriminator(
  config: GanConfig,
  layers: GanLayer[],
  x: tf.Tensor2D,
): tf.Tensor2D {
  const conv = config.convolutional;
  if (!conv) return perceptron(x, layers, config.leakySlope);
  return tf.tidy(() => {
    const convs = layers.slice(0, -1);
    const dense = layers[layers.length - 1];
    let h: tf.Tensor4D = tf.reshape(x, [-1, conv.imageSize, conv.imageSize, 1]);
    for (const layer of convs) h = tf.leakyRelu(conv2d(h, convParams(layer), 2), config.leakySlope);
    let features: tf.Tensor2D = tf.reshape(h, [h.shape[0], -1]);
    if (conv.minibatchDeviation) features = withMinibatchDeviation(features);
    return linear(features, dense.params);
  });
}

/**
 * Appends one feature, the same for every sample: the mean over features of their standard
 * deviation across the batch (Karras et al., 2018). Real batches vary; a collapsed G's do not.
 */
function withMinibatchDeviation(features: tf.Tensor2D): tf.Tensor2D {
  const { variance } = tf.moments(features, 0);
  const deviation = tf.mean(tf.sqrt(tf.add(variance, 1e-8)));
  const column: tf.Tensor2D = tf.mul(tf.ones([features.shape[0], 1]), deviation);
  return tf.concat<tf.Tensor2D>([features, column], 1);
}

function convParams(layer: GanLayer) {
  return { filter: layer.params.weight, bias: layer.params.bias };
}

function perceptronLayers(sizes: number[], seed: number): GanLayer[] {
  return sizes.slice(1).map((size, i) => ({
    name: `dense${i}`,
    params: createLinear(sizes[i], size, seed + i),
  }));
}

function perceptron(input: tf.Tensor2D, layers: GanLayer[], leakySlope: number): tf.Tensor2D {
  return tf.tidy(() => {
    let h = input;
    layers.forEach((layer, i) => {
      h = linear(h, layer.params);
      if (i < layers.length - 1) h = tf.leakyRelu(h, leakySlope);
    });
    return h;
  });
}
