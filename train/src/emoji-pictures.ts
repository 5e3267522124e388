// RGB pictures of 16×16 emoji the emoji training script writes beside the weights: a grid of
// samples to look at, and a lossless strip of held-out images the browser tests score.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { EMOJI_SIZE } from './emoji.js';

const PIXELS = EMOJI_SIZE * EMOJI_SIZE;

/** Pixel `pixel` of `rgb` (0–1 floats, three a pixel) as bytes. */
function toBytes(rgb: Float32Array, pixel: number): [number, number, number] {
  return [0, 1, 2].map((k) => Math.round(Math.min(1, Math.max(0, rgb[pixel * 3 + k])) * 255)) as [
    number,
    number,
    number,
  ];
}

/** `n`·`n` images of RGB in [0, 1], each scaled up `zoom` times (nearest), with grey gaps. */
export function writeRgbGrid(rgb: Float32Array, n: number, zoom: number, file: string): void {
  const gap = 2;
  const cell = EMOJI_SIZE * zoom;
  const size = n * cell + (n + 1) * gap;
  const png = new PNG({ width: size, height: size });
  png.data.fill(160);
  for (let k = 0; k < n * n; k++) {
    const top = gap + Math.floor(k / n) * (cell + gap);
    const left = gap + (k % n) * (cell + gap);
    for (let y = 0; y < cell; y++) {
      for (let x = 0; x < cell; x++) {
        const colour = toBytes(
          rgb,
          k * PIXELS + Math.floor(y / zoom) * EMOJI_SIZE + Math.floor(x / zoom),
        );
        png.data.set([...colour, 255], ((top + y) * size + left + x) * 4);
      }
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, PNG.sync.write(png));
}

/** `count` images side by side, 16 px tall, no gaps, opaque: exact colours for the tests. */
export function writeRgbStrip(rgb: Float32Array, count: number, file: string): void {
  const png = new PNG({ width: EMOJI_SIZE * count, height: EMOJI_SIZE });
  for (let k = 0; k < count; k++) {
    for (let y = 0; y < EMOJI_SIZE; y++) {
      for (let x = 0; x < EMOJI_SIZE; x++) {
        png.data.set(
          [...toBytes(rgb, k * PIXELS + y * EMOJI_SIZE + x), 255],
          (y * EMOJI_SIZE * count + k * EMOJI_SIZE + x) * 4,
        );
      }
    }
  }
  writeFileSync(file, PNG.sync.write(png));
}
