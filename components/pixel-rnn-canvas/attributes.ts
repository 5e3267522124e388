/**
 * Reading <pixel-rnn-canvas>'s own attributes. Each parser returns the value to use and, when the
 * attribute was unusable, why (the element shows that and uses the fallback or the clamped value).
 */
import type { Parsed } from '../shared/parsed.js';
export type AttributeProblem =
  | 'datasetUnknown'
  | 'encodingUnknown'
  | 'encodingDigits'
  | 'compareDigits'
  | 'temperatureInvalid'
  | 'temperatureClamped'
  | 'speedInvalid'
  | 'speedClamped'
  | 'countInvalid'
  | 'countClamped';

export type Dataset = 'digits' | 'emoji';
export type Encoding = 'one-hot' | 'sigmoid';
/** Pixels per animation frame, or everything at once ('instant'). */
export type Speed = number | 'instant';

export const COUNT = { min: 1, max: 16, default: 1 } as const;
/** Below 0.05 the softmax is all but an argmax and the sigmoid's noise vanishes; above 5, noise. */
export const TEMPERATURE = { min: 0.05, max: 5, default: 1 } as const;
export const SPEED = { min: 1, max: 784, default: 8 } as const;

export function parseDataset(text: string | null): Parsed<Dataset, AttributeProblem> {
  if (text === null || text === '' || text === 'emoji') return { value: 'emoji' };
  if (text === 'digits') return { value: 'digits' };
  return { value: 'emoji', problem: 'datasetUnknown' };
}

/** Digits come in one encoding only (two colours: ink or paper). */
export function parseEncoding(
  text: string | null,
  dataset: Dataset,
): Parsed<Encoding, AttributeProblem> {
  if (text === null || text === '' || text === 'one-hot') return { value: 'one-hot' };
  if (text !== 'sigmoid') return { value: 'one-hot', problem: 'encodingUnknown' };
  if (dataset === 'digits') return { value: 'one-hot', problem: 'encodingDigits' };
  return { value: 'sigmoid' };
}

export function parseCompare(
  present: boolean,
  dataset: Dataset,
): Parsed<boolean, AttributeProblem> {
  if (present && dataset === 'digits') return { value: false, problem: 'compareDigits' };
  return { value: present };
}

export function parseTemperature(text: string | null): Parsed<number, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: TEMPERATURE.default };
  const t = Number(text);
  if (!Number.isFinite(t) || t < 0)
    return { value: TEMPERATURE.default, problem: 'temperatureInvalid' };
  const clamped = Math.min(TEMPERATURE.max, Math.max(TEMPERATURE.min, t));
  return clamped === t ? { value: t } : { value: clamped, problem: 'temperatureClamped' };
}

export function parseSpeed(text: string | null): Parsed<Speed, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: SPEED.default };
  if (text.trim() === 'instant') return { value: 'instant' };
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return { value: SPEED.default, problem: 'speedInvalid' };
  const clamped = Math.min(SPEED.max, Math.max(SPEED.min, Math.round(n)));
  return clamped === n ? { value: n } : { value: clamped, problem: 'speedClamped' };
}

export function parseCount(text: string | null): Parsed<number, AttributeProblem> {
  if (text === null || text.trim() === '') return { value: COUNT.default };
  const n = Number(text);
  if (!Number.isFinite(n)) return { value: COUNT.default, problem: 'countInvalid' };
  const clamped = Math.min(COUNT.max, Math.max(COUNT.min, Math.round(n)));
  return clamped === n ? { value: n } : { value: clamped, problem: 'countClamped' };
}
