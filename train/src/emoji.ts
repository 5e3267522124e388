/**
 * The emoji dataset: Twemoji (emoji-datasource-twitter@16.0.0, graphics CC-BY 4.0) as 16×16
 * images over a palette of 32 colours.
 *
 *  1. every 64 px PNG except flags, skin-tone components and skin-tone variants (the package lists
 *     the variants apart from the base emoji, so taking the base entries leaves them out);
 *  2. composited on white, box-downsampled to 16×16;
 *  3. a fixed-seed shuffle, then 10% held out for testing and 5% for choosing the checkpoint;
 *  4. a palette of 32 colours by k-means (k-means++ start, fixed seed) on the training pixels
 *     only, and every pixel replaced by its nearest palette colour.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PNG } from 'pngjs';
import { kmeans } from 'ml-kmeans';
import {
  boxDownsample,
  compositeOnWhite,
  nearestPaletteIndices,
  type Palette,
} from '../../src/data/palette.js';
import { createRng } from '../../src/runtime/random.js';
import { shuffleInPlace } from './seeded.js';

export const EMOJI_SIZE = 16;
export const EMOJI_PALETTE_SIZE = 32;
const SPLIT_SEED = 1636;
const PALETTE_SEED = 32;

interface EmojiEntry {
  image: string;
  short_name: string;
  category: string;
  sort_order: number;
  has_img_twitter: boolean;
}

export interface EmojiSplit {
  /** Palette indices, [count · 16 · 16]. */
  indices: Int32Array;
  names: string[];
  count: number;
}

export interface EmojiDataset {
  palette: Palette;
  train: EmojiSplit;
  validation: EmojiSplit;
  test: EmojiSplit;
  /** Mean RGB error of the palette quantisation on the test images (0–255). */
  quantisationError: number;
  /** Images before filtering, and after. */
  listed: number;
  kept: number;
}

export function loadEmoji(limit = Infinity): EmojiDataset {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('emoji-datasource-twitter/package.json'));
  const listing = JSON.parse(
    readFileSync(path.join(packageDir, 'emoji.json'), 'utf8'),
  ) as EmojiEntry[];
  const kept = listing
    .filter((e) => e.has_img_twitter && e.category !== 'Flags' && e.category !== 'Component')
    .sort((a, b) => a.sort_order - b.sort_order);

  const rng = createRng(SPLIT_SEED);
  const order = shuffleInPlace(
    kept.map((_, i) => i),
    rng,
  );
  const chosen = order.slice(0, Math.min(limit, order.length)).map((i) => kept[i]);
  const images = chosen.map((entry) => {
    const png = PNG.sync.read(
      readFileSync(path.join(packageDir, 'img', 'twitter', '64', entry.image)),
    );
    return boxDownsample(compositeOnWhite(png.data), png.width, png.height, EMOJI_SIZE);
  });

  const testCount = Math.round(chosen.length * 0.1);
  const validationCount = Math.round(chosen.length * 0.05);
  const ranges = {
    test: [0, testCount],
    validation: [testCount, testCount + validationCount],
    train: [testCount + validationCount, chosen.length],
  } as const;

  const palette = fitPalette(images.slice(ranges.train[0], ranges.train[1]));
  const split = ([start, end]: readonly [number, number]): EmojiSplit => {
    const pixels = EMOJI_SIZE * EMOJI_SIZE;
    const indices = new Int32Array((end - start) * pixels);
    for (let i = start; i < end; i++)
      indices.set(nearestPaletteIndices(images[i], palette), (i - start) * pixels);
    return {
      indices,
      names: chosen.slice(start, end).map((e) => e.short_name),
      count: end - start,
    };
  };
  const test = split(ranges.test);
  let error = 0;
  for (let i = 0; i < test.count; i++) {
    const rgb = images[i];
    for (let p = 0; p < EMOJI_SIZE * EMOJI_SIZE; p++) {
      const colour = palette[test.indices[i * EMOJI_SIZE * EMOJI_SIZE + p]];
      error += Math.hypot(
        rgb[p * 3] - colour[0],
        rgb[p * 3 + 1] - colour[1],
        rgb[p * 3 + 2] - colour[2],
      );
    }
  }
  return {
    palette,
    train: split(ranges.train),
    validation: split(ranges.validation),
    test,
    quantisationError: error / (test.count * EMOJI_SIZE * EMOJI_SIZE),
    listed: listing.length,
    kept: kept.length,
  };
}

/** k-means on the training images' pixels; colours sorted light to dark for a tidy legend. */
function fitPalette(images: Float32Array[]): Palette {
  const points: number[][] = [];
  for (const rgb of images)
    for (let p = 0; p < rgb.length; p += 3) points.push([rgb[p], rgb[p + 1], rgb[p + 2]]);
  const result = kmeans(points, EMOJI_PALETTE_SIZE, {
    initialization: 'kmeans++',
    seed: PALETTE_SEED,
    maxIterations: 60,
  });
  return result.centroids
    .map((c) => [Math.round(c[0]), Math.round(c[1]), Math.round(c[2])] as [number, number, number])
    .sort((a, b) => b[0] + b[1] + b[2] - (a[0] + a[1] + a[2]));
}
