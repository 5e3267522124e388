/**
 * Sentences as the sentence VAE takes them: piece ids (no BOS, no EOS), checked, and laid out
 * time-major for a batch, so that step t of every sentence is one row block: the recurrences then
 * run once per step for the whole batch. Shorter sentences are padded with PAD.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../runtime/random.js';
import { BOS, EOS, PAD, UNK } from '../data/tokenizer.js';
import type { SentenceVaeConfig } from './plain-types.js';
import { MAX_INPUT_PIECES } from '../data/sentence-input.js';

/** A sentence as piece ids (no BOS, no EOS). */
export type TokenIds = readonly number[];

/**
 * Refuses an empty batch, a sentence longer than `maxLength` (by default the most the decoder
 * writes), or an id outside the vocabulary.
 */
export function checkSentences(
  sentences: readonly TokenIds[],
  config: SentenceVaeConfig,
  maxLength = config.maxTokens,
): void {
  const { vocabularySize } = config;
  if (sentences.length === 0) throw new RangeError('No sentences given.');
  for (const s of sentences) {
    if (s.length > maxLength)
      throw new RangeError(
        `A sentence has ${s.length} tokens; the model takes at most ${maxLength}.`,
      );
    if (!s.every((id) => Number.isInteger(id) && id >= 0 && id < vocabularySize)) {
      throw new RangeError(`Token ids must be whole numbers from 0 to ${vocabularySize - 1}.`);
    }
  }
}

/**
 * The encoder's input (any sentence the page accepts, up to MAX_INPUT_PIECES): time-major ids (PAD after each sentence's end) and, per step, a [batch, 1]
 * mask of the sentences still going.
 */
export function encoderInputs(
  sentences: readonly TokenIds[],
  config: SentenceVaeConfig,
): { ids: number[]; masks: tf.Tensor2D[] } {
  checkSentences(sentences, config, Math.max(config.maxTokens, MAX_INPUT_PIECES));
  const steps = Math.max(1, ...sentences.map((s) => s.length));
  const ids: number[] = [];
  const masks: tf.Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    for (const s of sentences) ids.push(t < s.length ? s[t] : PAD);
    masks.push(
      tf.tensor2d(
        sentences.map((s) => (t < s.length ? 1 : 0)),
        [sentences.length, 1],
      ),
    );
  }
  return { ids, masks };
}

/**
 * The decoder's input under teacher forcing: inputs BOS w_1 … w_L (each word dropped to UNK with
 * probability `wordDropout`), targets w_1 … w_L EOS, and a weight per position (0 after EOS);
 * all time-major.
 */
export function decoderInputs(sentences: readonly TokenIds[], wordDropout: number, rng: Rng) {
  const steps = Math.max(...sentences.map((s) => s.length)) + 1;
  const inputs: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let t = 0; t < steps; t++) {
    for (const s of sentences) {
      const previous = t === 0 ? BOS : t <= s.length ? s[t - 1] : PAD;
      inputs.push(t > 0 && previous !== PAD && rng.next() < wordDropout ? UNK : previous);
      targets.push(t < s.length ? s[t] : t === s.length ? EOS : PAD);
      weights.push(t <= s.length ? 1 : 0);
    }
  }
  return { inputs, targets, weights, steps };
}

/**
 * Damaged copies of sentences for a denoising encoder: each piece deleted with probability
 * `rate`, keeping at least one (the first left, if every piece was drawn).
 */
export function deletePieces(sentences: readonly TokenIds[], rate: number, rng: Rng): TokenIds[] {
  if (rate <= 0) return [...sentences];
  return sentences.map((s) => {
    const kept = s.filter(() => rng.next() >= rate);
    return kept.length ? kept : s.slice(0, 1);
  });
}
