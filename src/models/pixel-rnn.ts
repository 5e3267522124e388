/**
 * PixelRNN (van den Oord, Kalchbrenner and Kavukcuoglu, 2016): an image is generated one pixel at
 * a time, row by row, left to right, and every pixel is predicted from all pixels before it,
 *
 *   p(x) = Π_i p(x_i | x_1, …, x_{i−1}),
 *
 * where "before" means every pixel in the rows above and every pixel to the left in its own row.
 *
 * This variant reaches exactly that context with two recurrences, so that no convolution (and no
 * convolution filter gradient, which the WASM backend lacks) is needed:
 *
 *   row LSTM     (h_r, c_r) = LSTM(x_{r−1}, h_{r−1}, c_{r−1})        one step per row; it reads each
 *                                                                     finished row whole, so h_r
 *                                                                     summarises every row above r
 *   context      a_{r,c} = W_c h_r + b_c                             what column c of row r should
 *                                                                     know about the rows above
 *   pixel input  e_{r,c} = ReLU(W_in [a_{r,c}, x_{r−1..r−R, c−k..c+k}, x_{r, c−1..c−L}] + b)
 *                                                                     the context plus the raw pixels
 *                                                                     nearest to (r, c) that come first
 *   column GRUs  g⁰_{r,c} = GRU(e_{r,c}, g⁰_{r,c−1})                  left to right along row r, so
 *                gˡ_{r,c} = gˡ⁻¹_{r,c} + GRU(gˡ⁻¹_{r,c}, gˡ_{r,c−1})  g_{r,c} has seen x_{r,<c}; the
 *                                                                     upper layers are residual
 *   output       p(x_{r,c} | x_<) = softmax(W_out ReLU(W_h [g_{r,c}, e_{r,c}] + b_h) + b_out)
 *
 * The receptive field of pixel (r, c) is therefore the whole causal half-plane: all of rows 0…r−1
 * (through the row LSTM) and x_{r,0…c−1} (through the column GRU), nothing at or after (r, c).
 * The paper's Row LSTM sees a triangle above each pixel and nothing to its left in its own row;
 * the Diagonal BiLSTM covers the whole context but needs a skew and 2·width sequential steps.
 *
 * In training (teacher forcing) all rows are known, so the row LSTM runs 28 steps for the whole
 * batch and then the column GRU runs 28 steps for all rows of all images at once: 56 sequential
 * steps instead of 784. Sampling has to be sequential: one GRU step per pixel, one LSTM step per
 * row, and nothing is ever recomputed.
 *
 * Written for the WASM backend, where the model trains in the page: every dense product uses a
 * gradient with explicit transposes (`linear`, `matMulFast`); nothing large is ever sliced (a
 * WASM slice copies its whole source tensor first), so every column gets its own small tensors
 * from the start: a projection per column for the context, gathers for the raw neighbours (data,
 * which needs no gradient) and one weight matrix per GRU gate instead of a fused one to split;
 * and tanh is written through the sigmoid, which the WASM backend computes several times faster.
 *
 * Colours. `one-hot`: each pixel is one of N palette colours, the output is a softmax over them
 * (digits: N = 2, ink or paper). `sigmoid`: each pixel is an RGB triple in [0, 1], the output is
 * its mean through a sigmoid, and the likelihood is a Gaussian of fixed standard deviation around
 * that mean (squared error, in other words). The sigmoid model predicts an average colour when it
 * is unsure, and averages of different colours are grey: the lecture's "ink-wash" images.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLayer, linear, matMulFast, weightOnly, type LinearParams } from './linear.js';
import { createGru, gruParameters, gruStep, type GruParams } from './gru.js';
import {
  assignArtifacts,
  parametersToArtifacts,
  type ModelDescription,
} from '../runtime/weights-format.js';
import { createRng } from '../runtime/random.js';
import type { Palette } from '../data/palette.js';

import {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
  type ColorEncoding,
  type PixelRnnConfig,
} from './pixel-rnn-config.js';

export {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
  type ColorEncoding,
  type PixelRnnConfig,
};

/** The most images the teacher-forced pass handles at once; larger batches run in parts. */
const MAX_BATCH = 256;

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

export interface TrainStepOptions {
  /** Clip the gradient's global norm to this (a guard against recurrent-net spikes). */
  clipNorm?: number;
}

interface LstmParams {
  input: LinearParams; // x → 4·size, gates in the order i, f, o, g
  recurrent: tf.Variable; // h → 4·size (the input term carries the bias)
}

export class PixelRnn {
  readonly config: PixelRnnConfig;
  /** The colours behind the palette indices (one-hot) or behind the training data (sigmoid), when known. */
  palette?: Palette;
  private readonly rowLstm: LstmParams;
  /** One projection per column (a_{r,c} = W_c h_r + b_c). */
  private readonly context: LinearParams[];
  /** Gather indices of every pixel's raw neighbours, per batch size (see `neighbourColumns`). */
  private readonly neighbourIndexCache = new Map<number, tf.Tensor1D[]>();
  private readonly pixelInput: LinearParams;
  private readonly columnGrus: GruParams[];
  private readonly headHidden: LinearParams;
  private readonly headOutput: LinearParams;

  constructor(config: PixelRnnConfig = DIGITS_PIXEL_RNN_CONFIG, seed = 1) {
    checkConfig(config);
    this.config = config;
    const c = config;
    let nextSeed = seed;
    const layer = (inputs: number, outputs: number, init: 'relu' | 'recurrent' | 'linear') =>
      createLayer(inputs, outputs, nextSeed++, init);
    const d = this.pixelDepth;

    this.rowLstm = {
      input: layer(c.width * d, 4 * c.rowSize, 'recurrent'),
      recurrent: weightOnly(layer(c.rowSize, 4 * c.rowSize, 'recurrent')),
    };
    // Forget gate bias 1: the row LSTM starts out remembering (Jozefowicz et al. 2015).
    tf.tidy(() => {
      const bias = this.rowLstm.input.bias;
      bias.assign(
        tf.concat([tf.zeros([c.rowSize]), tf.ones([c.rowSize]), tf.zeros([2 * c.rowSize])]),
      );
    });
    this.context = Array.from({ length: c.width }, () => layer(c.rowSize, c.contextSize, 'linear'));
    this.pixelInput = layer(c.contextSize + this.localSize, c.inputSize, 'relu');
    this.columnGrus = Array.from({ length: c.columnLayers }, (_, l) =>
      createGru(l === 0 ? c.inputSize : c.columnSize, c.columnSize, () => nextSeed++),
    );
    this.headHidden = layer(c.columnSize + c.inputSize, c.headSize, 'relu');
    this.headOutput = layer(c.headSize, this.outputDepth, 'linear');
  }

  /** Numbers per pixel at the input: N for one-hot colours, 3 for RGB. */
  get pixelDepth(): number {
    return this.config.encoding === 'one-hot' ? this.config.paletteSize : 3;
  }

  /** Numbers per pixel at the output: N logits, or 3 pre-sigmoid means. */
  get outputDepth(): number {
    return this.pixelDepth;
  }

  /** Raw neighbours each pixel sees: R·(2k+1) above, L to the left. */
  private get neighbourCount(): number {
    const c = this.config;
    return c.aboveRows * (2 * c.aboveHalfWidth + 1) + c.leftPixels;
  }

  private get localSize(): number {
    return this.neighbourCount * this.pixelDepth;
  }

  // ---- teacher-forced forward pass (training, likelihood) --------------------------------------

  /**
   * The output for every pixel, given all the pixels before it (teacher forcing): one-hot: logits
   * [batch, height, width, N]; sigmoid: pre-sigmoid means [batch, height, width, 3].
   */
  logits(images: PixelImages): tf.Tensor4D {
    const batch = images.shape[0];
    if (batch <= MAX_BATCH) return this.batchLogits(images);
    // Large batches in parts: every column's intermediate tensors for 1000 digits at once
    // would exhaust the WASM heap.
    return tf.tidy(() => {
      const parts: tf.Tensor4D[] = [];
      for (let start = 0; start < batch; start += MAX_BATCH) {
        const size = Math.min(MAX_BATCH, batch - start);
        parts.push(this.batchLogits(tf.slice(images, [start], [size])));
      }
      return tf.concat(parts, 0);
    });
  }

  private batchLogits(images: PixelImages): tf.Tensor4D {
    return tf.tidy(() => {
      const { height: h, width: w } = this.config;
      const x = this.pixelFeatures(images); // [B, H, W, D]
      const batch = x.shape[0];
      const d = this.pixelDepth;
      // WASM note: slicing copies the whole source tensor, so nothing big is ever sliced here;
      // every column gets its own small tensors from the start (gathers, per-column weights).

      // Row LSTM over the rows: step r reads row r−1 (zeros for r = 0) and gives h_r.
      const rows = tf.unstack(
        tf.transpose(tf.reshape(x, [batch, h, w * d]), [1, 0, 2]),
      ) as tf.Tensor2D[];
      let hRow: tf.Tensor2D = tf.zeros([batch, this.config.rowSize]);
      let cRow: tf.Tensor2D = tf.zeros([batch, this.config.rowSize]);
      const rowStates: tf.Tensor2D[] = [];
      for (let r = 0; r < h; r++) {
        [hRow, cRow] = this.rowStep(r === 0 ? tf.zerosLike(rows[0]) : rows[r - 1], hRow, cRow);
        rowStates.push(hRow);
      }
      const states = tf.concat(rowStates, 0); // [H·B, V], r-major

      // Column GRUs: the columns are the time axis; every row of every image is one sequence.
      const neighbours = this.neighbourColumns(x); // per column [H·B, K·D]
      let columnStates: tf.Tensor2D[] = this.columnGrus.map(() =>
        tf.zeros([h * batch, this.config.columnSize]),
      );
      const outputs: tf.Tensor2D[] = [];
      for (let c = 0; c < w; c++) {
        const e = this.pixelEmbedding(
          tf.concat([linear(states, this.context[c]), neighbours[c]], 1),
        );
        columnStates = this.columnStep(e, columnStates);
        outputs.push(this.head(columnStates[columnStates.length - 1], e));
      }
      // [W, H·B, D] → [B, H, W, D]
      return tf.transpose(
        tf.reshape(tf.stack(outputs), [w, h, batch, this.outputDepth]),
        [2, 1, 0, 3],
      ) as tf.Tensor4D;
    });
  }

  /** −log p(x) per image in nats, [batch] (sigmoid: a Gaussian density, not comparable to one-hot). */
  nll(images: PixelImages): tf.Tensor1D {
    return tf.tidy(() => this.nllFromOutputs(images, this.logits(images)));
  }

  /**
   * What the model predicts for every pixel of `images`, given the pixels before it (teacher
   * forcing): one-hot: probabilities [B, H, W, N] at `temperature`; sigmoid: mean colours
   * [B, H, W, 3]. The same numbers the sampler reports per step, for pixels already drawn.
   */
  predictions(images: PixelImages, temperature = 1): tf.Tensor4D {
    return tf.tidy(() => {
      const outputs = this.logits(images);
      return (
        this.config.encoding === 'one-hot'
          ? tf.softmax(tf.div(outputs, temperature))
          : tf.sigmoid(outputs)
      ) as tf.Tensor4D;
    });
  }

  /** One Adam (or any optimiser) step on the mean NLL per image; returns that loss (caller disposes). */
  trainStep(
    optimizer: tf.Optimizer,
    images: PixelImages,
    options: TrainStepOptions = {},
  ): tf.Scalar {
    return tf.tidy(() => {
      const parameters = Object.values(this.namedParameters());
      const { value, grads } = tf.variableGrads(
        () => tf.mean(this.nll(images)) as tf.Scalar,
        parameters,
      );
      let gradients: tf.NamedTensorMap = grads;
      if (options.clipNorm !== undefined) {
        const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
        const scale = tf.div(options.clipNorm, tf.maximum(norm, options.clipNorm));
        gradients = Object.fromEntries(
          Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]),
        );
      }
      optimizer.applyGradients(gradients);
      return value;
    });
  }

  // ---- sampling ------------------------------------------------------------------------------

  /** A pixel-by-pixel sampler; call `step()` height·width − fromRow·width times, then `images()`. */
  sampler(options: SamplerOptions): PixelRnnSampler {
    return new PixelRnnSampler(this, options);
  }

  /** `count` new images, sampled pixel by pixel: one-hot [count, H, W] int32, sigmoid [count, H, W, 3]. */
  sample(options: SamplerOptions): PixelImages {
    const sampler = this.sampler(options);
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

  /**
   * Keeps rows 0 … fromRow−1 of `images` exactly and samples the rest, `count` completions per
   * image (default 1). Output: [images·count, …], the completions of image i at i·count … .
   */
  complete(
    images: PixelImages,
    fromRow: number,
    options: Omit<SamplerOptions, 'count' | 'given' | 'fromRow'> & { count?: number } = {},
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
      return this.sample({ ...options, count: given.shape[0], given, fromRow });
    } finally {
      given.dispose();
    }
  }

  // ---- weights -------------------------------------------------------------------------------

  /** Every trainable tensor, by a stable name (the names used in weight files). */
  namedParameters(): Record<string, tf.Variable> {
    const named: Record<string, tf.Variable> = {};
    const add = (prefix: string, p: LinearParams) => {
      named[`${prefix}/weight`] = p.weight;
      named[`${prefix}/bias`] = p.bias;
    };
    add('row_lstm/input', this.rowLstm.input);
    named['row_lstm/recurrent/weight'] = this.rowLstm.recurrent;
    this.context.forEach((p, c) => add(`context/column${c}`, p));
    add('pixel_input', this.pixelInput);
    this.columnGrus.forEach((p, l) => Object.assign(named, gruParameters(`column_gru${l}`, p)));
    add('head/hidden', this.headHidden);
    add('head/output', this.headOutput);
    return named;
  }

  /** What a weights file must declare to load into this model. */
  description(): ModelDescription & { palette?: Palette } {
    return {
      model: 'pixel-rnn',
      config: this.config,
      ...(this.palette ? { palette: this.palette } : {}),
    };
  }

  /**
   * Replaces every weight, all or nothing; throws a WeightsError otherwise. The palette the
   * weights were trained with comes along (it is data, not architecture, so it is not compared).
   */
  async setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    await assignArtifacts(this.description(), this.namedParameters(), artifacts);
    const found = (
      artifacts.modelTopology as { generativeElements?: { palette?: unknown } } | undefined
    )?.generativeElements?.palette;
    if (isPalette(found, this.config)) this.palette = found;
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return parametersToArtifacts(this.description(), this.namedParameters());
  }

  dispose(): void {
    for (const v of Object.values(this.namedParameters())) v.dispose();
    for (const indices of this.neighbourIndexCache.values()) tf.dispose(indices);
    this.neighbourIndexCache.clear();
  }

  // ---- pieces shared by the teacher-forced pass and the sampler (package-internal) ------------

  /** Images → the numbers the network reads per pixel: one-hot vectors or RGB, [B, H, W, D]. */
  pixelFeatures(images: PixelImages): tf.Tensor4D {
    return tf.tidy(() => {
      this.checkImages(images);
      return this.valueFeatures(images) as tf.Tensor4D;
    });
  }

  /** One pixel's (or any block's) values → features; one-hot adds a last axis of N. */
  valueFeatures(values: tf.Tensor): tf.Tensor {
    return tf.tidy(() =>
      this.config.encoding === 'one-hot'
        ? tf.oneHot(tf.cast(values, 'int32'), this.config.paletteSize)
        : tf.cast(values, 'float32'),
    );
  }

  /**
   * The raw neighbours of every pixel, per column c: [H·B (r-major), K·D], in the order (rows
   * r−1 … r−R, each columns c−k … c+k), then pixels c−1 … c−L of row r. Zeros outside the image.
   */
  private neighbourColumns(x: tf.Tensor4D): tf.Tensor2D[] {
    const { aboveRows: rows, aboveHalfWidth: k, leftPixels: left, height: h } = this.config;
    const [batch, , , d] = x.shape;
    if (this.neighbourCount === 0)
      return Array.from({ length: this.config.width }, () => tf.zeros([h * batch, 0]));
    const padLeft = Math.max(k, left);
    const padded = tf.reshape(
      tf.pad(x, [
        [0, 0],
        [rows, 0],
        [padLeft, k],
        [0, 0],
      ]),
      [-1, d],
    );
    return this.neighbourIndices(batch).map(
      (indices) =>
        tf.reshape(tf.gather(padded, indices), [h * batch, this.neighbourCount * d]) as tf.Tensor2D,
    );
  }

  /** For each column, the rows of the padded, flattened image that `neighbourColumns` gathers. */
  private neighbourIndices(batch: number): tf.Tensor1D[] {
    let cached = this.neighbourIndexCache.get(batch);
    if (!cached) {
      const {
        height: h,
        width: w,
        aboveRows: rows,
        aboveHalfWidth: k,
        leftPixels: left,
      } = this.config;
      const padLeft = Math.max(k, left);
      const paddedWidth = w + padLeft + k;
      const offsets: [number, number][] = [];
      for (let dr = 1; dr <= rows; dr++) for (let dc = -k; dc <= k; dc++) offsets.push([dr, dc]);
      for (let dl = 1; dl <= left; dl++) offsets.push([0, -dl]);
      cached = Array.from({ length: w }, (_, c) => {
        const indices = new Int32Array(h * batch * offsets.length);
        let i = 0;
        for (let r = 0; r < h; r++) {
          for (let b = 0; b < batch; b++) {
            for (const [dr, dc] of offsets)
              indices[i++] = (b * (h + rows) + rows + r - dr) * paddedWidth + padLeft + c + dc;
          }
        }
        return tf.keep(tf.tensor1d(indices, 'int32'));
      });
      this.neighbourIndexCache.set(batch, cached);
    }
    return cached;
  }

  /** The above-row part of `neighbours` for one row, from the R rows before it ([count, W, D] each, nearest first). */
  rowNeighbours(previousRows: tf.Tensor3D[]): tf.Tensor3D {
    const { width: w, aboveHalfWidth: k } = this.config;
    const slices: tf.Tensor[] = [];
    for (const row of previousRows) {
      const padded = tf.pad(row, [
        [0, 0],
        [k, k],
        [0, 0],
      ]);
      for (let dc = -k; dc <= k; dc++)
        slices.push(tf.slice(padded, [0, k + dc, 0], [row.shape[0], w, row.shape[2]]));
    }
    return tf.concat(slices, -1) as tf.Tensor3D;
  }

  /** One row LSTM step from the row's projected input W·x + b. */
  lstmStep(
    projectedInput: tf.Tensor2D,
    h: tf.Tensor2D,
    c: tf.Tensor2D,
  ): [tf.Tensor2D, tf.Tensor2D] {
    const size = this.config.rowSize;
    const gates = tf.add(projectedInput, matMulFast(h, this.rowLstm.recurrent));
    const [ifo, g] = tf.split(gates, [3 * size, size], 1);
    const [i, f, o] = tf.split(tf.sigmoid(ifo), 3, 1);
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
    return [hNext, cNext];
  }

  /** One row LSTM step from a raw row of features ([count, W, D] or flat [count, W·D]). */
  rowStep(previousRow: tf.Tensor, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const flat = tf.reshape(previousRow, [previousRow.shape[0], -1]) as tf.Tensor2D;
    return this.lstmStep(linear(flat, this.rowLstm.input), h, c);
  }

  /** a_{r,c} for one row, all columns: [count, W, C]. */
  rowContext(h: tf.Tensor2D): tf.Tensor3D {
    return tf.stack(
      this.context.map((params) => linear(h, params)),
      1,
    ) as tf.Tensor3D;
  }

  /** e_{r,c} from the pixel's full input vector [count, C + neighbours]. */
  pixelEmbedding(input: tf.Tensor2D): tf.Tensor2D {
    return tf.relu(linear(input, this.pixelInput));
  }

  /** All column GRU layers, one column step for one row: returns the new states (last = the output). */
  columnStep(e: tf.Tensor2D, states: tf.Tensor2D[]): tf.Tensor2D[] {
    let g = e;
    return this.columnGrus.map((params, l) => {
      const out = gruStep(g, states[l], params);
      g = l === 0 ? out : tf.add(g, out);
      return g;
    });
  }

  /** The output layer: [g, e] → logits (or pre-sigmoid means). */
  head(g: tf.Tensor2D, e: tf.Tensor2D): tf.Tensor2D {
    return linear(tf.relu(linear(tf.concat([g, e], 1), this.headHidden)), this.headOutput);
  }

  /** −log p(x) per image from the network's outputs [B, H, W, D]. */
  private nllFromOutputs(images: PixelImages, outputs: tf.Tensor4D): tf.Tensor1D {
    if (this.config.encoding === 'one-hot') {
      const target = this.pixelFeatures(images);
      return tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(outputs)), [1, 2, 3])) as tf.Tensor1D;
    }
    const std = this.config.sigmoidStd;
    const squared = tf.square(tf.sub(tf.cast(images, 'float32'), tf.sigmoid(outputs)));
    const perChannel = 0.5 * Math.log(2 * Math.PI * std * std);
    return tf.add(
      tf.div(tf.sum(squared, [1, 2, 3]), 2 * std * std),
      (perChannel * outputs.size) / outputs.shape[0],
    ) as tf.Tensor1D;
  }

  private checkImages(images: PixelImages): void {
    const { height, width, encoding } = this.config;
    const expected = encoding === 'one-hot' ? [height, width] : [height, width, 3];
    const shape = images.shape.slice(1);
    if (images.rank !== expected.length + 1 || !tf.util.arraysEqual(shape, expected)) {
      throw new RangeError(
        `PixelRnn expects images of shape [batch, ${expected.join(', ')}], got [${images.shape.join(', ')}].`,
      );
    }
  }
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
  private readonly model: PixelRnn;
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

  constructor(model: PixelRnn, options: SamplerOptions) {
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
    this.previousRows = Array.from(
      { length: Math.max(1, this.config.aboveRows) },
      () => tf.zeros([count, width, model.pixelDepth]) as tf.Tensor3D,
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
    this.columnStates = Array.from(
      { length: columnLayers },
      () => tf.zeros([this.count, columnSize]) as tf.Tensor2D,
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

function checkConfig(c: PixelRnnConfig): void {
  if (c.encoding !== 'one-hot' && c.encoding !== 'sigmoid') {
    throw new RangeError(
      `Unknown colour encoding "${c.encoding as string}": use 'one-hot' or 'sigmoid'.`,
    );
  }
  if (c.encoding === 'one-hot' && !(Number.isInteger(c.paletteSize) && c.paletteSize >= 2)) {
    throw new RangeError(`paletteSize must be a whole number ≥ 2, got ${c.paletteSize}.`);
  }
  if (c.columnLayers < 1) throw new RangeError('A PixelRNN needs at least one column GRU.');
}

/** A palette that fits the model: N colours for one-hot, any number for sigmoid; 0–255 RGB. */
function isPalette(value: unknown, config: PixelRnnConfig): value is Palette {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    (config.encoding === 'sigmoid' || value.length === config.paletteSize) &&
    value.every(
      (c) =>
        Array.isArray(c) &&
        c.length === 3 &&
        c.every((v) => Number.isFinite(v) && v >= 0 && v <= 255),
    )
  );
}
