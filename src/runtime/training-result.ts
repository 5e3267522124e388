/**
 * What the elements' training takes and reports, as plain data: no TF.js types, so the
 * package's public declarations stand alone.
 */

/** The losses of the last step, by name (e.g. `{loss, kl}`). */
export type Losses = Record<string, number>;

/** Options of every element's `fineTune(data, options)`. */
export interface FineTuneSettings {
  steps?: number;
  learningRate?: number;
  batchSize?: number;
  signal?: AbortSignal;
}

export interface TrainingResult {
  steps: number;
  losses: Losses;
  aborted: boolean;
  /** Set when training stopped on a NaN/Inf loss and the last good weights were restored. */
  diverged: boolean;
}
