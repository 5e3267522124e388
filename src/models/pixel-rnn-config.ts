/** The PixelRNN's architectures: plain data, for the elements and the model alike. */
import type { Palette } from '../data/palette.js';

export type ColorEncoding = 'one-hot' | 'sigmoid';

export interface PixelRnnConfig {
  height: number;
  width: number;
  /** 'one-hot': softmax over `paletteSize` colours; 'sigmoid': RGB means through a sigmoid. */
  encoding: ColorEncoding;
  /** N, the number of palette colours (one-hot only; the sigmoid model always has 3 channels). */
  paletteSize: number;
  /** Size of the row LSTM's state h_r. */
  rowSize: number;
  /** Size of the context a_{r,c} handed to each column. */
  contextSize: number;
  /** Size of the pixel input e_{r,c}. */
  inputSize: number;
  /** Size of each column GRU's state. */
  columnSize: number;
  /** Number of column GRUs stacked (the ones after the first are residual). */
  columnLayers: number;
  /** Size of the output layer's hidden ReLU. */
  headSize: number;
  /** R: raw rows above a pixel that it sees directly. */
  aboveRows: number;
  /** k: of those rows, the columns c−k … c+k. */
  aboveHalfWidth: number;
  /** L: raw pixels to the left in the pixel's own row that it sees directly. */
  leftPixels: number;
  /** Standard deviation of the sigmoid model's Gaussian likelihood (and of its sampling noise). */
  sigmoidStd: number;
}

/** The bundled digits model (weights/pixel-rnn-digits/): 28×28 binary pixels. */
export const DIGITS_PIXEL_RNN_CONFIG: PixelRnnConfig = {
  height: 28,
  width: 28,
  encoding: 'one-hot',
  paletteSize: 2,
  rowSize: 192,
  contextSize: 32,
  inputSize: 64,
  columnSize: 48,
  columnLayers: 2,
  headSize: 64,
  aboveRows: 2,
  aboveHalfWidth: 2,
  leftPixels: 2,
  sigmoidStd: 0.1,
};

/**
 * The bundled emoji models (weights/pixel-rnn-emoji/ and weights/pixel-rnn-emoji-sigmoid/):
 * 16×16 Twemoji over a palette of 32 colours, one model per colour encoding, the same widths.
 * The sigmoid model's Gaussian is narrow (σ = 0.05) so that its samples are its means plus a
 * little noise: what it paints is what it predicts.
 */
export const EMOJI_PIXEL_RNN_CONFIG: PixelRnnConfig = {
  height: 16,
  width: 16,
  encoding: 'one-hot',
  paletteSize: 32,
  rowSize: 160,
  contextSize: 32,
  inputSize: 64,
  columnSize: 64,
  columnLayers: 2,
  headSize: 96,
  aboveRows: 2,
  aboveHalfWidth: 2,
  leftPixels: 2,
  sigmoidStd: 0.05,
};
export const EMOJI_SIGMOID_PIXEL_RNN_CONFIG: PixelRnnConfig = {
  ...EMOJI_PIXEL_RNN_CONFIG,
  encoding: 'sigmoid',
};

export function checkConfig(c: PixelRnnConfig): void {
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
export function isPalette(value: unknown, config: PixelRnnConfig): value is Palette {
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

/** Images must be [batch, H, W] (one-hot indices) or [batch, H, W, 3] (sigmoid RGB). */
export function checkImageShape(config: PixelRnnConfig, shape: readonly number[]): void {
  const { height, width, encoding } = config;
  const expected = encoding === 'one-hot' ? [height, width] : [height, width, 3];
  if (shape.length !== expected.length + 1 || expected.some((size, i) => shape[i + 1] !== size)) {
    throw new RangeError(
      `PixelRnn expects images of shape [batch, ${expected.join(', ')}], got [${shape.join(', ')}].`,
    );
  }
}
