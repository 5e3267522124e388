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
