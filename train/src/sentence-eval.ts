// The sentence VAE's figures for its card, all on held-out sentences: word-level reconstruction
// (after the pieces are joined back into text), KL, −ELBO, active code dimensions, and the
// fluency of morphs judged by a Kneser–Ney 3-gram model fitted on text the VAE never trained on.
import * as tf from '@tensorflow/tfjs-core';
import { KneserNeyTrigram, lmWords } from './kneser-ney.js';
import type { SentenceVae, TokenIds } from '../../src/models/sentence-vae.js';
import {
  bannedPieces,
  beamHypotheses,
  rerank,
  type StepwiseDecoder,
} from '../../src/models/sentence-decoding.js';
import { BOS, EOS, splitWords, type Vocabulary } from '../../src/data/tokenizer.js';
import { changedWords } from '../../src/data/word-diff.js';
import { createRng } from '../../src/runtime/random.js';
import { shuffleInPlace } from './seeded.js';

const PART = 256;

export interface ReconstructionFigures {
  sentences: number;
  /** Words of the greedy reconstruction from the posterior mean equal to the input's, position by position. */
  recon_word_accuracy: number;
  /** The input's words found in order in the reconstruction (a longest common subsequence). */
  recon_word_recall_in_order: number;
  /** Sentences reconstructed exactly. */
  recon_exact_sentences: number;
  /** Pieces right, position by position (the model's own units). */
  recon_piece_accuracy: number;
  /**
   * Pieces right when every piece before is the sentence's own (teacher forcing): what the
   * decoder knows one step at a time, before its own mistakes become its input.
   */
  recon_piece_accuracy_teacher_forced: number;
  kl_per_sentence: number;
  reconstruction_per_sentence: number;
  /** −ELBO with one code sample: an upper bound on −log p(sentence), nats. */
  nll_per_sentence: number;
  active_units: number;
}

/**
 * A reconstruction against its input, in words (split at spaces, case and punctuation kept): how
 * many of the input's words it has at the same position, how many in order (a longest common
 * subsequence, so one word dropped early does not make every later word wrong), and whether the
 * two are the same text.
 */
export function compareWords(
  input: string,
  reconstruction: string,
): { words: number; right: number; inOrder: number; exact: boolean } {
  const reference = splitWords(input);
  const hypothesis = splitWords(reconstruction);
  return {
    words: reference.length,
    right: reference.filter((w, i) => hypothesis[i] === w).length,
    inOrder: changedWords(hypothesis, reference).filter((changed) => !changed).length,
    exact: reference.join(' ') === hypothesis.join(' '),
  };
}

export async function evaluateReconstruction(
  model: SentenceVae,
  vocabulary: Vocabulary,
  texts: readonly string[],
): Promise<ReconstructionFigures> {
  let words = 0;
  let wordsRight = 0;
  let inOrder = 0;
  let exact = 0;
  let pieces = 0;
  let piecesRight = 0;
  let piecesRightTeacherForced = 0;
  let reconstruction = 0;
  let kl = 0;
  const means: number[][] = [];
  for (let start = 0; start < texts.length; start += PART) {
    const part = texts.slice(start, start + PART);
    const ids = part.map((text) => vocabulary.encode(text).ids);
    const { mean, logVar } = model.encode(ids);
    const decoded = await model.decode(mean);
    const stepByStep = await teacherForcedChoices(model, mean, ids);
    stepByStep.forEach((out, b) => (piecesRightTeacherForced += piecesInPlace(ids[b], out)));
    decoded.forEach((out, b) => {
      const score = compareWords(part[b], vocabulary.decode(out));
      words += score.words;
      wordsRight += score.right;
      inOrder += score.inOrder;
      exact += score.exact ? 1 : 0;
      pieces += ids[b].length;
      piecesRight += piecesInPlace(ids[b], out);
    });
    const losses = model.losses(ids, { rng: createRng(start + 1) });
    const sums = [tf.sum(losses.reconstruction), tf.sum(losses.klPerDimension)];
    reconstruction += (await sums[0].data())[0];
    kl += (await sums[1].data())[0];
    means.push(...(await mean.array()));
    tf.dispose([mean, logVar, losses.reconstruction, losses.klPerDimension, losses.code, ...sums]);
  }
  const n = texts.length;
  return {
    sentences: n,
    recon_word_accuracy: round(wordsRight / words, 4),
    recon_word_recall_in_order: round(inOrder / words, 4),
    recon_exact_sentences: round(exact / n, 4),
    recon_piece_accuracy: round(piecesRight / pieces, 4),
    recon_piece_accuracy_teacher_forced: round(piecesRightTeacherForced / pieces, 4),
    kl_per_sentence: round(kl / n, 2),
    reconstruction_per_sentence: round(reconstruction / n, 2),
    nll_per_sentence: round((reconstruction + kl) / n, 2),
    active_units: activeUnits(means),
  };
}

/** How many of a sentence's pieces `out` has at the same position. */
function piecesInPlace(sentence: TokenIds, out: readonly number[]): number {
  return sentence.filter((id, t) => out[t] === id).length;
}

/**
 * The piece greedy decoding would choose at each position of each sentence if every piece before
 * it were the sentence's own (teacher forcing), from the codes given.
 */
export async function teacherForcedChoices(
  decoder: StepwiseDecoder,
  codes: tf.Tensor2D,
  sentences: readonly TokenIds[],
): Promise<number[][]> {
  const steps = Math.max(1, ...sentences.map((s) => s.length));
  const choices = tf.tidy(() => {
    const constants = decoder.decodingConstants(codes);
    const banned = bannedPieces(decoder.config.vocabularySize);
    let state = constants.start;
    const chosen: tf.Tensor1D[] = [];
    for (let t = 0; t < steps; t++) {
      const previous = tf.tensor1d(
        sentences.map((s) => (t === 0 ? BOS : (s[t - 1] ?? EOS))),
        'int32',
      );
      const step = decoder.decoderStep(previous, state, constants);
      state = step.state;
      chosen.push(tf.argMax<tf.Tensor1D>(tf.add(step.logits, banned), 1));
    }
    return tf.stack(chosen, 1);
  });
  const rows = (await choices.array()) as number[][];
  choices.dispose();
  return rows.map((row, b) => row.slice(0, sentences[b].length));
}

/** Dimensions whose posterior mean varies across sentences (variance > 0.01, Burda et al. 2016). */
function activeUnits(means: number[][]): number {
  let active = 0;
  for (let d = 0; d < (means[0]?.length ?? 0); d++) {
    const values = means.map((m) => m[d]);
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - average) ** 2, 0) / values.length;
    if (variance > 0.01) active++;
  }
  return active;
}

export interface Morph {
  from: string;
  to: string;
  /** steps + 2 decoded sentences: the reconstruction of `from`, the points between, that of `to`. */
  path: string[];
}

/** Greedy morphs from texts[2i] to texts[2i + 1], `steps` points between the ends, as the element walks. */
export async function morphPairs(
  model: SentenceVae,
  vocabulary: Vocabulary,
  texts: readonly string[],
  pairs: number,
  steps: number,
): Promise<Morph[]> {
  const used = texts.slice(0, 2 * pairs);
  const means: number[][] = [];
  for (let start = 0; start < used.length; start += PART) {
    const { mean, logVar } = model.encode(
      used.slice(start, start + PART).map((text) => vocabulary.encode(text).ids),
    );
    means.push(...(await mean.array()));
    tf.dispose([mean, logVar]);
  }
  // The points m_a + f (m_b − m_a), f = 0, 1/(steps+1), …, 1: the same line the model's morph() walks.
  const codes: number[][] = [];
  for (let i = 0; 2 * i + 1 < used.length; i++) {
    const [a, b] = [means[2 * i], means[2 * i + 1]];
    for (let k = 0; k <= steps + 1; k++)
      codes.push(a.map((x, d) => x + (k / (steps + 1)) * (b[d] - x)));
  }
  const sentences: string[] = [];
  for (let start = 0; start < codes.length; start += PART) {
    const batch = tf.tensor2d(codes.slice(start, start + PART));
    sentences.push(...(await model.decode(batch)).map((ids) => vocabulary.decode(ids)));
    batch.dispose();
  }
  const morphs: Morph[] = [];
  for (let i = 0; i < codes.length / (steps + 2); i++) {
    morphs.push({
      from: used[2 * i],
      to: used[2 * i + 1],
      path: sentences.slice(i * (steps + 2), (i + 1) * (steps + 2)),
    });
  }
  return morphs;
}

export interface FluencyFigures {
  /** Per-word perplexity of held-out real sentences under the 3-gram model. */
  heldout_perplexity: number;
  /** The same for the interior points of the morphs (the ends, reconstructions, left out). */
  midpoint_perplexity: number;
  midpoint_perplexity_ratio: number;
  /** The same for the reconstructions (the morphs' ends). */
  reconstruction_perplexity: number;
  /** Interior points that read exactly like one of their morph's two ends. */
  midpoints_equal_to_an_end: number;
  /** Interior points that repeat the point before them. */
  midpoints_equal_to_previous: number;
  morphs: number;
  lm_fitting_sentences: number;
  lm_vocabulary: number;
  /** Words outside the 3-gram model's vocabulary (read as its <unk>), real and midpoints. */
  lm_unknown_share_heldout: number;
  lm_unknown_share_midpoints: number;
  /**
   * Words found nowhere in the training or n-gram text (made-up words, for a model that writes in
   * pieces): in held-out real sentences (new names and rare words), in midpoints, in reconstructions.
   */
  nonword_share_heldout: number;
  nonword_share_midpoints: number;
  nonword_share_reconstructions: number;
}

/** The share of the words (lower case, punctuation left out) of `texts` that are not in `known`. */
export function nonwordShare(texts: readonly string[], known: ReadonlySet<string>): number {
  const words = texts.flatMap((text) => lmWords(text).filter((w) => /\p{L}/u.test(w)));
  return words.filter((w) => !known.has(w)).length / Math.max(1, words.length);
}

export function fluency(
  lm: KneserNeyTrigram,
  lmSentences: number,
  heldOut: readonly string[],
  morphs: readonly Morph[],
  knownWords: ReadonlySet<string> = lm.vocabulary,
): FluencyFigures {
  const midpoints = morphs.flatMap((m) => m.path.slice(1, -1));
  const ends = morphs.flatMap((m) => [m.path[0], m.path[m.path.length - 1]]);
  const real = lm.perplexity(heldOut);
  const middle = lm.perplexity(midpoints);
  let equalEnd = 0;
  let equalPrevious = 0;
  for (const m of morphs) {
    const [first, last] = [m.path[0], m.path[m.path.length - 1]];
    m.path.slice(1, -1).forEach((s, i) => {
      equalEnd += s === first || s === last ? 1 : 0;
      equalPrevious += s === m.path[i] ? 1 : 0;
    });
  }
  return {
    heldout_perplexity: round(real.perplexity, 1),
    midpoint_perplexity: round(middle.perplexity, 1),
    midpoint_perplexity_ratio: round(middle.perplexity / real.perplexity, 3),
    reconstruction_perplexity: round(lm.perplexity(ends).perplexity, 1),
    midpoints_equal_to_an_end: round(equalEnd / midpoints.length, 4),
    midpoints_equal_to_previous: round(equalPrevious / midpoints.length, 4),
    morphs: morphs.length,
    lm_fitting_sentences: lmSentences,
    lm_vocabulary: lm.vocabulary.size,
    lm_unknown_share_heldout: round(real.unknownShare, 4),
    lm_unknown_share_midpoints: round(middle.unknownShare, 4),
    nonword_share_heldout: round(nonwordShare(heldOut, knownWords), 4),
    nonword_share_midpoints: round(nonwordShare(midpoints, knownWords), 4),
    nonword_share_reconstructions: round(nonwordShare(ends, knownWords), 4),
  };
}

/** `count` of `items`, chosen by a seeded shuffle (not by hand), in their original order. */
export function chooseBySeed<T>(items: readonly T[], count: number, seed: number): T[] {
  return shuffleInPlace(
    items.map((_, i) => i),
    createRng(seed),
  )
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/**
 * What the model writes on its own: `count` codes drawn from the prior N(0, I) with a fixed
 * seed, decoded greedily, as the element's `decode(code)` would.
 */
export async function priorSamples(
  model: SentenceVae,
  vocabulary: Vocabulary,
  count: number,
  seed: number,
): Promise<string[]> {
  const sentences: string[] = [];
  for (let start = 0; start < count; start += PART) {
    const codes = tf.randomNormal<tf.Rank.R2>(
      [Math.min(PART, count - start), model.config.latentSize],
      0,
      1,
      'float32',
      seed + start,
    );
    sentences.push(...(await model.decode(codes)).map((ids) => vocabulary.decode(ids)));
    codes.dispose();
  }
  return sentences;
}

/**
 * Held-out words right (as `recon_word_accuracy`) for greedy decoding and for a beam of `width`
 * whose hypotheses are reranked with each weight in `weights` (0: the beam's own best), all from
 * the codes' means: what RERANK_WEIGHT is chosen by.
 */
export async function compareDecodings(
  model: SentenceVae,
  vocabulary: Vocabulary,
  texts: readonly string[],
  width: number,
  weights: readonly number[],
): Promise<Record<string, number>> {
  const counts = new Map<string, { right: number; words: number }>();
  const add = (name: string, input: string, ids: readonly number[]) => {
    const score = compareWords(input, vocabulary.decode(ids));
    const entry = counts.get(name) ?? { right: 0, words: 0 };
    counts.set(name, { right: entry.right + score.right, words: entry.words + score.words });
  };
  for (let start = 0; start < texts.length; start += 64) {
    const part = texts.slice(start, start + 64);
    const { mean, logVar } = model.encode(part.map((text) => vocabulary.encode(text).ids));
    (await model.decode(mean)).forEach((ids, i) => add('greedy', part[i], ids));
    const beam = await beamHypotheses(model, mean, width);
    const distances = await model.reencodingDistances(mean, beam.sentences);
    for (const weight of weights)
      rerank(beam, distances, weight).forEach((ids, i) =>
        add(`beam ${width}, rerank weight ${weight}`, part[i], ids),
      );
    tf.dispose([mean, logVar]);
  }
  return Object.fromEntries([...counts].map(([name, c]) => [name, round(c.right / c.words, 4)]));
}
