// Greyscale pictures of MNIST digits the training scripts write beside the weights: a grid of
// samples to look at, and strips of real digits (with their labels) that the elements load.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Digits } from './mnist.js';
import { writeGreyPng } from './png-files.js';

/** The first 64 digits of `images` (784 intensities each) in an 8 × 8 grid, 2 px apart. */
export function writeDigitGrid(directory: string, name: string, images: Float32Array): void {
  const side = 8;
  const cell = 30;
  const width = side * cell + 2;
  const gray = Buffer.alloc(width * width, 96);
  for (let k = 0; k < side * side; k++) {
    const left = 2 + (k % side) * cell;
    const top = 2 + Math.floor(k / side) * cell;
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++)
        gray[(top + y) * width + left + x] = Math.round(images[k * 784 + y * 28 + x] * 255);
    }
  }
  writeGreyPng(path.join(directory, name), width, width, gray);
}

/**
 * `wanted` training digits (classes in turn, each class in file order) side by side in one
 * greyscale strip, with their labels: the real data for training the GAN live in the page.
 */
export function writeRealDigits(source: Digits, directory: string, wanted: number): void {
  const next = new Array<number>(10).fill(0);
  const chosen: number[] = [];
  for (let k = 0; chosen.length < wanted && k < wanted * 10; k++) {
    const label = k % 10;
    while (next[label] < source.count && source.labels[next[label]] !== label) next[label]++;
    if (next[label] < source.count) chosen.push(next[label]++);
  }
  writeLabelledStrip(source, chosen, directory, 'real-digits');
}

/** 50 test digits (5 of each class, first in file order), side by side in one greyscale PNG. */
export function writeStarterDigits(source: Digits, directory: string): void {
  const perClass = 5;
  const chosen: number[] = [];
  for (let label = 0; label < 10; label++) {
    for (let i = 0, taken = 0; i < source.count && taken < perClass; i++) {
      if (source.labels[i] === label) {
        chosen.push(i);
        taken++;
      }
    }
  }
  writeLabelledStrip(source, chosen, directory, 'starter-digits');
}

/**
 * The `chosen` digits side by side in `<name>.png`, and `<name>.json` naming the image, the cell
 * size and each digit's label (what the elements load).
 */
function writeLabelledStrip(
  source: Digits,
  chosen: number[],
  directory: string,
  name: string,
): void {
  const width = 28 * chosen.length;
  const gray = Buffer.alloc(28 * width);
  chosen.forEach((index, k) => {
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++)
        gray[y * width + k * 28 + x] = Math.round(source.images[index * 784 + y * 28 + x] * 255);
    }
  });
  writeGreyPng(path.join(directory, `${name}.png`), width, 28, gray);
  writeFileSync(
    path.join(directory, `${name}.json`),
    JSON.stringify({
      image: `${name}.png`,
      size: 28,
      labels: chosen.map((i) => source.labels[i]),
    }) + '\n',
  );
}
