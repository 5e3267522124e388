import { WeightsError } from './weights-error.js';

/** Where weights can come from, as plain types (no TF.js types: the elements' methods take them). */

/** A URL (a model.json, or `indexeddb://name`), or the user's files: model.json plus its .bin. */
export type WeightsSource = string | URL | File | FileList | readonly File[];

/**
 * Weights shipped with the package: the manifest's URL and each shard's own URL. A bundler may
 * rename every file (`weights-3f2a.bin`), so a shard is not looked up next to the manifest.
 */
export interface BundledWeights {
  manifest: string;
  shards: Record<string, string>;
}

/** Turns a user-given name into an IndexedDB key: `saveWeights('mine')` → `indexeddb://mine`. */
export function indexedDbUrl(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new WeightsError('A name is needed to save weights.');
  return trimmed.startsWith('indexeddb://') ? trimmed : `indexeddb://${trimmed}`;
}

/**
 * Weights in TF.js's format as plain data (the shape of `tf.io.ModelArtifacts`, without TF.js
 * types): what travels between the page and the models' worker.
 */
export interface WeightsArtifacts {
  modelTopology?: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightSpecs?: unknown[];
  weightData?: ArrayBuffer;
  [key: string]: unknown;
}
