/**
 * Morphs to show before the model is ready, each exactly what the model will then show: the
 * built-in sentences' morph, computed from the bundled weights when they were made
 * (default-morph.ts), and the first morph of a reader's own sentences, remembered in this
 * browser's localStorage from an earlier visit. Only the deterministic decodings are kept.
 */
import type { Decoding } from '../../src/models/choices.js';
import { DEFAULT_SENTENCES } from './attributes.js';
import { DEFAULT_MORPH } from './default-morph.js';

export interface MorphKey {
  from: string;
  to: string;
  steps: number;
  decoding: Decoding;
  /** The `weights` attribute; null for the bundled weights. */
  weights: string | null;
}

const STORAGE_KEY = 'generative-elements:sentence-morph:remembered';
/** Morphs kept per browser (the oldest go first): a few kilobytes at most. */
const REMEMBERED = 20;

/** A morph known for `key` (words of each sentence), or undefined. */
export function rememberedMorph(key: MorphKey): string[][] | undefined {
  if (key.decoding === 'sample') return undefined;
  if (
    key.weights === null &&
    key.from === DEFAULT_SENTENCES.from &&
    key.to === DEFAULT_SENTENCES.to &&
    key.steps === DEFAULT_MORPH.steps &&
    key.decoding === DEFAULT_MORPH.decoding
  )
    return DEFAULT_MORPH.tokens.map((line) => [...line]);
  const found = readAll().find(([stored]) => stored === storageId(key));
  return found?.[1];
}

/** Keeps the morph the model made for `key`, for the next visit. */
export function rememberMorph(key: MorphKey, tokens: string[][]): void {
  if (key.decoding === 'sample' || rememberedMorph(key)) return;
  const kept = readAll().filter(([stored]) => stored !== storageId(key));
  kept.push([storageId(key), tokens]);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept.slice(-REMEMBERED)));
  } catch {
    // Storage full, or refused (a private window, a sandboxed frame): nothing to remember then.
  }
}

/** The bundled weights are named by the file the built-in morph came from. */
function storageId(key: MorphKey): string {
  const weights = key.weights ?? `bundled:${DEFAULT_MORPH.weightsId}`;
  return JSON.stringify([weights, key.from, key.to, key.steps, key.decoding]);
}

function readAll(): [string, string[][]][] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return []; // refused, or not ours any more
  }
}

function isEntry(entry: unknown): entry is [string, string[][]] {
  return (
    Array.isArray(entry) &&
    typeof entry[0] === 'string' &&
    Array.isArray(entry[1]) &&
    entry[1].every(
      (line: unknown) => Array.isArray(line) && line.every((word) => typeof word === 'string'),
    )
  );
}
