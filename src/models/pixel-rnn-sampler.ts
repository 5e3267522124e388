/**
 * The PixelRNN's incremental sampler: the state it keeps between pixels, so that drawing an image
 * costs one recurrent step per pixel instead of a pass over everything drawn so far.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../runtime/random.js';
import type { PixelRnnConfig } from './pixel-rnn-config.js';

/**
 * Images as the model takes them. one-hot: palette indices, [batch, height, width] (int32 or
 * whole floats). sigmoid: RGB in [0, 1], [batch, height, width, 3].
 */
export type PixelImages = tf.Tensor;

export interface SamplerOptions {
  /** Images drawn in parallel, as one batch. */
  count: number;
  /** > 0. one-hot: logits are divided by it; sigmoid: it scales the noise around the mean. */
  temperature?: number;
  /** Makes the images repeatable. */
  seed?: number;
  /** Images whose rows 0 … fromRow−1 are kept (completion); one per `count`, or one for all. */
  given?: PixelImages;
  fromRow?: number;
}

/** One generated pixel, for each of the `count` images. The caller disposes both tensors. */
export interface SamplerStep {
  row: number;
  column: number;
  /** one-hot: palette index, int32 [count]; sigmoid: RGB, [count, 3]. */
  value: tf.Tensor;
  /** What the model predicted for this pixel: one-hot: probabilities [count, N] (at the
   * sampling temperature); sigmoid: the mean colour [count, 3]. */
  distribution: tf.Tensor2D;
}

/** What the sampler runs of a PixelRNN (pixel-rnn.ts): its recurrences one row and one pixel at a time. */
export interface SteppedPixelRnn {
  readonly config: PixelRnnConfig;
  readonly pixelDepth: number;
  pixelFeatures(images: PixelImages): tf.Tensor4D;
  valueFeatures(values: tf.Tensor): tf.Tensor;
  rowStep(previousRow: tf.Tensor, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D];
  rowContext(h: tf.Tensor2D): tf.Tensor3D;
  rowNeighbours(previousRows: tf.Tensor3D[]): tf.Tensor3D;
  pixelEmbedding(input: tf.Tensor2D): tf.Tensor2D;
  columnStep(e: tf.Tensor2D, states: tf.Tensor2D[]): tf.Tensor2D[];
  head(g: tf.Tensor2D, e: tf.Tensor2D): tf.Tensor2D;
}

/**
 * Draws `count` images pixel by pixel, keeping every recurrent state so that each step computes
 * only what the new pixel needs: at the start of a row one row-LSTM step (and the row's context
 * and raw neighbours from the rows above, for all its columns at once), then per pixel the column
 * GRUs' step and the output layer for all `count` images as one batch.
 */
export class PixelRnnSampler {
  readonly count: number;
  readonly temperature: number;
  private readonly model: SteppedPixelRnn;
  private readonly config: PixelRnnConfig;
  /** The first sampled row (rows above it were given). */
  readonly fromRow: number;
  private readonly seeds: ReturnType<typeof createRng>;
  private readonly given?: tf.Tensor;
  private rowIndex = 0;
  private columnIndex = 0;
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  /** Features of the finished rows r−1, r−2, … (as many as the model looks at), nearest first. */
  private previousRows: tf.Tensor3D[];
  /** Values of the finished rows, in order. */
  private finishedRows: tf.Tensor[] = [];
  /** The current row: per column, the fixed part of the pixel input (context, above neighbours). */
  private rowInputs: tf.Tensor2D[] = [];
  /** Per column, this row's random numbers for sampling. */
  private rowNoise: tf.Tensor2D[] = [];
  private columnStates: tf.Tensor2D[] = [];
  /** The current row's values and features so far. */
  private rowValues: tf.Tensor[] = [];
  private rowFeatures: tf.Tensor2D[] = [];

  constructor(model: SteppedPixelRnn, options: SamplerOptions) {
    const { count, temperature = 1, seed, given, fromRow = 0 } = options;
    const { height, width } = model.config;
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer, got ${count}.`);
    if (!(temperature > 0) || !Number.isFinite(temperature))
      throw new RangeError(`temperature must be > 0, got ${temperature}.`);
    if (!Number.isInteger(fromRow) || fromRow < 0 || fromRow > height) {
      throw new RangeError(`fromRow must be a whole number from 0 to ${height}, got ${fromRow}.`);
    }
    if (fromRow > 0 && !given)
      throw new RangeError('fromRow > 0 needs the `given` images whose top rows are kept.');
    if (given) {
      model.pixelFeatures(given).dispose(); // checks the shape
      if (given.shape[0] !== count && given.shape[0] !== 1) {
        throw new RangeError(`given has ${given.shape[0]} images; it needs 1 or count = ${count}.`);
      }
    }
    this.model = model;
    this.config = model.config;
    this.count = count;
    this.temperature = temperature;
    this.fromRow = fromRow;
    this.seeds = createRng(seed);
    this.previousRows = Array.from({ length: Math.max(1, this.config.aboveRows) }, () =>
      tf.zeros<tf.Rank.R3>([count, width, model.pixelDepth]),
    );
    this.h = tf.zeros([count, this.config.rowSize]);
    this.c = tf.zeros([count, this.config.rowSize]);

    if (given) {
      this.given = tf.tidy(() => {
        const values =
          this.config.encoding === 'one-hot' ? tf.cast(given, 'int32') : tf.cast(given, 'float32');
        return given.shape[0] === count
          ? values
          : tf.tile(values, [count, ...given.shape.slice(1).map(() => 1)]);
      });
      // The given rows only move the row LSTM along (the column GRUs restart on every row), and
      // are kept exactly as given.
      for (let r = 0; r < fromRow; r++) {
        this.advanceRowState();
        const values = tf.tidy(() => tf.squeeze(tf.slice(this.given!, [0, r], [count, 1]), [1]));
        this.finishRow(values, tf.tidy(() => model.valueFeatures(values)) as tf.Tensor3D);
      }
    }
    if (!this.done) this.startRow();
  }

  get done(): boolean {
    return this.rowIndex >= this.config.height;
  }

  /** The pixel the next `step()` draws. */
  get position(): { row: number; column: number } {
    return { row: this.rowIndex, column: this.columnIndex };
  }

  /** Draws the next pixel of every image. */
  step(): SamplerStep {
    if (this.done) throw new Error('The sampler has finished; call images().');
    const { width, leftPixels, encoding } = this.config;
    const row = this.rowIndex;
    const column = this.columnIndex;
    const d = this.model.pixelDepth;

    const result = tf.tidy(() => {
      const left: tf.Tensor2D[] = [];
      for (let dl = 1; dl <= leftPixels; dl++) {
        left.push(column - dl >= 0 ? this.rowFeatures[column - dl] : tf.zeros([this.count, d]));
      }
      const e = this.model.pixelEmbedding(tf.concat([this.rowInputs[column], ...left], 1));
      const states = this.model.columnStep(e, this.columnStates);
      const output = this.model.head(states[states.length - 1], e);
      let value: tf.Tensor;
      let distribution: tf.Tensor2D;
      if (encoding === 'one-hot') {
        const scaled = tf.div(output, this.temperature);
        distribution = tf.softmax(scaled) as tf.Tensor2D;
        value = tf.argMax(tf.add(scaled, this.rowNoise[column]), 1); // Gumbel-max: a draw from softmax(scaled)
      } else {
        distribution = tf.sigmoid(output);
        const noise = tf.mul(this.rowNoise[column], this.temperature * this.config.sigmoidStd);
        value = tf.clipByValue(tf.add(distribution, noise), 0, 1);
      }
      const features = this.model.valueFeatures(value) as tf.Tensor2D;
      return { value, distribution, features, states };
    });

    tf.dispose(this.columnStates);
    this.columnStates = result.states;
    this.rowValues.push(tf.clone(result.value));
    this.rowFeatures.push(result.features);
    this.columnIndex++;
    if (this.columnIndex === width) {
      const values = tf.stack(this.rowValues, 1);
      const features = tf.stack(this.rowFeatures, 1) as tf.Tensor3D;
      tf.dispose([
        ...this.rowValues,
        ...this.rowFeatures,
        ...this.columnStates,
        ...this.rowInputs,
        ...this.rowNoise,
      ]);
      this.rowValues = [];
      this.rowFeatures = [];
      this.columnStates = [];
      this.rowInputs = [];
      this.rowNoise = [];
      this.finishRow(values, features);
      if (!this.done) this.startRow();
    }
    return { row, column, value: result.value, distribution: result.distribution };
  }

  /** The images so far (rows not yet drawn are 0): one-hot [count, H, W] int32, sigmoid [count, H, W, 3]. */
  images(): PixelImages {
    return tf.tidy(() => {
      const { height, width } = this.config;
      const rows = [...this.finishedRows];
      if (this.rowValues.length > 0) {
        const partial = tf.stack(this.rowValues, 1);
        const rest = width - this.rowValues.length;
        const padding =
          this.config.encoding === 'one-hot'
            ? [
                [0, 0],
                [0, rest],
              ]
            : [
                [0, 0],
                [0, rest],
                [0, 0],
              ];
        rows.push(tf.pad(partial, padding as [number, number][]));
      }
      const drawn = rows.length > 0 ? tf.stack(rows, 1) : undefined;
      const missing = height - rows.length;
      if (missing === 0) return drawn!;
      const rest =
        this.config.encoding === 'one-hot'
          ? tf.zeros([this.count, missing, width], 'int32')
          : tf.zeros([this.count, missing, width, 3]);
      return drawn ? tf.concat([drawn, rest], 1) : rest;
    });
  }

  dispose(): void {
    this.disposeState();
    tf.dispose([
      ...this.finishedRows,
      ...this.rowValues,
      ...this.rowFeatures,
      ...this.columnStates,
      ...this.rowInputs,
      ...this.rowNoise,
    ]);
    this.finishedRows = [];
    this.rowValues = [];
    this.rowFeatures = [];
    this.columnStates = [];
    this.rowInputs = [];
    this.rowNoise = [];
    if (this.given) this.given.dispose();
  }

  private disposeState(): void {
    tf.dispose([this.h, this.c, ...this.previousRows]);
    this.previousRows = [];
  }

  /** h_r from h_{r−1} and row r−1. */
  private advanceRowState(): void {
    const [h, c] = tf.tidy(() => this.model.rowStep(this.previousRows[0], this.h, this.c));
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
  }

  /** Everything row r's pixels share: the row LSTM step, the context and the above neighbours. */
  private startRow(): void {
    const { width, aboveRows, columnSize, columnLayers } = this.config;
    this.advanceRowState();
    const d = this.model.pixelDepth;
    const noiseDepth = this.config.encoding === 'one-hot' ? d : 3;
    const seed = this.seeds.nextSeed();
    const { inputs, noise } = tf.tidy(() => {
      const context = this.model.rowContext(this.h);
      const parts: tf.Tensor3D[] = [context];
      if (aboveRows > 0)
        parts.push(this.model.rowNeighbours(this.previousRows.slice(0, aboveRows)));
      const inputs = tf.unstack(tf.concat(parts, 2), 1) as tf.Tensor2D[];
      const uniform = tf.randomUniform([width, this.count, noiseDepth], 0, 1, 'float32', seed);
      const noise =
        this.config.encoding === 'one-hot'
          ? tf.neg(tf.log(tf.neg(tf.log(tf.clipByValue(uniform, 1e-7, 1 - 1e-7))))) // Gumbel(0, 1)
          : tf.mul(
              tf.sqrt(tf.mul(-2, tf.log(tf.clipByValue(uniform, 1e-7, 1)))),
              tf.cos(
                tf.mul(
                  2 * Math.PI,
                  tf.randomUniform([width, this.count, 3], 0, 1, 'float32', seed + 1),
                ),
              ),
            );
      return { inputs, noise: tf.unstack(noise) as tf.Tensor2D[] };
    });
    this.rowInputs = inputs;
    this.rowNoise = noise;
    this.columnStates = Array.from({ length: columnLayers }, () =>
      tf.zeros<tf.Rank.R2>([this.count, columnSize]),
    );
    this.columnIndex = 0;
  }

  /** Stores a finished row: its values for the images, its features as row r−1 for the next row. */
  private finishRow(values: tf.Tensor, features: tf.Tensor3D): void {
    this.finishedRows.push(values);
    const dropped = this.previousRows.pop();
    dropped?.dispose();
    this.previousRows.unshift(features);
    this.rowIndex++;
  }
}

/** `count` new images, sampled pixel by pixel: one-hot [count, H, W] int32, sigmoid [count, H, W, 3]. */
export function sampleImages(model: SteppedPixelRnn, options: SamplerOptions): PixelImages {
  const sampler = new PixelRnnSampler(model, options);
  try {
    while (!sampler.done) {
      const step = sampler.step();
      tf.dispose([step.value, step.distribution]);
    }
    return sampler.images();
  } finally {
    sampler.dispose();
  }
}

/** `count` completions of each image that keep its rows 0 … fromRow−1 (see PixelRnn.complete). */
export function completeImages(
  model: SteppedPixelRnn,
  images: PixelImages,
  fromRow: number,
  options: Omit<SamplerOptions, 'count' | 'given' | 'fromRow'> & { count?: number },
): PixelImages {
  const perImage = options.count ?? 1;
  const given = tf.tidy(() => {
    const n = images.shape[0];
    const repeated = tf.tile(tf.expandDims(images, 1), [
      1,
      perImage,
      ...images.shape.slice(1).map(() => 1),
    ]);
    return tf.reshape(repeated, [n * perImage, ...images.shape.slice(1)]);
  });
  try {
    return sampleImages(model, { ...options, count: given.shape[0], given, fromRow });
  } finally {
    given.dispose();
  }
}
