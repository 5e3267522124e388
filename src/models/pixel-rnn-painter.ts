/**
 * The PixelRNN as the element uses it: weights in and out, and plain arrays instead of tensors.
 * A `Painting` draws `count` images one pixel at a time and keeps, for every pixel drawn, the
 * value and what the model predicted there (for the bars and the hover view). Every tensor made
 * here is freed here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { PixelRnn, type PixelRnnConfig, type PixelRnnSampler } from './pixel-rnn.js';
import {
  runTrainingLoop,
  type FineTuneOptions,
  type TrainingResult,
} from '../runtime/training-loop.js';
import { createRng } from '../runtime/random.js';
import { weightBytesOf } from '../runtime/weights-format.js';
import type { Palette } from '../data/palette.js';

/** One image's pixels: palette indices (one-hot) or RGB triples in [0, 1] (sigmoid), row by row. */
import type { PixelValues } from '../data/pixel-images.js';
import type { PaintingOptions } from './plain-types.js';

export type { PaintingOptions };

export type { PixelValues };

export type PixelFineTuneOptions = FineTuneOptions;

export class PixelPainter {
  private readonly model: PixelRnn;

  constructor(config: PixelRnnConfig) {
    this.model = new PixelRnn(config);
  }

  get config(): PixelRnnConfig {
    return this.model.config;
  }

  /** The colours the weights were trained with (from the weights file), if any. */
  get palette(): Palette | undefined {
    return this.model.palette;
  }

  /** Numbers per pixel in a PixelValues array: 1 (index) or 3 (RGB). */
  get valueDepth(): number {
    return this.config.encoding === 'one-hot' ? 1 : 3;
  }

  /** Numbers per pixel in a predicted distribution: N probabilities or an RGB mean. */
  get distributionDepth(): number {
    return this.config.encoding === 'one-hot' ? this.config.paletteSize : 3;
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return weightBytesOf(this.model.namedParameters());
  }

  setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    return this.model.setWeights(artifacts);
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return this.model.getWeights();
  }

  startPainting(options: PaintingOptions): Painting {
    return new Painting(this, this.model, options);
  }

  /** −log p(x) in nats for each image (exact: the model is autoregressive). */
  async nll(images: PixelValues[]): Promise<Float32Array> {
    const x = this.toTensor(images);
    const nll = this.model.nll(x);
    const values = (await nll.data()) as Float32Array;
    tf.dispose([x, nll]);
    return values;
  }

  /** Fine-tunes on the given images (already in this model's pixel form), with the shared loop. */
  async fineTune(
    images: PixelValues[],
    options: PixelFineTuneOptions = {},
  ): Promise<TrainingResult> {
    if (images.length === 0) throw new RangeError('Fine-tuning needs at least one image.');
    const { steps = 100, learningRate = 3e-4, batchSize = 16, signal, seed, onProgress } = options;
    const rng = createRng(seed);
    const optimizer = tf.train.adam(learningRate);
    try {
      return await runTrainingLoop({
        totalSteps: steps,
        parameters: Object.values(this.model.namedParameters()),
        signal,
        onProgress,
        step: async () => {
          const batch = Array.from(
            { length: Math.min(batchSize, Math.max(images.length, 1)) },
            () => images[Math.floor(rng.next() * images.length)],
          );
          const x = this.toTensor(batch);
          const loss = this.model.trainStep(optimizer, x, { clipNorm: 1000 });
          const value = (await loss.data())[0];
          tf.dispose([x, loss]);
          return { nll: value };
        },
      });
    } finally {
      optimizer.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Images as the model's input tensor. */
  toTensor(images: PixelValues[]): tf.Tensor {
    const { height, width, encoding } = this.config;
    const pixels = height * width * this.valueDepth;
    for (const image of images) {
      if (image.length !== pixels)
        throw new RangeError(`An image must have ${pixels} values, got ${image.length}.`);
    }
    if (encoding === 'one-hot') {
      const flat = new Int32Array(images.length * pixels);
      images.forEach((image, i) => flat.set(image, i * pixels));
      return tf.tensor3d(flat, [images.length, height, width], 'int32');
    }
    const flat = new Float32Array(images.length * pixels);
    images.forEach((image, i) => flat.set(image, i * pixels));
    return tf.tensor4d(flat, [images.length, height, width, 3]);
  }
}

/** One drawing of `count` images in progress. */
export class Painting {
  readonly count: number;
  readonly fromRow: number;
  /** Per image, its pixels so far (not yet drawn: 0). */
  readonly images: PixelValues[];
  /** Per image, the model's prediction at every drawn pixel (distributionDepth numbers each). */
  readonly predictions: Float32Array[];
  private readonly sampler: PixelRnnSampler;
  private readonly valueDepth: number;
  private readonly distributionDepth: number;
  private readonly width: number;

  constructor(painter: PixelPainter, model: PixelRnn, options: PaintingOptions) {
    const { height, width } = painter.config;
    this.count = options.count;
    this.fromRow = options.fromRow ?? 0;
    this.valueDepth = painter.valueDepth;
    this.distributionDepth = painter.distributionDepth;
    this.width = width;
    const pixels = height * width;
    const make = () =>
      this.valueDepth === 1 ? new Int32Array(pixels) : new Float32Array(pixels * 3);
    this.images = Array.from({ length: this.count }, make);
    this.predictions = Array.from({ length: this.count }, () =>
      new Float32Array(pixels * this.distributionDepth).fill(NaN),
    );
    const given = options.given ? painter.toTensor([options.given]) : undefined;
    try {
      this.sampler = model.sampler({
        count: this.count,
        temperature: options.temperature,
        seed: options.seed,
        given,
        fromRow: this.fromRow,
      });
    } finally {
      given?.dispose();
    }
    if (options.given && this.fromRow > 0) {
      const kept = this.fromRow * width * this.valueDepth;
      for (const image of this.images) image.set(options.given.subarray(0, kept));
    }
  }

  get done(): boolean {
    return this.sampler.done;
  }

  /** The pixel the next step draws. */
  get position(): { row: number; column: number } {
    return this.sampler.position;
  }

  /** Draws the next pixel of every image; returns where, and fills `images` and `predictions`. */
  async step(): Promise<{ row: number; column: number }> {
    const { row, column, value, distribution } = this.sampler.step();
    const [values, probabilities] = await Promise.all([value.data(), distribution.data()]);
    tf.dispose([value, distribution]);
    const pixel = row * this.width + column;
    for (let i = 0; i < this.count; i++) {
      for (let k = 0; k < this.valueDepth; k++)
        this.images[i][pixel * this.valueDepth + k] = values[i * this.valueDepth + k];
      const d = this.distributionDepth;
      this.predictions[i].set(probabilities.subarray(i * d, (i + 1) * d), pixel * d);
    }
    // A finished painting lives on in plain arrays; its recurrent state can go.
    if (this.sampler.done) this.sampler.dispose();
    return { row, column };
  }

  dispose(): void {
    this.sampler.dispose();
  }
}
