/**
 * Reading <vae-latent-explorer>'s own attributes. Each parser returns the value to use and, when
 * the attribute was unusable, why (the element shows that and uses the fallback).
 */
import type { Parsed } from '../shared/parsed.js';
/** Why an attribute was unusable; the UI text for each lives in strings.ts. */
export type AttributeProblem =
  | 'gridSizeNotANumber'
  | 'gridSizeOutOfRange'
  | 'sweepDimsFormat'
  | 'sweepDimsOutOfRange'
  | 'sweepDimsSame'
  | 'rangeInvalid'
  | 'rangeTooLarge'
  | 'datasetUnknown';

export const GRID_SIZE = { min: 3, max: 25, default: 9 } as const;
export const RANGE = { max: 10, default: 3 } as const;
export const DEFAULT_SWEEP_DIMS: readonly [number, number] = [0, 1];

export function parseGridSize(text: string | null): Parsed<number, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: GRID_SIZE.default };
  const n = Number(text);
  if (!Number.isFinite(n)) return { value: GRID_SIZE.default, problem: 'gridSizeNotANumber' };
  const rounded = Math.round(n);
  const clamped = Math.min(GRID_SIZE.max, Math.max(GRID_SIZE.min, rounded));
  if (clamped !== n) return { value: clamped, problem: 'gridSizeOutOfRange' };
  return { value: clamped };
}

export function parseSweepDims(
  text: string | null,
  latentSize: number,
): Parsed<[number, number], AttributeProblem> {
  const fallback: [number, number] = [...DEFAULT_SWEEP_DIMS];
  if (text === null || text.trim() === '') return { value: fallback };
  const parts = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length !== 2 || !parts.every(Number.isInteger)) {
    return { value: fallback, problem: 'sweepDimsFormat' };
  }
  const [a, b] = parts;
  if (a < 0 || b < 0 || a >= latentSize || b >= latentSize) {
    return { value: fallback, problem: 'sweepDimsOutOfRange' };
  }
  if (a === b) return { value: fallback, problem: 'sweepDimsSame' };
  return { value: [a, b] };
}

export function parseRange(text: string | null): Parsed<number, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: RANGE.default };
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return { value: RANGE.default, problem: 'rangeInvalid' };
  if (n > RANGE.max) return { value: RANGE.max, problem: 'rangeTooLarge' };
  return { value: n };
}

export function parseDataset(text: string | null): Parsed<'digits', AttributeProblem> {
  if (text === null || text === '' || text === 'digits') return { value: 'digits' };
  return { value: 'digits', problem: 'datasetUnknown' };
}
