/**
 * The morph's packaged files. Each is a literal `new URL('…', import.meta.url)` so that bundlers
 * emit it (see packagedAsset); the first argument is its place inside dist/.
 */
import { packagedAsset, packagedWeights } from '../../src/runtime/config.js';
import type { BundledWeights } from '../../src/runtime/weights-source.js';

export function bundledSentenceVaeWeights(): BundledWeights {
  return packagedWeights(
    'sentence-vae',
    new URL('../../weights/sentence-vae/model.json', import.meta.url),
    new URL('../../weights/sentence-vae/weights.bin', import.meta.url),
  );
}

/** Held-out sentences (never trained on) offered as example pairs. */
export function heldOutSentencesFile(): string {
  return packagedAsset(
    'weights/sentence-vae/heldout-sentences.json',
    new URL('../../weights/sentence-vae/heldout-sentences.json', import.meta.url),
  );
}
