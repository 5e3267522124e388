/**
 * The raw pixels each PixelRNN pixel reads directly besides the recurrent context: R rows above it
 * (columns c−k … c+k) and L pixels to its left, gathered with precomputed indices, since a WASM
 * slice would copy its whole source first (see pixel-rnn.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PixelRnnConfig } from './pixel-rnn-config.js';

export class PixelNeighbours {
  /** Gather indices of every pixel's raw neighbours, per batch size. */
  private readonly indexCache = new Map<number, tf.Tensor1D[]>();

  constructor(private readonly config: PixelRnnConfig) {}

  /** Raw neighbours each pixel sees: R·(2k+1) above, L to the left. */
  get count(): number {
    const c = this.config;
    return c.aboveRows * (2 * c.aboveHalfWidth + 1) + c.leftPixels;
  }

  /**
   * The raw neighbours of every pixel, per column c: [H·B (r-major), K·D], in the order (rows
   * r−1 … r−R, each columns c−k … c+k), then pixels c−1 … c−L of row r. Zeros outside the image.
   */
  columns(x: tf.Tensor4D): tf.Tensor2D[] {
    const { aboveRows: rows, aboveHalfWidth: k, leftPixels: left, height: h } = this.config;
    const [batch, , , d] = x.shape;
    if (this.count === 0)
      return Array.from({ length: this.config.width }, () => tf.zeros([h * batch, 0]));
    const padLeft = Math.max(k, left);
    const padded = tf.reshape(
      tf.pad(x, [
        [0, 0],
        [rows, 0],
        [padLeft, k],
        [0, 0],
      ]),
      [-1, d],
    );
    return this.indices(batch).map((indices) =>
      tf.reshape<tf.Rank.R2>(tf.gather(padded, indices), [h * batch, this.count * d]),
    );
  }

  /** For each column, the rows of the padded, flattened image that `columns` gathers. */
  private indices(batch: number): tf.Tensor1D[] {
    let cached = this.indexCache.get(batch);
    if (!cached) {
      const {
        height: h,
        width: w,
        aboveRows: rows,
        aboveHalfWidth: k,
        leftPixels: left,
      } = this.config;
      const padLeft = Math.max(k, left);
      const paddedWidth = w + padLeft + k;
      const offsets: [number, number][] = [];
      for (let dr = 1; dr <= rows; dr++) for (let dc = -k; dc <= k; dc++) offsets.push([dr, dc]);
      for (let dl = 1; dl <= left; dl++) offsets.push([0, -dl]);
      cached = Array.from({ length: w }, (_, c) => {
        const indices = new Int32Array(h * batch * offsets.length);
        let i = 0;
        for (let r = 0; r < h; r++) {
          for (let b = 0; b < batch; b++) {
            for (const [dr, dc] of offsets)
              indices[i++] = (b * (h + rows) + rows + r - dr) * paddedWidth + padLeft + c + dc;
          }
        }
        return tf.keep(tf.tensor1d(indices, 'int32'));
      });
      this.indexCache.set(batch, cached);
    }
    return cached;
  }

  /** The above-row part of `columns` for one row, from the R rows before it ([count, W, D] each, nearest first). */
  forRow(previousRows: tf.Tensor3D[]): tf.Tensor3D {
    const { width: w, aboveHalfWidth: k } = this.config;
    const slices: tf.Tensor[] = [];
    for (const row of previousRows) {
      const padded = tf.pad(row, [
        [0, 0],
        [k, k],
        [0, 0],
      ]);
      for (let dc = -k; dc <= k; dc++)
        slices.push(tf.slice(padded, [0, k + dc, 0], [row.shape[0], w, row.shape[2]]));
    }
    return tf.concat(slices, -1) as tf.Tensor3D;
  }

  dispose(): void {
    for (const indices of this.indexCache.values()) tf.dispose(indices);
    this.indexCache.clear();
  }
}
