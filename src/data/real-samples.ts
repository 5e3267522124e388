/**
 * Where a GAN's real samples come from, as data that can travel to the page's worker: a toy
 * distribution on the plane (with the user's points for `custom`), or a pool of digit images.
 */
import { sampleToy, type Point, type ToyDistribution } from './toy-distributions.js';

export type RealData =
  | { kind: 'toy'; distribution: ToyDistribution; points: readonly Point[] }
  /** Images laid end to end, `size` numbers each. */
  | { kind: 'images'; pool: Float32Array; size: number };

/** Draws `n` real samples, flat [n × dataSize]. */
export type RealSampler = (n: number, seed: number) => Float32Array;

export function realSamplerFor(data: RealData): RealSampler {
  if (data.kind === 'toy') {
    const { distribution, points } = data;
    return (n, seed) => sampleToy(distribution, n, seed, points);
  }
  const { pool, size } = data;
  const count = Math.max(1, Math.floor(pool.length / size));
  return (n, seed) => {
    const batch = new Float32Array(n * size);
    let state = seed >>> 0 || 1;
    for (let i = 0; i < n; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // a cheap LCG: only picks rows
      const row = state % count;
      batch.set(pool.subarray(row * size, (row + 1) * size), i * size);
    }
    return batch;
  };
}
