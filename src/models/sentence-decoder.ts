/**
 * The sentence VAE's decoder, p(w | c): a GRU that is fed the previous word and the code at every
 * step, from a start state made from the code, and scores the next word against the same word
 * vectors the input uses (Press and Wolf 2017):
 *
 *   s_0 = tanh(W_s c + b_s)
 *   s_t = GRU([E w_{t−1}, c], s_{t−1})                w_0 = BOS
 *   p(w_t | w_<t, c) = softmax(E W_o s_t + b_o)
 *
 * In training every word is known (teacher forcing), so the loop only runs the GRU and the words'
 * scores are computed for all steps at once. Generating (sentence-decoding.ts) goes one
 * `step` at a time, with what does not change between steps computed once (`decodingConstants`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLayer, linearParameters, type LinearParams } from './layer-parameters.js';
import { createGru, fuseGru, gruParameters, type GruParams } from './gru.js';
import {
  affine,
  embeddingLookup,
  fusedGruStep,
  fusedInputs,
  linear,
  matMulFast,
  tanh,
  type FusedGru,
} from './ops.js';
import { withDropout } from './dropout.js';
import { decoderInputs, type TokenIds } from './sentence-batch.js';
import { PAD } from '../data/tokenizer.js';
import { bannedPieces, type DecodingConstants } from './sentence-decoding.js';
import type { Rng } from '../runtime/random.js';
import type { SentenceVaeConfig } from './plain-types.js';

export class SentenceDecoder {
  private readonly init: LinearParams; // W_s, b_s
  private readonly gru: GruParams;
  private readonly outputProjection: LinearParams; // W_o, decoder state → word-vector space
  private readonly outputBias: tf.Variable; // b_o, [vocabularySize]

  /** `embedding`: E, shared with the encoder; `nextSeed` hands out one seed per weight matrix. */
  constructor(
    private readonly config: SentenceVaeConfig,
    private readonly embedding: tf.Variable,
    nextSeed: () => number,
  ) {
    const c = config;
    this.init = createLayer(c.latentSize, c.decoderSize, nextSeed(), 'linear');
    this.gru = createGru(c.embeddingSize + c.latentSize, c.decoderSize, nextSeed);
    this.outputProjection = createLayer(c.decoderSize, c.embeddingSize, nextSeed(), 'linear');
    this.outputBias = tf.tidy(() => tf.variable(tf.zeros([c.vocabularySize])));
  }

  /**
   * −log p(w | c) per sentence (teacher forcing; EOS included), [batch]. With `ownChoices` > 0,
   * each input after the first is, with that probability, the piece the decoder chose itself at
   * the step before (scheduled sampling; no gradient flows through the choice).
   */
  reconstruction(
    code: tf.Tensor2D,
    sentences: readonly TokenIds[],
    wordDropout: number,
    rng: Rng,
    ownChoices = 0,
    dropout = 0,
  ): tf.Tensor1D {
    const batch = sentences.length;
    const { inputs, targets, weights, steps } = decoderInputs(sentences, wordDropout, rng);
    const { gru, codeTerms } = this.gates(code);
    const training = { dropout, rng };
    const wordTerms = fusedInputs(
      withDropout(embeddingLookup(this.embedding, inputs), training),
      gru.inputWeight,
      steps,
    );
    const banned = ownChoices > 0 ? bannedPieces(this.config.vocabularySize) : undefined;
    let s = this.initialState(code);
    const states: tf.Tensor2D[] = [];
    wordTerms.forEach((x, t) => {
      if (banned && t > 0) x = this.mixInOwnChoices(x, s, banned, inputs, t, ownChoices, rng, gru);
      s = fusedGruStep(tf.add<tf.Tensor2D>(x, codeTerms), s, gru);
      states.push(s);
    });
    // All steps' scores in one product: one slice per step would make the gradient split
    // [steps·batch, V] into slices, each a copy of the whole on WASM.
    const logits = this.wordLogits(withDropout(tf.concat(states, 0), training)); // [steps·batch, V], time-major
    const target = tf.oneHot(tf.tensor1d(targets, 'int32'), this.config.vocabularySize);
    // (logSoftmax, not logSumExp: the latter's gradient goes through a max, which WASM runs slowly)
    const perToken = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), target), 1));
    const masked = tf.mul(perToken, tf.tensor1d(weights));
    return tf.sum<tf.Tensor1D>(tf.reshape(masked, [steps, batch]), 0);
  }

  /** See `SentenceVae.decodingConstants`. */
  decodingConstants(codes: tf.Tensor2D): DecodingConstants {
    return tf.tidy(() => ({
      ...this.gates(codes),
      outputTable: tf.transpose(this.embedding) as tf.Tensor2D,
      start: this.initialState(codes),
    }));
  }

  /** One step for a batch of previous words: the new state and the next word's logits. */
  step(
    previous: tf.Tensor1D,
    s: tf.Tensor2D,
    constants: DecodingConstants,
  ): { state: tf.Tensor2D; logits: tf.Tensor2D } {
    const x = tf.gather(this.embedding, previous) as tf.Tensor2D;
    const inputTerms = tf.add<tf.Tensor2D>(
      matMulFast(x, constants.gru.inputWeight),
      constants.codeTerms,
    );
    const state = fusedGruStep(inputTerms, s, constants.gru);
    return { state, logits: this.wordLogits(state, constants.outputTable) };
  }

  /** The decoder's variables by the names weight files use. */
  namedParameters(): Record<string, tf.Variable> {
    return {
      ...linearParameters('decoder_init', this.init),
      ...gruParameters('decoder_gru', this.gru),
      ...linearParameters('decoder_output_projection', this.outputProjection),
      decoder_output_bias: this.outputBias,
    };
  }

  /**
   * Step t's input terms with some rows replaced: where a draw falls below `rate` (and the
   * sentence has not ended), the input is the piece greedy decoding would pick from the state
   * before, `previousState` (`banned` keeps out PAD, BOS and UNK, as there).
   */
  private mixInOwnChoices(
    goldTerms: tf.Tensor2D,
    previousState: tf.Tensor2D,
    banned: tf.Tensor1D,
    inputs: readonly number[],
    t: number,
    rate: number,
    rng: Rng,
    gru: FusedGru,
  ): tf.Tensor2D {
    const batch = goldTerms.shape[0];
    // (Read as numbers: the choice takes no gradient, and these scores none either.)
    const chosen = tf.argMax(tf.add(this.wordLogits(previousState), banned), 1).dataSync();
    const useOwn = Array.from({ length: batch }, (_, b) =>
      inputs[t * batch + b] !== PAD && rng.next() < rate ? 1 : 0,
    );
    const ownTerms = matMulFast(
      embeddingLookup(this.embedding, Array.from(chosen)),
      gru.inputWeight,
    );
    const mask = tf.tensor2d(useOwn, [batch, 1]);
    return tf.add<tf.Tensor2D>(goldTerms, tf.mul(mask, tf.sub(ownTerms, goldTerms)));
  }

  private initialState(code: tf.Tensor2D): tf.Tensor2D {
    return tanh(linear(code, this.init)) as tf.Tensor2D;
  }

  /**
   * The GRU fused, its input weights split into the word part (`gru.inputWeight`) and the code
   * part, whose terms W_c c + b are the same at every step and computed here once.
   */
  private gates(codes: tf.Tensor2D): { gru: FusedGru; codeTerms: tf.Tensor2D } {
    const { embeddingSize, latentSize } = this.config;
    const fused = fuseGru(this.gru);
    const [wordWeight, codeWeight] = tf.split<tf.Tensor2D>(
      fused.inputWeight,
      [embeddingSize, latentSize],
      0,
    );
    return {
      gru: { ...fused, inputWeight: wordWeight },
      codeTerms: affine(codes, codeWeight, fused.inputBias),
    };
  }

  /** Decoder states → logits over the vocabulary, E W_o s + b_o (`outputTable` = Eᵀ, if at hand). */
  private wordLogits(
    states: tf.Tensor2D,
    outputTable = tf.transpose(this.embedding) as tf.Tensor2D,
  ): tf.Tensor2D {
    return tf.add<tf.Tensor2D>(
      matMulFast(linear(states, this.outputProjection), outputTable),
      this.outputBias,
    );
  }
}
