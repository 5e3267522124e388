/**
 * Morph scheduling: runs a morph in the model, and lets only the newest of overlapping morphs
 * draw its path (the reader may edit, swap or change settings while one is under way).
 */
import type { ReactiveController } from 'lit';
import { changedWords } from '../../src/data/word-diff.js';
import type { MorphContext } from './context.js';
import type { SentenceInputs } from './sentence-inputs.js';
import type { MorphDetail } from './types.js';
import { rememberMorph, rememberedMorph, type MorphKey } from './morph-memory.js';

/** A decoded line: its words, and which of them changed from the line before. */
export interface PathLine {
  tokens: string[];
  changed: boolean[];
}

export class MorphScheduler implements ReactiveController {
  #path: PathLine[] = [];
  /** The path shown is a remembered one (morph-memory.ts), not yet this model's. */
  #remembered = false;
  #busy = false;
  /** Bumped by every morph so that only the newest one draws its result. */
  #run = 0;

  constructor(
    private readonly context: MorphContext,
    private readonly inputs: SentenceInputs,
  ) {
    context.host.addController(this);
  }

  /** The path last drawn. */
  get path(): readonly PathLine[] {
    return this.#path;
  }

  /** Whether the path shown was remembered from earlier, while the model loads. */
  get remembered(): boolean {
    return this.#remembered;
  }

  /**
   * Before the model is ready: shows the morph remembered for `key`, if there is one (else no
   * path). A path the model drew stays.
   */
  showRemembered(key: MorphKey): void {
    if (this.#path.length && !this.#remembered) return;
    const tokens = rememberedMorph(key);
    this.#setPath(tokens ?? []);
    this.#remembered = tokens !== undefined;
  }

  /** The first morph after the model loaded; kept for the next visit when it went well. */
  async morphFirst(key: MorphKey): Promise<void> {
    if (await this.morphShown())
      rememberMorph(
        key,
        this.#path.map((line) => line.tokens),
      );
  }

  /** Whether the newest morph is still under way. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Lets no morph under way draw its result (the model is going). */
  cancel(): void {
    this.#run++;
  }

  /** The element left the page: a morph in progress draws nothing. */
  hostDisconnected(): void {
    this.cancel();
  }

  /** The element's `decoding`, with a seed from its random stream. */
  decodeOptions() {
    return { decoding: this.context.settings.decoding, seed: this.context.nextSeed() };
  }

  /** Morphs, draws the path if this is still the newest morph, and fires `morph`. */
  async decodePath(
    from: string,
    to: string,
    steps: number,
  ): Promise<{ sentences: string[]; tokens: string[][] }> {
    const run = ++this.#run;
    this.#setBusy(true);
    try {
      const result = await this.context
        .morpher()!
        .call('morph', from, to, steps, this.decodeOptions());
      if (run === this.#run) {
        this.#setPath(result.tokens);
        this.#remembered = false;
      }
      this.context.emit<MorphDetail>('morph', { sentences: result.sentences });
      return result;
    } finally {
      if (run === this.#run) this.#setBusy(false);
    }
  }

  /**
   * Morphs what the text boxes hold; problems with the input are shown, never thrown. Resolves
   * with whether the path drawn is this morph's.
   */
  async morphShown(): Promise<boolean> {
    const { context } = this;
    const problems = this.inputs.problems();
    if (problems.length) {
      // The last path stays on screen beside the message.
      context.showError('input', problems.join('\n'));
      return false;
    }
    context.clearError('input');
    try {
      const { from, to } = this.inputs.texts;
      const run = this.#run + 1;
      await this.decodePath(from, to, context.settings.steps);
      context.clearError('morph');
      return run === this.#run;
    } catch (cause) {
      context.showError('morph', context.describe(cause), cause);
      return false;
    }
  }

  #setPath(tokens: string[][]): void {
    this.#path = tokens.map((words, i) => ({
      tokens: words,
      changed: i === 0 ? words.map(() => false) : changedWords(tokens[i - 1], words),
    }));
    this.context.host.requestUpdate();
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.context.host.requestUpdate();
  }
}
