// Seeded shuffles for the training scripts: every split, batch order and choice is repeatable.
import type { Rng } from '../../src/runtime/random.js';

/** Shuffles `items` in place (Fisher–Yates, from the last item down) with `rng`; returns it. */
export function shuffleInPlace<T, A extends { length: number; [index: number]: T }>(
  items: A,
  rng: Rng,
): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** 0 … count − 1 in an order drawn from `rng`. */
export function shuffledIndices(count: number, rng: Rng): Uint32Array {
  return shuffleInPlace(
    Uint32Array.from({ length: count }, (_, i) => i),
    rng,
  );
}
