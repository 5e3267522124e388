/**
 * The explorer's packaged files. Each is a literal `new URL('…', import.meta.url)` so that
 * bundlers emit it (see packagedAsset); the first argument is its place inside dist/.
 */
import { packagedAsset, packagedWeights } from '../../src/runtime/config.js';
import type { BundledWeights } from '../../src/runtime/weights-source.js';

export function bundledVaeWeights(): BundledWeights {
  return packagedWeights(
    'vae-digits',
    new URL('../../weights/vae-digits/model.json', import.meta.url),
    new URL('../../weights/vae-digits/weights.bin', import.meta.url),
  );
}

/** The poster: a strip of the test digits the explorer starts from. */
export function vaePreview(): string {
  return packagedAsset(
    'weights/vae-digits/starter-digits.png',
    new URL('../../weights/vae-digits/starter-digits.png', import.meta.url),
  );
}

/** Ten test digits, one per class, to start from. */
export function starterDigitsFiles(): { list: string; image: string } {
  return {
    list: packagedAsset(
      'weights/vae-digits/starter-digits.json',
      new URL('../../weights/vae-digits/starter-digits.json', import.meta.url),
    ),
    image: packagedAsset(
      'weights/vae-digits/starter-digits.png',
      new URL('../../weights/vae-digits/starter-digits.png', import.meta.url),
    ),
  };
}
