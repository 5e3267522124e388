/**
 * Sentences as the sentence VAE takes them: piece ids (no BOS, no EOS), checked, and laid out
 * time-major for a batch, so that step t of every sentence is one row block: the recurrences then
 * run once per step for the whole batch. Shorter sentences are padded with PAD.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../runtime/random.js';
import { BOS, EOS, PAD, UNK } from '../data/tokenizer.js';
import type { SentenceVaeConfig } from './plain-types.js';

/** A sentence as piece ids (no BOS, no EOS). */
export type TokenIds = readonly number[];

/** Refuses an empty batch, a sentence longer than the model reads, or an id outside the vocabulary. */
export function checkSentences(sentences: readonly TokenIds[], config: SentenceVaeConfig): void {
  const { vocabularySize, maxTokens } = config;
  if (sentences.length === 0) throw new RangeError('No sentences given.');
  for (const s of sentences) {
    if (s.length > maxTokens)
      throw new RangeError(
        `A sentence has ${s.length} tokens; the model takes at most ${maxTokens}.`,
      );
    if (!s.every((id) => Number.isInteger(id) && id >= 0 && id < vocabularySize)) {
      throw new RangeError(`Token ids must be whole numbers from 0 to ${vocabularySize - 1}.`);
    }
  }
}

/**
 * The encoder's input: time-major ids (PAD after each sentence's end) and, per step, a [batch, 1]
 * mask of the sentences still going.
 */
export function encoderInputs(
  sentences: readonly TokenIds[],
  config: SentenceVaeConfig,
): { ids: number[]; masks: tf.Tensor2D[] } {
  checkSentences(sentences, config);
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
