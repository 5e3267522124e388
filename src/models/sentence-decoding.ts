/**
 * Decoding loops for the sentence VAE: codes → piece ids, one decoder step at a time.
 *
 *   greedy    w_t = argmax_w p(w | w_<t, c)
 *   sample    w_t ~ softmax(logits / T), drawn as argmax(logits / T + g), g Gumbel noise
 *   beam      keep the `width` most likely prefixes per code; finally the one whose
 *             log-probability divided by its length is highest
 *
 * Every code runs in one batch for maxTokens + 1 steps and the result is read once at the end.
 * PAD, BOS and UNK (only ever a dropped decoder input, never a target) are never chosen.
 *
 * With a lexicon (src/data/lexicon.ts), every word the loops finish is a known word: at each step
 * the pieces that would start or continue a word outside it are masked out. That needs the
 * pieces chosen so far, so the choices are read at every step; the loop also stops as soon as
 * every sentence has ended.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FusedGru } from './ops.js';
import { createRng, type Rng } from '../runtime/random.js';
import { BOS, EOS, PAD, UNK } from '../data/tokenizer.js';
import type { Lexicon, LexiconState } from '../data/lexicon.js';
import type { DecodeOptions, SentenceVaeConfig } from './plain-types.js';

export type { DecodeOptions };

export type Decoding = 'greedy' | 'sample' | 'beam';

/** See `SentenceVae.decodingConstants`. */
export type DecodingConstants = {
  gru: FusedGru; // its inputWeight is the word part only
  codeTerms: tf.Tensor2D; // W_c c + b, [batch, 3·decoderSize]
  outputTable: tf.Tensor2D; // Eᵀ, [embeddingSize, vocabularySize]
  start: tf.Tensor2D; // s_0
};

/** What the loops need of a model: its decoder, one step at a time. */
export interface StepwiseDecoder {
  readonly config: SentenceVaeConfig;
  /** The words it may write (none: any piece sequence). */
  readonly lexicon?: Lexicon;
  decodingConstants(codes: tf.Tensor2D): DecodingConstants;
  decoderStep(
    previous: tf.Tensor1D,
    s: tf.Tensor2D,
    constants: DecodingConstants,
  ): { state: tf.Tensor2D; logits: tf.Tensor2D };
}

/** Greedy decoding, or sampling when `sampling` is given. */
export async function decodeStepwise(
  decoder: StepwiseDecoder,
  codes: tf.Tensor2D,
  sampling?: { temperature: number; seed?: number },
): Promise<number[][]> {
  if (decoder.lexicon) return decodeInLexicon(decoder, decoder.lexicon, codes, sampling);
  const rng = createRng(sampling?.seed);
  const { maxTokens } = decoder.config;
  const pieces = tf.tidy(() => {
    const n = codes.shape[0];
    let previous: tf.Tensor1D = tf.fill([n], BOS, 'int32');
    const constants = decoder.decodingConstants(codes);
    const banned = bannedPieces(decoder.config.vocabularySize);
    let s = constants.start;
    const chosen: tf.Tensor1D[] = [];
    for (let t = 0; t <= maxTokens; t++) {
      const step = decoder.decoderStep(previous, s, constants);
      s = step.state;
      previous = choose(tf.add(step.logits, banned), sampling, rng);
      chosen.push(previous);
    }
    return tf.stack(chosen, 1); // [n, maxTokens + 1]
  });
  const rows = (await pieces.array()) as number[][];
  pieces.dispose();
  return rows.map((row) => untilEos(row, maxTokens));
}

/** The most likely piece per row, or with `sampling` a draw from softmax(logits / T). */
function choose(
  logits: tf.Tensor2D,
  sampling: { temperature: number } | undefined,
  rng: Rng,
): tf.Tensor1D {
  if (!sampling) return tf.argMax<tf.Tensor1D>(logits, 1);
  // Gumbel-max: argmax(logits / T + Gumbel noise) is a draw from softmax(logits / T).
  const uniform = tf.randomUniform(logits.shape, 1e-9, 1, 'float32', rng.nextSeed());
  return tf.argMax<tf.Tensor1D>(
    tf.sub(tf.div(logits, sampling.temperature), tf.log(tf.neg(tf.log(uniform)))),
    1,
  );
}

/**
 * `decodeStepwise` with every finished word in `lexicon`: one step, one read, at a time. (The
 * lexicon's masks block PAD, BOS and UNK too.)
 */
async function decodeInLexicon(
  decoder: StepwiseDecoder,
  lexicon: Lexicon,
  codes: tf.Tensor2D,
  sampling?: { temperature: number; seed?: number },
): Promise<number[][]> {
  const rng = createRng(sampling?.seed);
  const { maxTokens, vocabularySize: V } = decoder.config;
  const n = codes.shape[0];
  const rows: number[][] = Array.from({ length: n }, () => []);
  const states: LexiconState[] = Array.from({ length: n }, () => lexicon.start());
  const ended = new Array<boolean>(n).fill(false);
  const constants = decoder.decodingConstants(codes);
  let s = constants.start;
  let previous: tf.Tensor1D = tf.fill([n], BOS, 'int32');
  try {
    for (let t = 0; t <= maxTokens && ended.includes(false); t++) {
      const masks = new Float32Array(n * V);
      states.forEach((state, i) => masks.set(lexicon.mask(state), i * V));
      const [state, choice] = tf.tidy(() => {
        const step = decoder.decoderStep(previous, s, constants);
        const allowed = tf.add<tf.Tensor2D>(step.logits, tf.tensor2d(masks, [n, V]));
        return [step.state, choose(allowed, sampling, rng)];
      });
      if (s !== constants.start) s.dispose();
      previous.dispose();
      [s, previous] = [state, choice];
      const chosen = await choice.data();
      chosen.forEach((id, i) => {
        if (ended[i]) return;
        if (id === EOS) ended[i] = true;
        else {
          rows[i].push(id);
          states[i] = lexicon.next(states[i], id);
        }
      });
    }
  } finally {
    if (s !== constants.start) s.dispose();
    previous.dispose();
    disposeConstants(constants);
  }
  return rows.map((row) => row.slice(0, maxTokens));
}

/** A beam search's result: every code's `width` final hypotheses (EOS cut off) and their scores. */
export interface BeamHypotheses {
  sentences: number[][][];
  /** Log-probability divided by length, per hypothesis. */
  scores: number[][];
}

/** Beam search: of each code's hypotheses, the one with the best score. */
export async function beamSearch(
  decoder: StepwiseDecoder,
  codes: tf.Tensor2D,
  width: number,
): Promise<number[][]> {
  const { sentences, scores } = await beamHypotheses(decoder, codes, width);
  return sentences.map((hypotheses, i) => hypotheses[indexOfMax(scores[i])]);
}

export function indexOfMax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
}

/**
 * Of each code's hypotheses, the one whose score less `weight` times its distance (see
 * `SentenceVae.reencodingDistances`) is best; an empty sentence never wins.
 */
export function rerank(
  { sentences, scores }: BeamHypotheses,
  distances: readonly (readonly number[])[],
  weight: number,
): number[][] {
  return sentences.map((hypotheses, i) => {
    const combined = hypotheses.map((s, k) =>
      s.length ? scores[i][k] - weight * distances[i][k] : -Infinity,
    );
    return hypotheses[indexOfMax(combined)];
  });
}

/**
 * Beam search, all codes at once: `width` hypotheses per code, scored by their log-probability
 * divided by their length (so that short sentences are not favoured just for being short). With
 * a lexicon, each hypothesis keeps its own word state, read back after every step.
 */
export async function beamHypotheses(
  decoder: StepwiseDecoder,
  codes: tf.Tensor2D,
  width: number,
): Promise<BeamHypotheses> {
  const { vocabularySize: V, maxTokens } = decoder.config;
  const lexicon = decoder.lexicon;
  const n = codes.shape[0];
  // Every hypothesis of code i is a row i·width + k; all start from BOS, only k = 0 counts at first.
  const fixed = tf.tidy(() => {
    const beamCodes = tf.reshape<tf.Rank.R2>(tf.tile(tf.expandDims(codes, 1), [1, width, 1]), [
      n * width,
      -1,
    ]);
    return {
      constants: decoder.decodingConstants(beamCodes),
      banned: bannedPieces(V),
      // (int32 scalars: a plain number would turn the index arithmetic into float32)
      vocabularySize: tf.scalar(V, 'int32'),
      rowBase: tf.tensor2d(
        Array.from({ length: n }, (_, i) => [i * width]),
        [n, 1],
        'int32',
      ),
      // A finished hypothesis may only continue with PAD, at no cost.
      padOnly: tf.reshape(tf.sub(tf.mul(tf.oneHot(tf.tensor1d([PAD], 'int32'), V), 1e9), 1e9), [
        1,
        1,
        V,
      ]),
    };
  });
  let beam = tf.tidy(() => ({
    s: tf.clone(fixed.constants.start),
    previous: tf.fill<tf.Rank.R1>([n * width], BOS, 'int32'),
    scores: tf.tile<tf.Tensor>(tf.tensor2d([[0, ...Array<number>(width - 1).fill(-1e9)]]), [n, 1]), // [n, width]
    finished: tf.zeros([n, width]), // 1 once EOS has been chosen
    lengths: tf.zeros([n, width]),
    // the words so far of every hypothesis, [n·width, t] (none before the first step)
    history: undefined as tf.Tensor2D | undefined,
  }));
  let states: LexiconState[] = Array.from({ length: n * width }, () => lexicon?.start() ?? '');
  try {
    for (let t = 0; t <= maxTokens; t++) {
      const masks = lexicon ? new Float32Array(n * width * V) : undefined;
      states.forEach((state, i) => masks?.set(lexicon!.mask(state), i * V));
      const next = tf.tidy(() => {
        const { s, previous, scores, finished, lengths, history } = beam;
        const step = decoder.decoderStep(previous, s, fixed.constants);
        // (the lexicon's masks block PAD, BOS and UNK too)
        const blocked = masks ? tf.tensor2d(masks, [n * width, V]) : fixed.banned;
        const logits = tf.add(step.logits, blocked);
        const logProbs = tf.reshape(tf.logSoftmax(logits), [n, width, V]);
        const done = tf.expandDims(finished, 2);
        const stepScores = tf.add(tf.mul(logProbs, tf.sub(1, done)), tf.mul(fixed.padOnly, done));
        const total = tf.reshape(tf.add(tf.expandDims(scores, 2), stepScores), [n, width * V]);
        const best = tf.topk(total, width);
        const parent = tf.floorDiv(best.indices, fixed.vocabularySize); // which hypothesis each survivor extends
        const word = tf.sub(best.indices, tf.mul(parent, fixed.vocabularySize));
        const rows = tf.reshape<tf.Rank.R1>(tf.add(parent, fixed.rowBase), [-1]);
        const wasFinished = tf.reshape(tf.gather(tf.reshape(finished, [-1]), rows), [n, width]);
        return {
          rows,
          s: tf.gather<tf.Tensor2D>(step.state, rows),
          previous: tf.reshape<tf.Rank.R1>(word, [-1]),
          scores: best.values,
          finished: tf.maximum(wasFinished, tf.cast(tf.equal(word, EOS), 'float32')),
          lengths: tf.add(
            tf.reshape(tf.gather(tf.reshape(lengths, [-1]), rows), [n, width]),
            tf.sub(1, wasFinished),
          ),
          history: history
            ? tf.concat<tf.Tensor2D>(
                [tf.gather(history, rows), tf.reshape<tf.Rank.R2>(word, [-1, 1])],
                1,
              )
            : tf.reshape<tf.Rank.R2>(word, [-1, 1]),
        };
      });
      tf.dispose(Object.values(beam).filter((t) => t !== undefined));
      const { rows, ...carried } = next;
      beam = carried;
      if (lexicon) {
        const [parents, words] = await Promise.all([rows.data(), carried.previous.data()]);
        states = Array.from(parents, (p, j) => lexicon.next(states[p], words[j]));
      }
      rows.dispose();
    }
    const normalised = tf.tidy(() => tf.div(beam.scores, tf.maximum(beam.lengths, 1)));
    const [scores, rows] = await Promise.all([
      normalised.array() as Promise<number[][]>,
      beam.history!.array(),
    ]);
    normalised.dispose();
    return {
      scores,
      sentences: scores.map((_, i) =>
        rows.slice(i * width, (i + 1) * width).map((row) => untilEos(row, maxTokens)),
      ),
    };
  } finally {
    tf.dispose(Object.values(beam).filter((t) => t !== undefined));
    const { constants, ...rest } = fixed;
    disposeConstants(constants);
    tf.dispose(Object.values(rest));
  }
}

/** −∞ (nearly) for the pieces a decoder must not choose: PAD, BOS and UNK; 0 elsewhere. */
export function bannedPieces(vocabularySize: number): tf.Tensor1D {
  const mask = new Float32Array(vocabularySize);
  for (const id of [PAD, BOS, UNK]) mask[id] = -1e9;
  return tf.tensor1d(mask);
}

/** The pieces before EOS, at most `maxTokens` (a decoder that never says EOS is cut off). */
function untilEos(row: number[], maxTokens: number): number[] {
  const end = row.indexOf(EOS);
  return (end < 0 ? row : row.slice(0, end)).filter((id) => id !== PAD).slice(0, maxTokens);
}

function disposeConstants(constants: DecodingConstants): void {
  const { gru, ...rest } = constants;
  tf.dispose([...Object.values(gru), ...Object.values(rest)]);
}
