/**
 * The sentence VAE as <sentence-morph> uses it: text in, text out, codes as Float32Array, its
 * piece vocabulary from the weights file, input checked with clear messages. Every input is
 * representable (pieces fall back to bytes); only an empty or too long one is refused. Every
 * tensor made here is freed here.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  SentenceVae,
  SENTENCE_VAE_CONFIG,
  TRAINING_OBJECTIVE,
  type DecodeOptions,
  type SentenceVaeConfig,
  type TokenIds,
} from './sentence-vae.js';
import { WeightsError, weightBytesOf } from '../runtime/weights-format.js';
import {
  runTrainingLoop,
  type FineTuneOptions,
  type TrainingResult,
} from '../runtime/training-loop.js';
import { createRng } from '../runtime/random.js';
import { splitWords, Vocabulary } from '../data/tokenizer.js';
import {
  prepareSentence,
  SentenceInputError,
  type PreparedSentence,
  type SentenceProblem,
} from '../data/sentence-input.js';
import type { CodeDistribution } from './plain-types.js';

export type { CodeDistribution };

export { SentenceInputError, type PreparedSentence, type SentenceProblem };

/**
 * In-page fine-tuning keeps to the objective the weights were trained with (they say which);
 * weights that do not say were trained as a VAE with the guards against collapse of
 * TRAINING_OBJECTIVE, at full KL weight.
 */
const FINE_TUNE_OBJECTIVE = { ...TRAINING_OBJECTIVE, klWeight: 1 };

export class SentenceMorpher {
  private readonly model: SentenceVae;
  private vocabulary_: Vocabulary | undefined;

  constructor(config: SentenceVaeConfig = SENTENCE_VAE_CONFIG) {
    this.model = new SentenceVae(config);
  }

  get config(): SentenceVaeConfig {
    return this.model.config;
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return weightBytesOf(this.model.namedParameters());
  }

  get vocabulary(): Vocabulary {
    if (!this.vocabulary_) throw new WeightsError('The sentence model has no weights yet.');
    return this.vocabulary_;
  }

  /** Replaces the weights and the vocabulary, all or nothing (a WeightsError says why not). */
  async setWeights(artifacts: tf.io.ModelArtifacts): Promise<void> {
    await this.model.setWeights(artifacts);
    this.vocabulary_ = new Vocabulary(this.model.vocabulary!);
  }

  getWeights(): Promise<tf.io.ModelArtifacts> {
    return this.model.getWeights();
  }

  /** Pieces and ids of `text`; throws a SentenceInputError if it is empty or too long. */
  prepare(text: string): PreparedSentence {
    return prepareSentence(this.vocabulary, text);
  }

  async encode(text: string): Promise<CodeDistribution> {
    const { mean, logVar } = this.model.encode([this.prepare(text).ids]);
    const [m, v] = await Promise.all([mean.data(), logVar.data()]);
    tf.dispose([mean, logVar]);
    return { mean: m as Float32Array, logVar: v as Float32Array };
  }

  /** One sentence per code; a code is latentSize numbers. */
  async decode(codes: ArrayLike<number>[], options: DecodeOptions = {}): Promise<string[]> {
    const n = this.config.latentSize;
    for (const code of codes) {
      if (code.length !== n || !Array.from(code).every(Number.isFinite)) {
        throw new RangeError(`A code is ${n} finite numbers.`);
      }
    }
    const flat = new Float32Array(codes.length * n);
    codes.forEach((code, i) => flat.set(Array.from(code), i * n));
    const tensor = tf.tensor2d(flat, [codes.length, n]);
    try {
      return (await this.model.decode(tensor, options)).map((ids) => this.vocabulary.decode(ids));
    } finally {
      tensor.dispose();
    }
  }

  /**
   * `steps` + 2 sentences from `from` to `to` (the ends are the reconstructions), as text and as
   * words (`tokens`: each sentence split at spaces, what the element's word diff compares).
   */
  async morph(
    from: string,
    to: string,
    steps: number,
    options: DecodeOptions = {},
  ): Promise<{ sentences: string[]; tokens: string[][] }> {
    const [a, b] = [this.prepare(from), this.prepare(to)];
    const decoded = await this.model.morph(a.ids, b.ids, steps, options);
    const sentences = decoded.map((ids) => this.vocabulary.decode(ids));
    return { sentences, tokens: sentences.map(splitWords) };
  }

  /**
   * Fine-tunes on `sentences` (pieces fixed: a new word is learned as the pieces it is made of);
   * sentences that are empty or too long are skipped. `unknownWords` counts words written with
   * byte pieces.
   */
  async fineTune(
    sentences: readonly string[],
    options: FineTuneOptions = {},
  ): Promise<TrainingResult & { used: number; unknownWords: number; totalWords: number }> {
    // (the decoder is trained on sentences of at most maxTokens pieces)
    const prepared = sentences.flatMap((text) => {
      try {
        const sentence = this.prepare(text);
        return sentence.ids.length <= this.config.maxTokens ? [sentence] : [];
      } catch {
        return [];
      }
    });
    if (prepared.length === 0)
      throw new RangeError(
        `fineTune needs at least one sentence of 1 to ${this.config.maxTokens} pieces.`,
      );
    const { steps = 50, learningRate = 3e-4, signal, onProgress } = options;
    const batchSize = Math.max(1, Math.min(options.batchSize ?? 16, 64));
    const rng = createRng(options.seed);
    const optimizer = tf.train.adam(learningRate);
    const data: TokenIds[] = prepared.map((p) => p.ids);
    try {
      const result = await runTrainingLoop({
        totalSteps: steps,
        parameters: Object.values(this.model.namedParameters()),
        signal,
        onProgress,
        step: async () => {
          const batch = Array.from(
            { length: batchSize },
            () => data[Math.floor(rng.next() * data.length)],
          );
          const objective = this.model.trainingObjective ?? FINE_TUNE_OBJECTIVE;
          const loss = this.model.trainStep(optimizer, batch, { ...objective, rng });
          const value = (await loss.data())[0];
          loss.dispose();
          return { loss: value };
        },
      });
      return {
        ...result,
        used: prepared.length,
        unknownWords: prepared.reduce((sum, p) => sum + p.unknown.length, 0),
        totalWords: prepared.reduce((sum, p) => sum + p.words.length, 0),
      };
    } finally {
      optimizer.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
