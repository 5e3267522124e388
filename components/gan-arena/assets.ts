/**
 * The arena's packaged files. Each is a literal `new URL('…', import.meta.url)` so that bundlers
 * emit it (see packagedAsset); the first argument is its place inside dist/.
 */
import { packagedAsset, packagedWeights } from '../../src/runtime/config.js';
import type { BundledWeights } from '../../src/runtime/weights-source.js';

export function bundledGanWeights(): BundledWeights {
  return packagedWeights(
    'gan-digits',
    new URL('../../weights/gan-digits/model.json', import.meta.url),
    new URL('../../weights/gan-digits/weights.bin', import.meta.url),
  );
}

/** The poster: digits drawn by the bundled generator. */
export function ganPreview(): string {
  return packagedAsset(
    'weights/gan-digits/samples.png',
    new URL('../../weights/gan-digits/samples.png', import.meta.url),
  );
}

/** Real training digits shown beside the generated ones. */
export function realDigitsFiles(): { list: string; image: string } {
  return {
    list: packagedAsset(
      'weights/gan-digits/real-digits.json',
      new URL('../../weights/gan-digits/real-digits.json', import.meta.url),
    ),
    image: packagedAsset(
      'weights/gan-digits/real-digits.png',
      new URL('../../weights/gan-digits/real-digits.png', import.meta.url),
    ),
  };
}
