/**
 * The models' inputs and outputs that the page handles, as plain data: the elements and the
 * model proxies use these types without loading TF.js (the models re-export them).
 */
import type { GanLoss, Decoding } from './choices.js';
import type { PixelValues } from '../data/pixel-images.js';

export interface CodeDistribution {
  mean: Float32Array;
  logVar: Float32Array;
}

export interface RoundLosses {
  /** D's loss, averaged over the round's D-steps (evaluated without a step if dSteps = 0). */
  dLoss: number;
  /** G's loss, averaged over the round's G-steps (evaluated without a step if gSteps = 0). */
  gLoss: number;
}

export interface GanSettings {
  learningRateD: number;
  learningRateG: number;
  batchSize: number;
  dSteps: number;
  gSteps: number;
  loss: GanLoss;
  /** D's target for real samples (1, or e.g. 0.9 for one-sided label smoothing). */
  realLabel: number;
  /** Decay of G's moving average (digits); undefined = no average. */
  emaDecay?: number;
}

export interface PlaneView {
  /** G's samples for the fixed noise, flat [x0, y0, ...]. */
  generated: Float32Array;
  /** For each generated point, the direction its G update moves it: −∂L_G/∂x. */
  arrows: Float32Array;
  /** D's probability of "real" on a grid over the plane, row 0 at the top. */
  decision: Float32Array;
  decisionSize: number;
}

export interface PaintingOptions {
  count: number;
  temperature?: number;
  seed?: number;
  /** An image whose rows 0 … fromRow−1 every painting keeps (completion). */
  given?: PixelValues;
  fromRow?: number;
}

export interface DecodeOptions {
  decoding?: Decoding;
  /** Sampling: logits are divided by it. */
  temperature?: number;
  /** Beam search: hypotheses kept per code. */
  beamWidth?: number;
  seed?: number;
}

export interface SentenceVaeConfig {
  /** Pieces in the vocabulary, the four specials and the 256 bytes included. */
  vocabularySize: number;
  /** The most pieces a sentence may have (EOS not counted). */
  maxTokens: number;
  embeddingSize: number;
  encoderSize: number;
  decoderSize: number;
  latentSize: number;
  /**
   * The order the encoder reads a sentence's pieces in (default `forward`). Backwards, the first
   * pieces, which the decoder writes first, are the last the encoder reads (Sutskever et al. 2014).
   */
  encoderReads?: 'forward' | 'backward';
}
