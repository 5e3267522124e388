/**
 * A sentence as the sentence VAE reads it: its pieces and ids, checked against what the model
 * reads. Tensor-free, so the element checks input at once, without a round trip to the worker.
 */
import type { Vocabulary } from './tokenizer.js';

/** The most words an input sentence may have (the model trains on shorter ones, but reads these). */
export const MAX_INPUT_WORDS = 20;
/**
 * The most pieces the encoder reads. Far above what 20 words take in the model's pieces (about
 * 25); only text in a script it never learned, written byte by byte, comes near it.
 */
export const MAX_INPUT_PIECES = 200;

/** Why a sentence cannot be used; the element words each one for the reader. */
export type SentenceProblem = 'empty' | 'tooManyWords' | 'tooLong';

export class SentenceInputError extends Error {
  /**
   * `count` and `limit`: the sentence's words and the most allowed (`tooManyWords`), or its
   * pieces and the most the model reads (`tooLong`); 0 for `empty`.
   */
  constructor(
    readonly problem: SentenceProblem,
    readonly count: number,
    readonly limit: number,
  ) {
    super(
      problem === 'empty'
        ? 'The sentence is empty.'
        : problem === 'tooManyWords'
          ? `The sentence has ${count} words; the model reads at most ${limit}.`
          : `The sentence is ${count} pieces long; the model reads at most ${limit}.`,
    );
    this.name = 'SentenceInputError';
  }
}

export interface PreparedSentence {
  ids: number[];
  /** The pieces the model reads, e.g. ["▁The", "▁morph", "ing", "."]. */
  pieces: string[];
  /** The words of the (normalised) text, split at spaces. */
  words: string[];
  /** Words written with byte pieces: characters the model never saw in training (still read, not dropped). */
  unknown: string[];
}

/** Pieces and ids of `text`; throws a SentenceInputError if it is empty or too long. */
export function prepareSentence(vocabulary: Vocabulary, text: string): PreparedSentence {
  const { ids, pieces, words, unknown } = vocabulary.encode(text);
  if (ids.length === 0) throw new SentenceInputError('empty', 0, MAX_INPUT_WORDS);
  if (words.length > MAX_INPUT_WORDS)
    throw new SentenceInputError('tooManyWords', words.length, MAX_INPUT_WORDS);
  if (ids.length > MAX_INPUT_PIECES)
    throw new SentenceInputError('tooLong', ids.length, MAX_INPUT_PIECES);
  return { ids, pieces, words, unknown };
}
