/**
 * A small seeded random number generator (mulberry32), so that sampling is repeatable when a page
 * sets `seed`. TF.js's own random ops take an integer seed; `nextSeed()` hands those out.
 */
/** Its functions are closures over the state: each can be passed around on its own. */
export interface Rng {
  /** Uniform in [0, 1). */
  next: () => number;
  /** A fresh 31-bit integer, for seeding TF.js random ops. */
  nextSeed: () => number;
  /** Standard normal, by Box–Muller. */
  normal: () => number;
}

export function createRng(seed: number = randomSeed()): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    nextSeed: () => Math.floor(next() * 0x7fffffff),
    normal: () => {
      const u = 1 - next(); // (0, 1], so the log is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
