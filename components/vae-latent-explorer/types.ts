/**
 * The types <vae-latent-explorer>'s parts and pages share, apart from the element: its event
 * details, the results and options of its public methods, and the map's points.
 */
import type { FineTuneSettings } from '../../src/runtime/training-result.js';

export interface CodeChangeDetail {
  code: number[];
}

export interface EncodedImage {
  mean: number[];
  logVar: number[];
}

export type VaeFineTuneOptions = FineTuneSettings;

/** A test digit's code for `show-map`: the encoder's mean and log-variance, and its class. */
export interface MapPoint {
  mean: Float32Array;
  logVar: Float32Array;
  label: number;
}
