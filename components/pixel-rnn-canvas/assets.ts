/**
 * The PixelRNN's packaged files, for its three models. Each is a literal
 * `new URL('…', import.meta.url)` so that bundlers emit it (see packagedAsset); the first
 * argument is its place inside dist/.
 */
import { packagedAsset, packagedWeights } from '../../src/runtime/config.js';
import type { BundledWeights } from '../../src/runtime/weights-source.js';

export type ModelKey = 'digits' | 'emoji' | 'emoji-sigmoid';

interface ModelFiles {
  weights: BundledWeights;
  /** A strip of held-out images, for completion. */
  heldOutSample: string;
}

/** The poster: images drawn by the bundled (one-hot) model of the dataset. */
export function pixelRnnPreview(dataset: 'digits' | 'emoji'): string {
  return dataset === 'digits'
    ? packagedAsset(
        'weights/pixel-rnn-digits/samples.png',
        new URL('../../weights/pixel-rnn-digits/samples.png', import.meta.url),
      )
    : packagedAsset(
        'weights/pixel-rnn-emoji/samples.png',
        new URL('../../weights/pixel-rnn-emoji/samples.png', import.meta.url),
      );
}

export function pixelRnnFiles(key: ModelKey): ModelFiles {
  switch (key) {
    case 'digits':
      return {
        weights: packagedWeights(
          'pixel-rnn-digits',
          new URL('../../weights/pixel-rnn-digits/model.json', import.meta.url),
          new URL('../../weights/pixel-rnn-digits/weights.bin', import.meta.url),
        ),
        heldOutSample: packagedAsset(
          'weights/pixel-rnn-digits/heldout-sample.png',
          new URL('../../weights/pixel-rnn-digits/heldout-sample.png', import.meta.url),
        ),
      };
    case 'emoji':
      return {
        weights: packagedWeights(
          'pixel-rnn-emoji',
          new URL('../../weights/pixel-rnn-emoji/model.json', import.meta.url),
          new URL('../../weights/pixel-rnn-emoji/weights.bin', import.meta.url),
        ),
        heldOutSample: packagedAsset(
          'weights/pixel-rnn-emoji/heldout-sample.png',
          new URL('../../weights/pixel-rnn-emoji/heldout-sample.png', import.meta.url),
        ),
      };
    case 'emoji-sigmoid':
      return {
        weights: packagedWeights(
          'pixel-rnn-emoji-sigmoid',
          new URL('../../weights/pixel-rnn-emoji-sigmoid/model.json', import.meta.url),
          new URL('../../weights/pixel-rnn-emoji-sigmoid/weights.bin', import.meta.url),
        ),
        heldOutSample: packagedAsset(
          'weights/pixel-rnn-emoji-sigmoid/heldout-sample.png',
          new URL('../../weights/pixel-rnn-emoji-sigmoid/heldout-sample.png', import.meta.url),
        ),
      };
  }
}
