/**
 * Reading <vae-latent-explorer>'s own attributes. Each parser returns the value to use and, when
 * the attribute was unusable, why (the element shows that and uses the fallback).
 */
export interface Parsed<T> {
  value: T;
  problem?: string;
}

export const GRID_SIZE = { min: 3, max: 25, default: 9 } as const;
export const RANGE = { max: 10, default: 3 } as const;
export const DEFAULT_SWEEP_DIMS: readonly [number, number] = [0, 1];

export function parseGridSize(text: string | null): Parsed<number> {
  if (text === null || text.trim() === '') return { value: GRID_SIZE.default };
  const n = Number(text);
  if (!Number.isFinite(n)) return { value: GRID_SIZE.default, problem: `not a number (${GRID_SIZE.min}–${GRID_SIZE.max}).` };
  const rounded = Math.round(n);
  const clamped = Math.min(GRID_SIZE.max, Math.max(GRID_SIZE.min, rounded));
  if (clamped !== n) return { value: clamped, problem: `must be a whole number from ${GRID_SIZE.min} to ${GRID_SIZE.max}.` };
  return { value: clamped };
}

export function parseSweepDims(text: string | null, latentSize: number): Parsed<[number, number]> {
  const fallback: [number, number] = [...DEFAULT_SWEEP_DIMS];
  if (text === null || text.trim() === '') return { value: fallback };
  const parts = text.split(/[\s,]+/).filter(Boolean).map(Number);
  if (parts.length !== 2 || !parts.every(Number.isInteger)) {
    return { value: fallback, problem: 'expected two dimension numbers, like "0,1".' };
  }
  const [a, b] = parts;
  if (a < 0 || b < 0 || a >= latentSize || b >= latentSize) {
    return { value: fallback, problem: `dimensions go from 0 to ${latentSize - 1}.` };
  }
  if (a === b) return { value: fallback, problem: 'the two dimensions must differ.' };
  return { value: [a, b] };
}

export function parseRange(text: string | null): Parsed<number> {
  if (text === null || text.trim() === '') return { value: RANGE.default };
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return { value: RANGE.default, problem: `must be a number above 0 (at most ${RANGE.max}).` };
  if (n > RANGE.max) return { value: RANGE.max, problem: `at most ${RANGE.max} standard deviations.` };
  return { value: n };
}

export function parseDataset(text: string | null): Parsed<'digits'> {
  if (text === null || text === '' || text === 'digits') return { value: 'digits' };
  return { value: 'digits', problem: 'the only dataset is "digits".' };
}
