/**
 * The VAE's encoder and decoder, for both of its architectures:
 *
 *   perceptrons:     x → ReLU layers → (m, σ)          c → ReLU layers → 784 logits
 *   convolutional:   x (28×28) → stride-2 convolutions, each halving the image → ReLU layers
 *                      → (m, σ)
 *                    c → ReLU layers → a small feature map → transposed convolutions, each
 *                      doubling it → 28×28 logits
 *
 * Images travel flat, [n, 784], whatever the architecture. The heads and the last layer are
 * linear: m and σ take any real value, and the logits go through the Bernoulli likelihood.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLinear, type LinearParams } from './layer-parameters.js';
import { linear } from './ops.js';
import { conv2d, conv2dTranspose, createConv } from './convolution.js';

export interface VaeConfig {
  inputSize: number;
  encoderHidden: number[];
  latentSize: number;
  decoderHidden: number[];
  /** Convolutions before the encoder's dense layers and after the decoder's; absent: none. */
  convolutional?: ConvolutionalVaeLayout;
}

/** As the DCGAN: feature maps of baseSize² × channels[0] … doubling up to imageSize² × 1. */
export interface ConvolutionalVaeLayout {
  imageSize: number;
  baseSize: number;
  /** Channels from the smallest feature map outwards, e.g. [32, 16]; the encoder reads it backwards. */
  channels: number[];
  filterSize: number;
}

/** One layer: a matrix or a filter (`weight`) and a bias, under the name weight files use. */
export interface VaeLayer {
  name: string;
  params: LinearParams;
}

export interface VaeNetworks {
  encoder: VaeLayer[];
  mean: LinearParams;
  logVar: LinearParams;
  decoder: VaeLayer[];
}

export function createVaeNetworks(config: VaeConfig, seed: number): VaeNetworks {
  let nextSeed = seed;
  const dense = (name: string, inputs: number, outputs: number): VaeLayer => ({
    name,
    params: createLinear(inputs, outputs, nextSeed++),
  });
  const conv = config.convolutional;
  const encoder: VaeLayer[] = [];
  const decoder: VaeLayer[] = [];
  let encoded = config.inputSize;
  if (conv) {
    const inward = [...conv.channels].reverse(); // e.g. 16 → 32
    [1, ...inward.slice(0, -1)].forEach((inChannels, i) => {
      const p = createConv(conv.filterSize, inChannels, inward[i], nextSeed++);
      encoder.push({ name: `conv${i}`, params: { weight: p.filter, bias: p.bias } });
    });
    encoded = featureMapSize(conv);
  }
  [encoded, ...config.encoderHidden].slice(0, -1).forEach((inputs, i) => {
    encoder.push(dense(`dense${i}`, inputs, config.encoderHidden[i]));
  });
  const lastEncoder = [encoded, ...config.encoderHidden].at(-1)!;
  const mean = createLinear(lastEncoder, config.latentSize, nextSeed++);
  const logVar = createLinear(lastEncoder, config.latentSize, nextSeed++);

  const decoderOut = conv ? featureMapSize(conv) : config.inputSize;
  const sizes = [config.latentSize, ...config.decoderHidden, decoderOut];
  sizes.slice(1).forEach((size, i) => decoder.push(dense(`dense${i}`, sizes[i], size)));
  if (conv) {
    const outward = [...conv.channels.slice(1), 1];
    conv.channels.forEach((inChannels, i) => {
      const p = createConv(conv.filterSize, inChannels, outward[i], nextSeed++, 'transpose');
      decoder.push({ name: `deconv${i + 1}`, params: { weight: p.filter, bias: p.bias } });
    });
  }
  return { encoder, mean, logVar, decoder };
}

/** The encoder's last features, before the two heads. */
export function runEncoder(config: VaeConfig, layers: VaeLayer[], x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const conv = config.convolutional;
    let h = x;
    let rest = layers;
    if (conv) {
      const convs = layers.slice(0, conv.channels.length);
      rest = layers.slice(conv.channels.length);
      let map: tf.Tensor4D = tf.reshape(x, [-1, conv.imageSize, conv.imageSize, 1]);
      for (const { params } of convs)
        map = tf.relu(conv2d(map, { filter: params.weight, bias: params.bias }, 2));
      h = tf.reshape(map, [map.shape[0], -1]);
    }
    for (const { params } of rest) h = tf.relu(linear(h, params));
    return h;
  });
}

/** The decoder's Bernoulli logits for each pixel, [n, 784]. */
export function runDecoder(config: VaeConfig, layers: VaeLayer[], codes: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const conv = config.convolutional;
    const deconvs = conv ? layers.slice(-conv.channels.length) : [];
    const dense = layers.slice(0, layers.length - deconvs.length);
    let h = codes;
    dense.forEach(({ params }, i) => {
      h = linear(h, params);
      if (i < dense.length - 1 || conv) h = tf.relu(h);
    });
    if (!conv) return h;
    let map: tf.Tensor4D = tf.reshape(h, [-1, conv.baseSize, conv.baseSize, conv.channels[0]]);
    deconvs.forEach(({ params }, i) => {
      map = conv2dTranspose(map, { filter: params.weight, bias: params.bias }, 2);
      if (i < deconvs.length - 1) map = tf.relu(map);
    });
    return tf.reshape(map, [-1, config.inputSize]);
  });
}

function featureMapSize(conv: ConvolutionalVaeLayout): number {
  return conv.baseSize * conv.baseSize * conv.channels[0];
}
