/**
 * Reading <sentence-morph>'s own attributes. Each parser returns the value to use and, when the
 * attribute was unusable, why (the element shows that and uses the fallback).
 */
import type { Parsed } from '../shared/parsed.js';
import type { Decoding } from '../../src/models/choices.js';

/** Why an attribute was unusable; the UI text for each lives in strings.ts. */
export type AttributeProblem = 'stepsNotANumber' | 'stepsOutOfRange' | 'decodingUnknown';

export const STEPS = { min: 1, max: 20, default: 5 } as const;
/** The built-in pair: two of the held-out sentences (the model never trained on them). */
export const DEFAULT_SENTENCES = {
  from: 'The game was interrupted by a brief shower.',
  to: 'The entire building complained about the noise.',
} as const;
export const DECODINGS: readonly Decoding[] = ['greedy', 'sample', 'beam'];

export function parseSteps(text: string | null): Parsed<number, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: STEPS.default };
  const n = Number(text);
  if (!Number.isFinite(n)) return { value: STEPS.default, problem: 'stepsNotANumber' };
  const clamped = Math.min(STEPS.max, Math.max(STEPS.min, Math.round(n)));
  return clamped === n ? { value: clamped } : { value: clamped, problem: 'stepsOutOfRange' };
}

export function parseDecoding(text: string | null): Parsed<Decoding, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: 'greedy' };
  const value = text.trim().toLowerCase() as Decoding;
  return DECODINGS.includes(value) ? { value } : { value: 'greedy', problem: 'decodingUnknown' };
}
