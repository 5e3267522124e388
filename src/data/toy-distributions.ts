/**
 * Two-dimensional toy distributions for the GAN arena, and measures of how well a set of generated
 * points matches them. Pure functions over plain arrays; every draw is seeded.
 *
 * Points are laid out flat, [x0, y0, x1, y1, ...], and everything lives in the square
 * PLANE = [−1, 1]², the view the arena draws.
 */
import { createRng, type Rng } from '../runtime/random.js';

export type ToyDistribution = 'ring' | 'grid' | 'moons' | 'line' | 'custom';
export const TOY_DISTRIBUTIONS: readonly ToyDistribution[] = [
  'ring',
  'grid',
  'moons',
  'line',
  'custom',
];

/** The square every distribution fits in: [min, max] on both axes. */
export const PLANE = { min: -1, max: 1 } as const;

export interface Point {
  x: number;
  y: number;
}

/** ring: 8 Gaussians evenly spaced on a circle. */
export const RING = { modes: 8, radius: 0.7, std: 0.04 } as const;
/** grid: 25 Gaussians on a 5×5 lattice. */
export const GRID = { side: 5, spacing: 0.35, std: 0.025 } as const;
/** Spread of the samples around each user point of `custom`. */
export const CUSTOM_STD = 0.03;
const MOONS_STD = 0.04;
const LINE_STD = 0.015;

export function isToyDistribution(value: unknown): value is ToyDistribution {
  return typeof value === 'string' && (TOY_DISTRIBUTIONS as readonly string[]).includes(value);
}

/** The centres of the modes of `ring` (8) or `grid` (25), flat [x0, y0, ...]. */
export function modeCentres(distribution: 'ring' | 'grid'): Float32Array {
  if (distribution === 'ring') {
    const centres = new Float32Array(RING.modes * 2);
    for (let k = 0; k < RING.modes; k++) {
      const angle = (2 * Math.PI * k) / RING.modes;
      centres[2 * k] = RING.radius * Math.cos(angle);
      centres[2 * k + 1] = RING.radius * Math.sin(angle);
    }
    return centres;
  }
  const centres = new Float32Array(GRID.side * GRID.side * 2);
  const offset = ((GRID.side - 1) / 2) * GRID.spacing;
  for (let row = 0; row < GRID.side; row++) {
    for (let col = 0; col < GRID.side; col++) {
      const k = row * GRID.side + col;
      centres[2 * k] = col * GRID.spacing - offset;
      centres[2 * k + 1] = row * GRID.spacing - offset;
    }
  }
  return centres;
}

/** n points from a mixture of equal Gaussians at `centres`. */
function sampleMixture(centres: ArrayLike<number>, std: number, n: number, rng: Rng): Float32Array {
  const modes = centres.length / 2;
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rng.next() * modes);
    points[2 * i] = centres[2 * k] + std * rng.normal();
    points[2 * i + 1] = centres[2 * k + 1] + std * rng.normal();
  }
  return points;
}

export function sampleRing(n: number, seed: number): Float32Array {
  return sampleMixture(modeCentres('ring'), RING.std, n, createRng(seed));
}

export function sampleGrid(n: number, seed: number): Float32Array {
  return sampleMixture(modeCentres('grid'), GRID.std, n, createRng(seed));
}

/** Two interleaving half circles (as in scikit-learn's make_moons), scaled into the plane. */
export function sampleMoons(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = Math.PI * rng.next();
    const upper = rng.next() < 0.5;
    // make_moons spans x ∈ [−1, 2], y ∈ [−0.5, 1]; centre it and scale by 0.55.
    const x = upper ? Math.cos(t) : 1 - Math.cos(t);
    const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    points[2 * i] = 0.55 * (x - 0.5) + MOONS_STD * rng.normal();
    points[2 * i + 1] = 0.55 * (y - 0.25) + MOONS_STD * rng.normal();
  }
  return points;
}

/** A thin diagonal segment from (−0.7, −0.5) to (0.7, 0.5). */
export function sampleLine(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = rng.next();
    points[2 * i] = -0.7 + 1.4 * t + LINE_STD * rng.normal();
    points[2 * i + 1] = -0.5 + 1.0 * t + LINE_STD * rng.normal();
  }
  return points;
}

/** Points around the user's own points: pick one uniformly, add N(0, std²) noise. */
export function sampleCustom(
  n: number,
  seed: number,
  userPoints: readonly Point[],
  std = CUSTOM_STD,
): Float32Array {
  if (userPoints.length === 0)
    throw new RangeError('The custom distribution needs at least one point.');
  const centres = new Float32Array(userPoints.length * 2);
  userPoints.forEach((p, k) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y))
      throw new RangeError(`Custom point ${k} is not finite.`);
    centres[2 * k] = p.x;
    centres[2 * k + 1] = p.y;
  });
  return sampleMixture(centres, std, n, createRng(seed));
}

/** n points from any of the distributions; `custom` needs `userPoints`. */
export function sampleToy(
  distribution: ToyDistribution,
  n: number,
  seed: number,
  userPoints: readonly Point[] = [],
): Float32Array {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Sample count must be a whole number, got ${n}.`);
  switch (distribution) {
    case 'ring':
      return sampleRing(n, seed);
    case 'grid':
      return sampleGrid(n, seed);
    case 'moons':
      return sampleMoons(n, seed);
    case 'line':
      return sampleLine(n, seed);
    case 'custom':
      return sampleCustom(n, seed, userPoints);
    default:
      throw new RangeError(
        `Unknown distribution "${distribution as string}": use one of ${TOY_DISTRIBUTIONS.join(', ')}.`,
      );
  }
}

export interface ModeCoverage {
  /** Modes that received at least `minFraction` of the samples. */
  covered: number;
  /** Number of modes of the distribution (8 or 25). */
  modes: number;
  /** Samples within `radius` of each mode's centre. */
  counts: number[];
  /** Share of all samples that lie within `radius` of some mode ("high-quality" samples). */
  nearFraction: number;
}

/**
 * How many modes of `ring` or `grid` the samples reach: a mode counts as covered when at least
 * `minFraction` of all samples lie within `radius` of its centre. The defaults are three standard
 * deviations and a fifth of a mode's fair share (1/modes), the usual yardstick for mode collapse.
 */
export function modeCoverage(
  samples: ArrayLike<number>,
  distribution: 'ring' | 'grid',
  options: { radius?: number; minFraction?: number } = {},
): ModeCoverage {
  const centres = modeCentres(distribution);
  const modes = centres.length / 2;
  const radius = options.radius ?? 3 * (distribution === 'ring' ? RING.std : GRID.std);
  const minFraction = options.minFraction ?? 0.2 / modes;
  const n = samples.length / 2;
  const counts = new Array<number>(modes).fill(0);
  let near = 0;
  for (let i = 0; i < n; i++) {
    const x = samples[2 * i];
    const y = samples[2 * i + 1];
    for (let k = 0; k < modes; k++) {
      const dx = x - centres[2 * k];
      const dy = y - centres[2 * k + 1];
      if (dx * dx + dy * dy <= radius * radius) {
        counts[k]++;
        near++;
        break; // modes are further apart than 2·radius, so at most one can match
      }
    }
  }
  const covered = n === 0 ? 0 : counts.filter((c) => c / n >= minFraction).length;
  return { covered, modes, counts, nearFraction: n === 0 ? 0 : near / n };
}

/**
 * Jensen–Shannon divergence (in nats, between 0 and ln 2) between the histograms of two point
 * sets on a `cells` × `cells` grid over the plane. A coarse, model-free estimate of how far the
 * generated distribution is from the real one; points outside the plane go to the border cells.
 */
export function jensenShannonOnGrid(
  real: ArrayLike<number>,
  generated: ArrayLike<number>,
  cells = 32,
): number {
  const p = histogram(real, cells);
  const q = histogram(generated, cells);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const m = 0.5 * (p[i] + q[i]);
    if (p[i] > 0) divergence += 0.5 * p[i] * Math.log(p[i] / m);
    if (q[i] > 0) divergence += 0.5 * q[i] * Math.log(q[i] / m);
  }
  return Math.max(0, divergence);
}

function histogram(points: ArrayLike<number>, cells: number): Float64Array {
  const counts = new Float64Array(cells * cells);
  const n = points.length / 2;
  if (n === 0) return counts;
  const cellOf = (v: number) => {
    const c = Math.floor(((v - PLANE.min) / (PLANE.max - PLANE.min)) * cells);
    return Math.min(cells - 1, Math.max(0, Number.isFinite(c) ? c : 0));
  };
  for (let i = 0; i < n; i++)
    counts[cellOf(points[2 * i + 1]) * cells + cellOf(points[2 * i])] += 1 / n;
  return counts;
}
