/**
 * Reading <gan-arena>'s own attributes. Each parser returns the value to use and, when the
 * attribute was unusable, why (the element shows that, in the page's language, and carries on).
 */
import type { Parsed } from '../shared/parsed.js';
import { isToyDistribution, type ToyDistribution } from '../../src/data/toy-distributions.js';
import type { GanLoss } from '../../src/models/choices.js';

export type ArenaProblem =
  | 'modeUnknown'
  | 'distributionUnknown'
  | 'stepsInvalid'
  | 'learningRateInvalid'
  | 'batchSizeNotANumber'
  | 'batchSizeOutOfRange'
  | 'lossUnknown';

export type ArenaMode = '2d' | 'digits';
export const BATCH_SIZE = { min: 8, max: 512, default: 64 } as const;
export const MAX_STEPS = 20;
/** Learning rates per mode (the `lr-d` and `lr-g` defaults). */
export const DEFAULT_LEARNING_RATES: Record<ArenaMode, { d: number; g: number }> = {
  '2d': { d: 0.002, g: 0.002 },
  digits: { d: 0.0002, g: 0.0002 },
};

export function parseMode(text: string | null): Parsed<ArenaMode, ArenaProblem> {
  if (text === null || text === '' || text === '2d') return { value: '2d' };
  if (text === 'digits') return { value: 'digits' };
  return { value: '2d', problem: 'modeUnknown' };
}

export function parseDistribution(text: string | null): Parsed<ToyDistribution, ArenaProblem> {
  if (text === null || text === '') return { value: 'ring' };
  return isToyDistribution(text)
    ? { value: text }
    : { value: 'ring', problem: 'distributionUnknown' };
}

/** d-steps / g-steps: whole numbers 0–20 (0 freezes that player). */
export function parseSteps(text: string | null): Parsed<number, ArenaProblem> {
  if (text === null || text.trim() === '') return { value: 1 };
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > MAX_STEPS) return { value: 1, problem: 'stepsInvalid' };
  return { value: n };
}

export function parseLearningRate(
  text: string | null,
  fallback: number,
): Parsed<number, ArenaProblem> {
  if (text === null || text.trim() === '') return { value: fallback };
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 1)
    return { value: fallback, problem: 'learningRateInvalid' };
  return { value: n };
}

export function parseBatchSize(text: string | null): Parsed<number, ArenaProblem> {
  if (text === null || text.trim() === '') return { value: BATCH_SIZE.default };
  const n = Number(text);
  if (!Number.isFinite(n)) return { value: BATCH_SIZE.default, problem: 'batchSizeNotANumber' };
  const clamped = Math.min(BATCH_SIZE.max, Math.max(BATCH_SIZE.min, Math.round(n)));
  return clamped === n ? { value: n } : { value: clamped, problem: 'batchSizeOutOfRange' };
}

export function parseLoss(text: string | null): Parsed<GanLoss, ArenaProblem> {
  if (text === null || text === '' || text === 'non-saturating') return { value: 'non-saturating' };
  if (text === 'minimax') return { value: 'minimax' };
  return { value: 'non-saturating', problem: 'lossUnknown' };
}
