/** The event details of <pixel-rnn-canvas>: what its parts and pages may read, apart from the element. */
import type { Encoding } from './attributes.js';

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
