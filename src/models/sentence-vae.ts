/**
 * A sentence VAE after Bowman et al. 2016, "Generating Sentences from a Continuous Space":
 *
 *   encoder   h_t = GRU(E w_t, h_{t−1})                 reads the sentence's pieces w_1 … w_L
 *                                                       (subwords: see src/data/tokenizer.ts)
 *             m = W_m h_L + b_m,  σ = W_σ h_L + b_σ       σ is the log-variance, as everywhere here
 *   code      c = exp(σ/2) ⊙ e + m,  e ~ N(0, I)
 *   decoder   s_0 = tanh(W_s c + b_s)
 *             s_t = GRU([E w_{t−1}, c], s_{t−1})         w_0 = BOS; c is fed at every step
 *             p(w_t | w_<t, c) = softmax(E W_o s_t + b_o)  until EOS; the output shares the
 *                                                          word vectors E with the input (Press
 *                                                          and Wolf 2017): half the cost, half
 *                                                          the parameters of a separate 4k table
 *   loss      −log p(w | c) + β · KL(q(c | w) ‖ N(0, I))
 *
 * Left alone, the decoder learns to be a language model and ignores c: the KL falls towards 0
 * and every code decodes to the same sentence ("posterior collapse"). Three remedies from the
 * literature keep the code in use, all applied in training only:
 *   - word dropout (Bowman): some decoder inputs w_{t−1} are replaced by UNK, so the decoder
 *     cannot lean on the words so far and must read c;
 *   - free bits (Kingma et al. 2016): each code dimension's KL, averaged over the batch, is
 *     charged only above a floor λ, so using up to λ nats per dimension costs nothing;
 *   - a bag-of-words loss (Zhao et al. 2017): c alone must predict which words the sentence
 *     contains (the training script adds it; its small head is not part of the model).
 *
 * Decoding (sentence-decoding.ts): greedy (the most likely piece at each step), sampling (with a
 * temperature), or beam search. A morph encodes two sentences, walks the straight line between their means, and
 * decodes every point.
 *
 * Written for WASM, where fine-tuning runs in the page: dense products use `linear` (explicit
 * transposes in the gradient), the embedding lookup has its own gradient (the WASM backend has no
 * kernel for the built-in one), and tanh goes through the sigmoid.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  affine,
  createLayer,
  linear,
  linearParameters,
  matMulFast,
  type LinearParams,
} from './linear.js';
import {
  createGru,
  fuseGru,
  fusedGruStep,
  fusedInputs,
  gruParameters,
  tanh,
  type FusedGru,
  type GruParams,
} from './gru.js';
import {
  assignArtifacts,
  parametersToArtifacts,
  WeightsError,
  type ModelDescription,
} from '../runtime/weights-format.js';
import { createRng, type Rng } from '../runtime/random.js';
import {
  beamSearch,
  decodeStepwise,
  type DecodeOptions,
  type DecodingConstants,
} from './sentence-decoding.js';

export type { Decoding, DecodeOptions, DecodingConstants } from './sentence-decoding.js';
import { BOS, EOS, PAD, UNK, Vocabulary } from '../data/tokenizer.js';
import type { SentenceVaeConfig } from './plain-types.js';

export type { SentenceVaeConfig };

/** The bundled model (weights/sentence-vae/). */
export const SENTENCE_VAE_CONFIG: SentenceVaeConfig = {
  vocabularySize: 4096,
  maxTokens: 24,
  embeddingSize: 192,
  encoderSize: 384,
  decoderSize: 384,
  latentSize: 32,
};

/** A sentence as piece ids (no BOS, no EOS). */
export type TokenIds = readonly number[];

export interface Posterior {
  mean: tf.Tensor2D; // m, [batch, latentSize]
  logVar: tf.Tensor2D; // σ, [batch, latentSize]
}

/**
 * The remedies against collapse the bundled weights were last trained with (the training
 * script's defaults; the card lists each session's), which fine-tuning in the page keeps too.
 */
export const TRAINING_OBJECTIVE = { freeBits: 1.5, wordDropout: 0.3 } as const;

export interface ObjectiveOptions {
  /** β, the weight of the KL term (1: the ELBO). */
  klWeight?: number;
  /** λ, nats per code dimension not charged (free bits; 0: none). */
  freeBits?: number;
  /** Probability of replacing each decoder input piece by UNK. */
  wordDropout?: number;
  /** Random numbers for the code's noise and the word dropout. */
  rng?: Rng;
}

export interface SentenceLosses {
  /** −log p(w | c) per sentence, nats, [batch]. */
  reconstruction: tf.Tensor1D;
  /** KL(q(c | w) ‖ N(0, I)) per sentence and dimension, nats, [batch, latentSize]. */
  klPerDimension: tf.Tensor2D;
  /** The code c that was decoded, [batch, latentSize]. */
  code: tf.Tensor2D;
}

export class SentenceVae {
  readonly config: SentenceVaeConfig;
  /** The pieces behind the ids, when the weights carry them. */
  vocabulary?: string[];
  private readonly embedding: tf.Variable; // E, [vocabularySize, embeddingSize]
  private readonly encoderGru: GruParams;
  private readonly meanHead: LinearParams;
  private readonly logVarHead: LinearParams;
  private readonly decoderInit: LinearParams;
  private readonly decoderGru: GruParams;
  private readonly outputProjection: LinearParams; // W_o, decoder state → word-vector space
  private readonly outputBias: tf.Variable; // b_o, [vocabularySize]

  constructor(config: SentenceVaeConfig = SENTENCE_VAE_CONFIG, seed = 1) {
    this.config = config;
    const c = config;
    let nextSeed = seed;
    const seeds = () => nextSeed++;
    this.embedding = tf.tidy(() =>
      tf.variable(tf.randomNormal([c.vocabularySize, c.embeddingSize], 0, 0.1, 'float32', seeds())),
    );
    this.encoderGru = createGru(c.embeddingSize, c.encoderSize, seeds);
    this.meanHead = createLayer(c.encoderSize, c.latentSize, seeds(), 'linear');
    this.logVarHead = createLayer(c.encoderSize, c.latentSize, seeds(), 'linear');
    this.decoderInit = createLayer(c.latentSize, c.decoderSize, seeds(), 'linear');
    this.decoderGru = createGru(c.embeddingSize + c.latentSize, c.decoderSize, seeds);
    this.outputProjection = createLayer(c.decoderSize, c.embeddingSize, seeds(), 'linear');
    this.outputBias = tf.tidy(() => tf.variable(tf.zeros([c.vocabularySize])));
  }

  // ---- encoder -------------------------------------------------------------------------------

  /** q(c | w) for each sentence: its mean m and log-variance σ. */
  encode(sentences: readonly TokenIds[]): Posterior {
    return tf.tidy(() => {
      const { ids, masks } = this.encoderInputs(sentences);
      const gru = fuseGru(this.encoderGru);
      const inputTerms = fusedInputs(this.lookup(ids), gru.inputWeight, masks.length);
      let h: tf.Tensor2D = tf.zeros([sentences.length, this.config.encoderSize]);
      inputTerms.forEach((x, t) => {
        // A sentence that has ended keeps its state: h ← h + mask ⊙ (GRU(x, h) − h).
        const next = fusedGruStep(tf.add<tf.Tensor2D>(x, gru.inputBias), h, gru);
        h = tf.add(h, tf.mul(masks[t], tf.sub(next, h)));
      });
      return { mean: linear(h, this.meanHead), logVar: linear(h, this.logVarHead) };
    });
  }

  // ---- training ------------------------------------------------------------------------------

  /** Reconstruction and KL of each sentence, with a code drawn from q(c | w) (teacher forcing). */
  losses(sentences: readonly TokenIds[], options: ObjectiveOptions = {}): SentenceLosses {
    return tf.tidy(() => {
      const rng = options.rng ?? createRng();
      const { mean, logVar } = this.encode(sentences);
      const noise = tf.randomNormal(mean.shape, 0, 1, 'float32', rng.nextSeed());
      const code = tf.add<tf.Tensor2D>(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), noise));
      // KL(N(m, exp σ) ‖ N(0, 1)) = ½ (exp σ + m² − 1 − σ), per dimension.
      const klPerDimension = tf.mul<tf.Tensor2D>(
        tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(logVar, 1)),
        0.5,
      );
      const reconstruction = this.reconstruction(code, sentences, options.wordDropout ?? 0, rng);
      return { reconstruction, klPerDimension, code };
    });
  }

  /**
   * The training objective, averaged over the batch: reconstruction + β · Σ_d max(KL_d, λ), where
   * KL_d is dimension d's KL averaged over the batch; `extra` may add a loss on the code.
   */
  objective(
    sentences: readonly TokenIds[],
    options: ObjectiveOptions = {},
    extra?: (code: tf.Tensor2D) => tf.Scalar,
  ): tf.Scalar {
    return tf.tidy(() => {
      const { reconstruction, klPerDimension, code } = this.losses(sentences, options);
      const klPerDim = tf.mean(klPerDimension, 0);
      const charged = tf.sum(tf.maximum(klPerDim, options.freeBits ?? 0));
      let loss = tf.add(tf.mean(reconstruction), tf.mul(charged, options.klWeight ?? 1));
      if (extra) loss = tf.add(loss, extra(code));
      return loss as tf.Scalar;
    });
  }

  /** One optimiser step on `objective`; returns the loss (the caller disposes it). */
  trainStep(
    optimizer: tf.Optimizer,
    sentences: readonly TokenIds[],
    options: ObjectiveOptions = {},
    extra?: { parameters: tf.Variable[]; loss: (code: tf.Tensor2D) => tf.Scalar },
  ): tf.Scalar {
    return tf.tidy(() => {
      const parameters = [...Object.values(this.namedParameters()), ...(extra?.parameters ?? [])];
      const { value, grads } = tf.variableGrads(
        () => this.objective(sentences, options, extra?.loss),
        parameters,
      );
      optimizer.applyGradients(grads);
      return value;
    });
  }

  // ---- decoder -------------------------------------------------------------------------------

  /** −log p(w | c) of each sentence under its code (no word dropout), [batch]. */
  nllGivenCode(codes: tf.Tensor2D, sentences: readonly TokenIds[]): tf.Tensor1D {
    return tf.tidy(() => {
      this.checkSentences(sentences);
      return this.reconstruction(codes, sentences, 0, createRng(0));
    });
  }

  /** −log p(w | c) per sentence (teacher forcing; EOS included), [batch]. */
  private reconstruction(
    code: tf.Tensor2D,
    sentences: readonly TokenIds[],
    wordDropout: number,
    rng: Rng,
  ): tf.Tensor1D {
    const batch = sentences.length;
    const { inputs, targets, weights, steps } = this.decoderInputs(sentences, wordDropout, rng);
    const { gru, codeTerms } = this.decoderGates(code);
    const wordTerms = fusedInputs(this.lookup(inputs), gru.inputWeight, steps);
    let s = this.initialDecoderState(code);
    const states: tf.Tensor2D[] = [];
    for (const x of wordTerms) {
      s = fusedGruStep(tf.add<tf.Tensor2D>(x, codeTerms), s, gru);
      states.push(s);
    }
    const logits = this.wordLogits(tf.concat(states, 0)); // [steps·batch, V], time-major
    const target = tf.oneHot(tf.tensor1d(targets, 'int32'), this.config.vocabularySize);
    // (logSoftmax, not logSumExp: the latter's gradient goes through a max, which WASM runs slowly)
    const perToken = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), target), 1));
    const masked = tf.mul(perToken, tf.tensor1d(weights));
    return tf.sum<tf.Tensor1D>(tf.reshape(masked, [steps, batch]), 0);
  }

  private initialDecoderState(code: tf.Tensor2D): tf.Tensor2D {
    return tanh(linear(code, this.decoderInit)) as tf.Tensor2D;
  }

  /**
   * What a decoding loop needs once rather than at every word: the decoder GRU with its gates
   * fused, the codes' share of its input (the code is the same at every step), Eᵀ for the output,
   * and the start state. The caller disposes it (`tf.dispose(Object.values(…))` or in a tidy).
   * Public for the benchmark, with `decoderStep`.
   */
  decodingConstants(codes: tf.Tensor2D): DecodingConstants {
    return tf.tidy(() => ({
      ...this.decoderGates(codes),
      outputTable: tf.transpose(this.embedding) as tf.Tensor2D,
      start: this.initialDecoderState(codes),
    }));
  }

  /**
   * The decoder GRU fused, its input weights split into the word part (`gru.inputWeight`) and the
   * code part, whose terms W_c c + b are the same at every step and computed here once.
   */
  private decoderGates(codes: tf.Tensor2D): { gru: FusedGru; codeTerms: tf.Tensor2D } {
    const { embeddingSize, latentSize } = this.config;
    const fused = fuseGru(this.decoderGru);
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

  /** One decoder step for a batch of previous words: the new state and the next word's logits. */
  decoderStep(
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

  /** Decoder states → logits over the vocabulary, E W_o s + b_o (`outputTable` = Eᵀ, if already at hand). */
  private wordLogits(
    states: tf.Tensor2D,
    outputTable = tf.transpose(this.embedding) as tf.Tensor2D,
  ): tf.Tensor2D {
    return tf.add<tf.Tensor2D>(
      matMulFast(linear(states, this.outputProjection), outputTable),
      this.outputBias,
    );
  }

  /** Sentences for `codes` ([n, latentSize]) as ids without EOS: greedy, sampled or beam (sentence-decoding.ts). */
  decode(codes: tf.Tensor2D, options: DecodeOptions = {}): Promise<number[][]> {
    const decoding = options.decoding ?? 'greedy';
    if (decoding === 'beam') return beamSearch(this, codes, options.beamWidth ?? 4);
    return decodeStepwise(
      this,
      codes,
      decoding === 'sample'
        ? { temperature: options.temperature ?? 1, seed: options.seed }
        : undefined,
    );
  }

  /** The lecture's morph: `steps` + 2 codes evenly spaced from `from`'s mean to `to`'s (ends included), decoded. */
  async morph(
    from: TokenIds,
    to: TokenIds,
    steps: number,
    options: DecodeOptions = {},
  ): Promise<number[][]> {
    const codes = tf.tidy(() => {
      const { mean } = this.encode([from, to]);
      const [a, b] = tf.unstack(mean);
      const fractions = tf.reshape(tf.linspace(0, 1, steps + 2), [-1, 1]);
      return tf.add<tf.Tensor2D>(a, tf.mul(fractions, tf.sub(b, a)));
    });
    try {
      return await this.decode(codes, options);
    } finally {
      codes.dispose();
    }
  }

  // ---- inputs --------------------------------------------------------------------------------

  /** The word vectors E[ids], [ids, embeddingSize]. */
  private lookup(ids: number[]): tf.Tensor2D {
    return embeddingLookup(this.embedding, tf.tensor1d(ids, 'int32'));
  }

  /** Time-major ids (PAD after each sentence's end) and, per step, which sentences are still going. */
  private encoderInputs(sentences: readonly TokenIds[]): { ids: number[]; masks: tf.Tensor2D[] } {
    this.checkSentences(sentences);
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
   * Decoder inputs BOS w_1 … w_L (each word dropped to UNK with probability `wordDropout`),
   * targets w_1 … w_L EOS, and a weight per position (0 after EOS); all time-major.
   */
  private decoderInputs(sentences: readonly TokenIds[], wordDropout: number, rng: Rng) {
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

  private checkSentences(sentences: readonly TokenIds[]): void {
    const { vocabularySize, maxTokens } = this.config;
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

  // ---- weights -------------------------------------------------------------------------------

  namedParameters(): Record<string, tf.Variable> {
    return {
      embedding: this.embedding,
      ...gruParameters('encoder_gru', this.encoderGru),
      ...linearParameters('encoder_mean', this.meanHead),
      ...linearParameters('encoder_log_var', this.logVarHead),
      ...linearParameters('decoder_init', this.decoderInit),
      ...gruParameters('decoder_gru', this.decoderGru),
      ...linearParameters('decoder_output_projection', this.outputProjection),
      decoder_output_bias: this.outputBias,
    };
  }

  /** What a weights file must declare to load into this model; the vocabulary travels with it. */
  description(): ModelDescription & { vocabulary?: string[] } {
    return {
      model: 'sentence-vae',
      config: this.config,
      ...(this.vocabulary ? { vocabulary: this.vocabulary } : {}),
    };
  }

  /** Replaces every weight and the vocabulary, all or nothing (else a WeightsError): the pieces travel in the file. */
  async setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    const words = (
      artifacts.modelTopology as { generativeElements?: { vocabulary?: unknown } } | undefined
    )?.generativeElements?.vocabulary;
    if (
      !Array.isArray(words) ||
      words.length !== this.config.vocabularySize ||
      !words.every((w) => typeof w === 'string')
    ) {
      throw new WeightsError(
        `These weights carry no vocabulary of ${this.config.vocabularySize} pieces.`,
      );
    }
    try {
      new Vocabulary(words); // checks the specials
    } catch (cause) {
      throw new WeightsError(`The weights' vocabulary is malformed: ${(cause as Error).message}`, {
        cause,
      });
    }
    await assignArtifacts(this.description(), this.namedParameters(), artifacts);
    this.vocabulary = words;
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return parametersToArtifacts(this.description(), this.namedParameters());
  }

  dispose(): void {
    for (const v of Object.values(this.namedParameters())) v.dispose();
  }
}

/**
 * E[ids] with a gradient the WASM backend can run: the built-in one needs UnsortedSegmentSum,
 * which it lacks; a scatter of the incoming rows into a zero table (duplicates add up) is the same.
 */
function embeddingLookup(table: tf.Variable, ids: tf.Tensor1D): tf.Tensor2D {
  const lookup = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [weights, indices] = args as tf.Tensor[];
    (args[2] as tf.GradSaveFunc)([indices]);
    return {
      value: tf.gather(weights, indices),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        tf.scatterND(tf.expandDims(saved[0], 1), dy, weights.shape),
        tf.zerosLike(saved[0]),
      ],
    };
  });
  return lookup(table, ids) as tf.Tensor2D;
}
