/**
 * The sentence VAE (models/sentence-morpher.ts) as <sentence-morph> sees it. The vocabulary
 * comes with the weights, so the page splits and checks input itself, at once.
 */
import type { CodeDistribution, DecodeOptions, SentenceVaeConfig } from '../models/plain-types.js';
import { Vocabulary } from '../data/tokenizer.js';
import { prepareSentence, type PreparedSentence } from '../data/sentence-input.js';
import { WeightsError } from '../runtime/weights-error.js';
import type { FineTuneOptions } from '../runtime/step-loop.js';
import type { TrainingResult } from '../runtime/training-result.js';
import { RemoteModel } from './remote-model.js';
import { trainingCall } from './training-call.js';

export type { CodeDistribution, DecodeOptions, PreparedSentence };

interface MorpherInfo {
  config: SentenceVaeConfig;
  pieces: string[] | null;
  weightBytes: number;
}

export type SentenceFineTuneAnswer = TrainingResult & {
  used: number;
  unknownWords: number;
  totalWords: number;
};

export class MorpherProxy extends RemoteModel<MorpherInfo> {
  private vocabulary_: Vocabulary | undefined;

  static async open(): Promise<MorpherProxy> {
    const { connection, handle, info } = await RemoteModel.create<MorpherInfo>(
      'sentence-morpher',
      [],
    );
    return new MorpherProxy(connection, handle, info);
  }

  get config(): SentenceVaeConfig {
    return this.info.config;
  }

  get vocabulary(): Vocabulary {
    if (!this.vocabulary_) throw new WeightsError('The sentence model has no weights yet.');
    return this.vocabulary_;
  }

  /** Pieces and ids of `text`; throws a SentenceInputError if it is empty or too long. */
  prepare(text: string): PreparedSentence {
    return prepareSentence(this.vocabulary, text);
  }

  encode(text: string): Promise<CodeDistribution> {
    return this.call('encode', [text]);
  }

  decode(codes: ArrayLike<number>[], options: DecodeOptions = {}): Promise<string[]> {
    return this.call('decode', [codes.map((code) => Float32Array.from(code)), options]);
  }

  morph(
    from: string,
    to: string,
    steps: number,
    options: DecodeOptions = {},
  ): Promise<{ sentences: string[]; tokens: string[][] }> {
    return this.call('morph', [from, to, steps, options]);
  }

  fineTune(
    sentences: readonly string[],
    options: FineTuneOptions = {},
  ): Promise<SentenceFineTuneAnswer> {
    return this.call(...trainingCall('fineTune', [[...sentences]], options));
  }

  protected override onInfo(info: MorpherInfo): void {
    if (info.pieces && info.pieces !== this.info.pieces)
      this.vocabulary_ = new Vocabulary(info.pieces);
    super.onInfo(info);
  }
}
