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
import { createLinear, linear, type LinearParams } from './linear.js';
import { conv2d, conv2dTranspose, createConv } from './convolution.js';
import type { GanConfig } from './gan-config.js';

/** One layer: a matrix or a filter (`weight`) and a bias, under the name weight files use. */
export interface GanLayer {
  name: string;
  params: LinearParams;
}

export function createGenerator(config: GanConfig, seed: number): GanLayer[] {
  const conv = config.convolutional;
  if (!conv)
    return perceptronLayers([config.noiseSize, ...config.generatorHidden, config.dataSize], seed);
  const { baseSize, channels, filterSize } = conv;
  const layers: GanLayer[] = [
    {
      name: 'dense0',
      params: createLinear(config.noiseSize, baseSize * baseSize * channels[0], seed),
    },
  ];
  const outChannels = [...channels.slice(1), 1];
  channels.forEach((inChannels, i) => {
    const params = createConv(filterSize, inChannels, outChannels[i], seed + 1 + i, 'transpose');
    layers.push({ name: `deconv${i + 1}`, params: { weight: params.filter, bias: params.bias } });
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

/** G's output before its squashing, [n, dataSize]. */
export function runGenerator(
  config: GanConfig,
  layers: GanLayer[],
  noise: tf.Tensor2D,
): tf.Tensor2D {
  const conv = config.convolutional;
  if (!conv) return perceptron(noise, layers, config.leakySlope);
  return tf.tidy(() => {
    const [dense, ...deconvs] = layers;
    const { baseSize, channels } = conv;
    let h: tf.Tensor4D = tf.reshape(tf.leakyRelu(linear(noise, dense.params), config.leakySlope), [
      -1,
      baseSize,
      baseSize,
      channels[0],
    ]);
    deconvs.forEach((layer, i) => {
      h = conv2dTranspose(h, convParams(layer), 2);
      if (i < deconvs.length - 1) h = tf.leakyRelu(h, config.leakySlope);
    });
    return tf.reshape(h, [-1, config.dataSize]);
  });
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
