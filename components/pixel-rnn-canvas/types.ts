/** The event details, options and settings of <pixel-rnn-canvas>: what its parts and pages use, apart from the element. */
import type { FineTuneSettings } from '../../src/runtime/training-result.js';
import type { Dataset, Encoding, Speed } from './attributes.js';

/** The parsed attributes in use (a bad value is replaced by its fallback). */
export interface CanvasSettings {
  dataset: Dataset;
  encoding: Encoding;
  /** `compare` as in use: only the emoji models can be compared. */
  comparing: boolean;
  temperature: number;
  speed: Speed;
  count: number;
}

export type PixelFineTuneOptions = FineTuneSettings;

export interface PixelRnnPanelResult {
  encoding: Encoding;
  images: ImageData[];
  /** −log p(x) of each image under its model, nats. */
  nll: number[];
}

export interface GenerateEndDetail {
  /** The images of the main model (the one-hot one when comparing). */
  images: ImageData[];
  nll: number[];
  /** Every model drawn, in order (two when comparing). */
  panels: PixelRnnPanelResult[];
}
