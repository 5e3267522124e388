/**
 * A sentence as the sentence VAE reads it: its pieces and ids, checked against the model's
 * length. Tensor-free, so the element checks input at once, without a round trip to the worker.
 */
import type { Vocabulary } from './tokenizer.js';

/** Why a sentence cannot be used; the element words each one for the reader. */
export type SentenceProblem = 'empty' | 'tooLong';

export class SentenceInputError extends Error {
  constructor(
    readonly problem: SentenceProblem,
    readonly tokenCount: number,
    readonly maxTokens: number,
  ) {
    super(
      problem === 'empty'
        ? 'The sentence is empty.'
        : `The sentence is ${tokenCount} pieces long; the model reads at most ${maxTokens}.`,
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
export function prepareSentence(
  vocabulary: Vocabulary,
  text: string,
  maxTokens: number,
): PreparedSentence {
  const { ids, pieces, words, unknown } = vocabulary.encode(text);
  if (ids.length === 0) throw new SentenceInputError('empty', 0, maxTokens);
  if (ids.length > maxTokens) throw new SentenceInputError('tooLong', ids.length, maxTokens);
  return { ids, pieces, words, unknown };
}
