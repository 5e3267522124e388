/**
 * The sentence VAE (models/sentence-morpher.ts) as <sentence-morph> sees it. The vocabulary
 * comes with the weights, so the page splits and checks input itself, at once.
 */
import type { CodeDistribution, DecodeOptions, SentenceVaeConfig } from '../models/plain-types.js';
import { Vocabulary } from '../data/tokenizer.js';
import { prepareSentence, type PreparedSentence } from '../data/sentence-input.js';
import { WeightsError } from '../runtime/weights-error.js';
import { createInHost, RemoteModel } from './remote-model.js';
import type { InfoOf } from './served-types.js';

export type { CodeDistribution, DecodeOptions, PreparedSentence };

type MorpherInfo = InfoOf<'sentence-morpher'>;

export class MorpherProxy extends RemoteModel<'sentence-morpher'> {
  private vocabulary_: Vocabulary | undefined;

  static async open(): Promise<MorpherProxy> {
    return new MorpherProxy(...(await createInHost('sentence-morpher', [])));
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

  /** The sentence for each code (any array of numbers; it travels as a Float32Array). */
  decode(codes: ArrayLike<number>[], options: DecodeOptions = {}): Promise<string[]> {
    return this.call(
      'decode',
      codes.map((code) => Float32Array.from(code)),
      options,
    );
  }

  protected override onInfo(info: MorpherInfo): void {
    if (info.pieces && info.pieces !== this.info.pieces)
      this.vocabulary_ = new Vocabulary(info.pieces);
    super.onInfo(info);
  }
}
