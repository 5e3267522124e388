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
  const width = 28 * chosen.length;
  const gray = Buffer.alloc(28 * width);
  chosen.forEach((index, k) => {
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++)
        gray[y * width + k * 28 + x] = Math.round(source.images[index * 784 + y * 28 + x] * 255);
    }
  });
  writeGreyPng(path.join(directory, 'real-digits.png'), width, 28, gray);
  writeFileSync(
    path.join(directory, 'real-digits.json'),
    JSON.stringify({
      image: 'real-digits.png',
      size: 28,
      labels: chosen.map((i) => source.labels[i]),
    }) + '\n',
  );
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
  const gray = Buffer.alloc(28 * 28 * chosen.length);
  chosen.forEach((index, k) => {
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        gray[y * 28 * chosen.length + k * 28 + x] = Math.round(
          source.images[index * 784 + y * 28 + x] * 255,
        );
      }
    }
  });
  writeGreyPng(path.join(directory, 'starter-digits.png'), 28 * chosen.length, 28, gray);
  writeFileSync(
    path.join(directory, 'starter-digits.json'),
    JSON.stringify({
      image: 'starter-digits.png',
      size: 28,
      labels: chosen.map((i) => source.labels[i]),
    }) + '\n',
  );
}
