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
 * temperature), or beam search. A morph encodes two sentences, walks the straight line between
 * their means, and decodes every point.
 *
 * Written for WASM, where fine-tuning runs in the page: dense products, the embedding lookup, tanh
 * and the GRU's fused step come from ops.ts, which says what each one avoids.
 *
 * The parts, each in its own file: the encoder (sentence-encoder.ts), the decoder
 * (sentence-decoder.ts), the objective (sentence-objective.ts), and how a batch of sentences is
 * laid out (sentence-batch.ts). This file puts them together and reads and writes the weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  assignArtifacts,
  parametersToArtifacts,
  WeightsError,
  type ModelDescription,
} from '../runtime/weights-format.js';
import { createRng } from '../runtime/random.js';
import { EOS, Vocabulary } from '../data/tokenizer.js';
import { Lexicon } from '../data/lexicon.js';
import {
  beamHypotheses,
  decodeStepwise,
  rerank,
  type DecodeOptions,
  type DecodingConstants,
} from './sentence-decoding.js';
import { checkSentences, deletePieces, type TokenIds } from './sentence-batch.js';
import { SentenceEncoder, type Posterior } from './sentence-encoder.js';
import { SentenceDecoder } from './sentence-decoder.js';
import {
  freeBitsObjective,
  klToStandardNormal,
  sampleCode,
  type ObjectiveOptions,
  type SentenceLosses,
} from './sentence-objective.js';
import type { SentenceVaeConfig } from './plain-types.js';

export type { Decoding, DecodeOptions, DecodingConstants } from './sentence-decoding.js';
export type { SentenceVaeConfig, TokenIds, Posterior, ObjectiveOptions, SentenceLosses };
export { TRAINING_OBJECTIVE } from './sentence-objective.js';

/** The bundled model (weights/sentence-vae/). */
export const SENTENCE_VAE_CONFIG: SentenceVaeConfig = {
  vocabularySize: 8192,
  maxTokens: 40,
  embeddingSize: 192,
  encoderSize: 384,
  decoderSize: 384,
  latentSize: 64,
};

/** An objective's settings, as a weights file records them. */
export type TrainedObjective = Omit<ObjectiveOptions, 'rng'>;

const OBJECTIVE_NUMBERS = [
  'klWeight',
  'freeBits',
  'wordDropout',
  'ownChoices',
  'mmdWeight',
  'inputDeletion',
  'dropout',
];

function isTrainedObjective(value: unknown): value is TrainedObjective {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.entries(value).every(([key, v]) =>
      key === 'sampleCode'
        ? typeof v === 'boolean'
        : OBJECTIVE_NUMBERS.includes(key) && typeof v === 'number' && Number.isFinite(v),
    )
  );
}

/**
 * How much a beam hypothesis loses per unit of distance between its re-encoding and the code
 * (see `beamReranked`), measured on held-out reconstructions (docs/sentence-morph.md).
 */
export const RERANK_WEIGHT = 16;

export class SentenceVae {
  readonly config: SentenceVaeConfig;
  /** The pieces behind the ids, when the weights carry them. */
  vocabulary?: string[];
  /**
   * The decoder's lexicon (src/data/lexicon.ts), when the weights carry one (`useLexicon`):
   * every word it finishes is one of these. Without one, any piece sequence may come out.
   */
  lexicon?: Lexicon;
  /**
   * The objective the weights were last trained with, when they say (fine-tuning in the page
   * keeps to it): numbers only, the `ObjectiveOptions` fields.
   */
  trainingObjective?: TrainedObjective;
  private readonly embedding: tf.Variable; // E, [vocabularySize, embeddingSize]
  private readonly encoder: SentenceEncoder;
  private readonly decoder: SentenceDecoder;

  constructor(config: SentenceVaeConfig = SENTENCE_VAE_CONFIG, seed = 1) {
    this.config = config;
    const c = config;
    let nextSeed = seed;
    const seeds = () => nextSeed++;
    this.embedding = tf.tidy(() =>
      tf.variable(tf.randomNormal([c.vocabularySize, c.embeddingSize], 0, 0.1, 'float32', seeds())),
    );
    // The seeds go out in this order: E, then the encoder's weights, then the decoder's.
    this.encoder = new SentenceEncoder(config, this.embedding, seeds);
    this.decoder = new SentenceDecoder(config, this.embedding, seeds);
  }

  // ---- encoder -------------------------------------------------------------------------------

  /** q(c | w) for each sentence: its mean m and log-variance σ. */
  encode(sentences: readonly TokenIds[]): Posterior {
    return this.encoder.encode(sentences);
  }

  // ---- training ------------------------------------------------------------------------------

  /** Reconstruction and KL of each sentence, with a code drawn from q(c | w) (teacher forcing). */
  losses(sentences: readonly TokenIds[], options: ObjectiveOptions = {}): SentenceLosses {
    return tf.tidy(() => {
      const rng = options.rng ?? createRng();
      const dropout = options.dropout ?? 0;
      const encoderInput = deletePieces(sentences, options.inputDeletion ?? 0, rng);
      const { mean, logVar } = this.encoder.encode(encoderInput, { dropout, rng });
      const code = options.sampleCode === false ? mean : sampleCode(mean, logVar, rng.nextSeed());
      const klPerDimension = klToStandardNormal(mean, logVar);
      const wordDropout = options.wordDropout ?? 0;
      const reconstruction = this.decoder.reconstruction(
        code,
        sentences,
        wordDropout,
        rng,
        options.ownChoices ?? 0,
        dropout,
      );
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
    return tf.tidy(() => freeBitsObjective(this.losses(sentences, options), options, extra));
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
      checkSentences(sentences, this.config);
      return this.decoder.reconstruction(codes, sentences, 0, createRng(0));
    });
  }

  /**
   * What a decoding loop needs once rather than at every word: the decoder GRU with its gates
   * fused, the codes' share of its input (the code is the same at every step), Eᵀ for the output,
   * and the start state. The caller disposes it (`tf.dispose(Object.values(…))` or in a tidy).
   * With `decoderStep`, the `StepwiseDecoder` the decoding loops (sentence-decoding.ts) run.
   */
  decodingConstants(codes: tf.Tensor2D): DecodingConstants {
    return this.decoder.decodingConstants(codes);
  }

  /** One decoder step for a batch of previous words: the new state and the next word's logits. */
  decoderStep(
    previous: tf.Tensor1D,
    s: tf.Tensor2D,
    constants: DecodingConstants,
  ): { state: tf.Tensor2D; logits: tf.Tensor2D } {
    return this.decoder.step(previous, s, constants);
  }

  /** Sentences for `codes` ([n, latentSize]) as ids without EOS: greedy, sampled or beam (sentence-decoding.ts). */
  decode(codes: tf.Tensor2D, options: DecodeOptions = {}): Promise<number[][]> {
    const decoding = options.decoding ?? 'greedy';
    if (decoding === 'beam') return this.beamReranked(codes, options.beamWidth ?? 4);
    return decodeStepwise(
      this,
      codes,
      decoding === 'sample'
        ? { temperature: options.temperature ?? 1, seed: options.seed }
        : undefined,
    );
  }

  /**
   * Beam search with its hypotheses reranked: each one's score (log-probability per piece) less
   * RERANK_WEIGHT times how far the encoder puts it from the code (the mean squared difference
   * per dimension). Of two likely sentences, the one that reads back as this code is the one
   * that says what the code says.
   */
  private async beamReranked(codes: tf.Tensor2D, width: number): Promise<number[][]> {
    const beam = await beamHypotheses(this, codes, width);
    return rerank(beam, await this.reencodingDistances(codes, beam.sentences), RERANK_WEIGHT);
  }

  /** For each code and each of its sentences, the mean squared difference between the code and the sentence's encoding. */
  async reencodingDistances(
    codes: tf.Tensor2D,
    sentences: readonly (readonly TokenIds[])[],
  ): Promise<number[][]> {
    const width = sentences[0]?.length ?? 0;
    if (width === 0) return sentences.map(() => []);
    // (an empty sentence is read as EOS alone: it is never chosen anyway)
    const flat = sentences.flat().map((s) => (s.length ? s : [EOS]));
    const distances = tf.tidy(() => {
      const { mean } = this.encode(flat);
      const targets = tf.reshape(tf.tile(tf.expandDims(codes, 1), [1, width, 1]), mean.shape);
      return tf.mean(tf.square(tf.sub(mean, targets)), 1);
    });
    const values = await distances.data();
    distances.dispose();
    return sentences.map((_, i) => Array.from(values.slice(i * width, (i + 1) * width)));
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

  // ---- weights -------------------------------------------------------------------------------

  namedParameters(): Record<string, tf.Variable> {
    return {
      embedding: this.embedding,
      ...this.encoder.namedParameters(),
      ...this.decoder.namedParameters(),
    };
  }

  /** What a weights file must declare to load into this model; the vocabulary travels with it. */
  description(): ModelDescription & {
    vocabulary?: string[];
    lexicon?: string[];
    objective?: TrainedObjective;
  } {
    return {
      model: 'sentence-vae',
      config: this.config,
      ...(this.vocabulary ? { vocabulary: this.vocabulary } : {}),
      ...(this.lexicon ? { lexicon: [...this.lexicon.words] } : {}),
      ...(this.trainingObjective ? { objective: this.trainingObjective } : {}),
    };
  }

  /** Decodes within `words` from now on; undefined: no lexicon. */
  useLexicon(words: string[] | undefined): void {
    if (!this.vocabulary) throw new WeightsError('The sentence model has no vocabulary yet.');
    this.lexicon = words ? new Lexicon(this.vocabulary, words) : undefined;
  }

  /** Replaces every weight and the vocabulary, all or nothing (else a WeightsError): the pieces travel in the file. */
  async setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    const carried = (
      artifacts.modelTopology as
        | { generativeElements?: { vocabulary?: unknown; lexicon?: unknown; objective?: unknown } }
        | undefined
    )?.generativeElements;
    const words = carried?.vocabulary;
    const lexicon = carried?.lexicon;
    if (
      lexicon !== undefined &&
      !(Array.isArray(lexicon) && lexicon.every((w) => typeof w === 'string'))
    ) {
      throw new WeightsError("The weights' lexicon is not a list of words.");
    }
    const objective = carried?.objective;
    if (objective !== undefined && !isTrainedObjective(objective)) {
      throw new WeightsError("The weights' training objective is not a set of numbers.");
    }
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
    this.useLexicon(lexicon);
    this.trainingObjective = objective;
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return parametersToArtifacts(this.description(), this.namedParameters());
  }

  dispose(): void {
    for (const v of Object.values(this.namedParameters())) v.dispose();
  }
}
