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
 * Written for the WASM backend, where the model trains in the page: the dense products and the
 * GRU's tanh come from ops.ts (which says what each one avoids); nothing large is ever sliced (a
 * WASM slice copies its whole source tensor first), so every column gets its own small tensors
 * from the start: a projection per column for the context, gathers for the raw neighbours (data,
 * which needs no gradient) and one weight matrix per GRU gate instead of a fused one to split.
 *
 * Colours. `one-hot`: each pixel is one of N palette colours, the output is a softmax over them
 * (digits: N = 2, ink or paper). `sigmoid`: each pixel is an RGB triple in [0, 1], the output is
 * its mean through a sigmoid, and the likelihood is a Gaussian of fixed standard deviation around
 * that mean (squared error, in other words). The sigmoid model predicts an average colour when it
 * is unsure, and averages of different colours are grey: the lecture's "ink-wash" images.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  clipByGlobalNorm,
  createLayer,
  linearParameters,
  type LinearParams,
} from './layer-parameters.js';
import { linear } from './ops.js';
import { createGru, gruParameters, gruStep, type GruParams } from './gru.js';
import { createLstm, lstmStep, type LstmParams } from './lstm.js';
import { PixelNeighbours } from './pixel-neighbours.js';
import {
  assignArtifacts,
  parametersToArtifacts,
  type ModelDescription,
} from '../runtime/weights-format.js';
import type { Palette } from '../data/palette.js';
import { completeImages, PixelRnnSampler, sampleImages } from './pixel-rnn-sampler.js';
import type { PixelImages, SamplerOptions } from './pixel-rnn-sampler.js';
import { checkConfig, checkImageShape, isPalette } from './pixel-rnn-config.js';
import { DIGITS_PIXEL_RNN_CONFIG, type PixelRnnConfig } from './pixel-rnn-config.js';

export {
  PixelRnnSampler,
  type PixelImages,
  type SamplerOptions,
  type SamplerStep,
} from './pixel-rnn-sampler.js';
export {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
  type ColorEncoding,
  type PixelRnnConfig,
} from './pixel-rnn-config.js';

/** The most images the teacher-forced pass handles at once; larger batches run in parts. */
const MAX_BATCH = 256;

export interface TrainStepOptions {
  /** Clip the gradient's global norm to this (a guard against recurrent-net spikes). */
  clipNorm?: number;
}

export class PixelRnn {
  readonly config: PixelRnnConfig;
  /** The colours behind the palette indices (one-hot) or behind the training data (sigmoid), when known. */
  palette?: Palette;
  private readonly rowLstm: LstmParams;
  /** One projection per column (a_{r,c} = W_c h_r + b_c). */
  private readonly context: LinearParams[];
  /** Every pixel's raw neighbours, gathered (see pixel-neighbours.ts). */
  private readonly neighbours: PixelNeighbours;
  private readonly pixelInput: LinearParams;
  private readonly columnGrus: GruParams[];
  private readonly headHidden: LinearParams;
  private readonly headOutput: LinearParams;

  constructor(config: PixelRnnConfig = DIGITS_PIXEL_RNN_CONFIG, seed = 1) {
    checkConfig(config);
    this.config = config;
    this.neighbours = new PixelNeighbours(config);
    const c = config;
    let nextSeed = seed;
    const layer = (inputs: number, outputs: number, init: 'relu' | 'recurrent' | 'linear') =>
      createLayer(inputs, outputs, nextSeed++, init);
    const d = this.pixelDepth;

    this.rowLstm = createLstm(c.width * d, c.rowSize, () => nextSeed++);
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

  private get localSize(): number {
    return this.neighbours.count * this.pixelDepth;
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
      const neighbours = this.neighbours.columns(x); // per column [H·B, K·D]
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
      return tf.transpose<tf.Tensor4D>(
        tf.reshape(tf.stack(outputs), [w, h, batch, this.outputDepth]),
        [2, 1, 0, 3],
      );
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
        () => tf.mean<tf.Scalar>(this.nll(images)),
        parameters,
      );
      optimizer.applyGradients(
        options.clipNorm === undefined ? grads : clipByGlobalNorm(grads, options.clipNorm),
      );
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
    return sampleImages(this, options);
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
    return completeImages(this, images, fromRow, options);
  }

  // ---- weights -------------------------------------------------------------------------------

  /** Every trainable tensor, by a stable name (the names used in weight files). */
  namedParameters(): Record<string, tf.Variable> {
    return Object.assign(
      {},
      linearParameters('row_lstm/input', this.rowLstm.input),
      { 'row_lstm/recurrent/weight': this.rowLstm.recurrent },
      ...this.context.map((p, c) => linearParameters(`context/column${c}`, p)),
      linearParameters('pixel_input', this.pixelInput),
      ...this.columnGrus.map((p, l) => gruParameters(`column_gru${l}`, p)),
      linearParameters('head/hidden', this.headHidden),
      linearParameters('head/output', this.headOutput),
    ) as Record<string, tf.Variable>;
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
    this.neighbours.dispose();
  }

  // ---- pieces shared by the teacher-forced pass and the sampler (package-internal) ------------

  /** Images → the numbers the network reads per pixel: one-hot vectors or RGB, [B, H, W, D]. */
  pixelFeatures(images: PixelImages): tf.Tensor4D {
    return tf.tidy(() => {
      checkImageShape(this.config, images.shape);
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

  /** The above-row part of the raw neighbours for one row (see pixel-neighbours.ts). */
  rowNeighbours(previousRows: tf.Tensor3D[]): tf.Tensor3D {
    return this.neighbours.forRow(previousRows);
  }

  /** One row LSTM step from a raw row of features ([count, W, D] or flat [count, W·D]). */
  rowStep(previousRow: tf.Tensor, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const flat = tf.reshape<tf.Rank.R2>(previousRow, [previousRow.shape[0], -1]);
    return lstmStep(linear(flat, this.rowLstm.input), h, c, this.rowLstm);
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
    return tf.add<tf.Tensor1D>(
      tf.div(tf.sum(squared, [1, 2, 3]), 2 * std * std),
      (perChannel * outputs.size) / outputs.shape[0],
    );
  }
}
