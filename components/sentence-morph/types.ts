/** The event details and options of <sentence-morph>: what its parts and pages use, apart from the element. */
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';

export interface MorphDetail {
  /** steps + 2 sentences; the first and last are the reconstructions of `from` and `to`. */
  sentences: string[];
}

export interface SentenceFineTuneResult extends TrainingResult {
  /** Sentences that could be used (1–20 tokens). */
  used: number;
  unknownWords: number;
  totalWords: number;
}

export type SentenceFineTuneOptions = FineTuneSettings;
