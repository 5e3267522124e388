import type { ModelWeights } from '../../src/worker/model-weights.js';
import type { PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { defineElement } from '../shared/define.js';
import { morphStyles } from './styles.js';
import { STRINGS } from './strings.js';
import {
  DEFAULT_SENTENCES,
  parseDecoding,
  parseSteps,
  STEPS,
  type AttributeProblem,
} from './attributes.js';
import type { Parsed } from '../shared/parsed.js';
import { MorpherProxy, type CodeDistribution } from '../../src/worker/morpher-proxy.js';
import type { Decoding } from '../../src/models/choices.js';
import { bundledSentenceVaeWeights } from './assets.js';
import type {
  BundledWeights,
  WeightsArtifacts,
  WeightsSource,
} from '../../src/runtime/weights-source.js';
import type { MorphDetail, SentenceFineTuneOptions, SentenceFineTuneResult } from './types.js';
import type { InputSide, MorphContext, MorphSettings } from './context.js';
import { SentenceInputs } from './sentence-inputs.js';
import { MorphScheduler } from './morph-scheduler.js';
import type { MorphKey } from './morph-memory.js';
import { TrainingPanel } from './training-panel.js';
import { renderMorphElement } from './templates.js';

const WEIGHTS_FOLDER = 'sentence-vae';
/** The built-in pair: two of the held-out sentences (the model never trained on them). */
export const DEFAULT_FROM = DEFAULT_SENTENCES.from;
export const DEFAULT_TO = DEFAULT_SENTENCES.to;

export type { MorphDetail, SentenceFineTuneOptions, SentenceFineTuneResult } from './types.js';

/**
 * A sentence VAE encodes two sentences, walks the straight line between their codes, and
 * decodes each point, so the reader sees one sentence turn into the other.
 *
 * @customElement sentence-morph
 * @fires morph - `{sentences}` whenever a path has been decoded (the first and last are the reconstructions).
 * @csspart inputs - The two sentence boxes and their controls.
 * @csspart path - The decoded sentences, the changed words marked.
 * @csspart training - The fine-tuning and weights panel.
 */
export class SentenceMorph extends GenerativeElement {
  static override properties = {
    ...GenerativeElement.properties,
    from: { type: String },
    to: { type: String },
    steps: { noAccessor: true },
    decoding: { noAccessor: true },
  };
  static override styles = [sharedStyles, morphStyles];
  static override controlParts = ['inputs', 'settings', 'examples', 'training', 'weights', 'share'];

  /** The first sentence; a built-in example when unset. */
  from: string | null = null;
  /** The second sentence; a built-in example when unset. */
  to: string | null = null;

  /** The attribute values in use, updated in place by `willUpdate` (the parts read them). */
  readonly #settings: MorphSettings = { steps: STEPS.default, decoding: 'greedy' };
  private morpher: MorpherProxy | undefined;
  private retainedWeights: WeightsArtifacts | undefined;
  /** What the parts use of the element: GenerativeElement's services are protected. */
  readonly #context: MorphContext = {
    ...this.createContext(() => this.strings),
    settings: this.#settings,
    morpher: () => this.morpher,
  };

  // The element's parts, each a class of its own file that asks the element to render when its
  // state changes.
  readonly #inputs: SentenceInputs = new SentenceInputs(
    this.#context,
    () => this.#morphing.morphShown(),
    { from: DEFAULT_FROM, to: DEFAULT_TO },
  );
  readonly #morphing: MorphScheduler = new MorphScheduler(this.#context, this.#inputs);
  readonly #trainingPanel: TrainingPanel = new TrainingPanel(
    this.#context,
    this.#morphing,
    WEIGHTS_FOLDER,
  );

  private get strings() {
    return STRINGS[this.lang_];
  }

  /** The `steps` in use: what `morph` takes when given none. */
  get #steps(): number {
    return this.#settings.steps;
  }

  /** Points between the two ends, 1–20 (default 5); other values are clamped, with a message. */
  get steps(): number {
    return parseSteps(this.attributeText('steps')).value;
  }
  set steps(value: number | string | null) {
    this.setAttributeText('steps', value);
  }

  /** How each point is decoded: `greedy` (default), `sample` or `beam`. */
  get decoding(): Decoding {
    return parseDecoding(this.attributeText('decoding')).value;
  }
  set decoding(value: Decoding | string | null) {
    this.setAttributeText('decoding', value);
  }

  /** The two sentences as the reader left them travel with the shared state. */
  protected override stateExtras(): Record<string, unknown> {
    return { texts: { ...this.#inputs.texts } };
  }

  protected override applyStateExtras(extras: Record<string, unknown>): void {
    const texts = extras.texts as Partial<Record<InputSide, unknown>> | undefined;
    if (texts === undefined) return;
    if (
      typeof texts?.from !== 'string' ||
      typeof texts?.to !== 'string' ||
      texts.from.length > 500 ||
      texts.to.length > 500
    ) {
      throw new RangeError(
        'setState: "texts" must hold two sentences, from and to, of at most 500 characters.',
      );
    }
    this.#inputs.texts = { from: texts.from, to: texts.to };
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const check = <T>(attribute: string, parsed: Parsed<T, AttributeProblem>): T =>
      this.valueInUse(attribute, parsed, this.strings.problems);
    const has = (key: string) => changed.has(key as keyof SentenceMorph);
    const settings = this.#settings;
    if (has('steps')) settings.steps = check('steps', parseSteps(this.attributeText('steps')));
    if (has('decoding'))
      settings.decoding = check('decoding', parseDecoding(this.attributeText('decoding')));
    const inputs = this.#inputs;
    if (has('from')) inputs.texts = { ...inputs.texts, from: this.from ?? DEFAULT_FROM };
    if (has('to')) inputs.texts = { ...inputs.texts, to: this.to ?? DEFAULT_TO };
    const redraw = ['from', 'to', 'steps', 'decoding'].some(has);
    if (redraw && this.phase === 'ready') void this.#morphing.morphShown();
    // Until the model is ready, a morph remembered for these sentences is something to read.
    const modelShown = this.#context.ready();
    if (!modelShown && (redraw || has('weights') || !this.hasUpdated))
      this.#morphing.showRemembered(this.#morphKey());
  }

  // ---- model lifecycle (GenerativeElement hooks) ---------------------------------------------
  protected async loadModel(source: string | null): Promise<void> {
    const morpher = this.morpher ?? (await MorpherProxy.open());
    try {
      if (this.retainedWeights) await morpher.setWeights(this.retainedWeights);
      else await morpher.loadWeights(source ?? bundledWeights());
      this.retainedWeights = undefined;
    } catch (error) {
      if (!this.morpher) morpher.dispose();
      throw error;
    }
    this.morpher = morpher;
    await this.#inputs.loadExamples();
  }

  protected override weightsToPrefetch(): BundledWeights[] {
    return this.weights || this.retainedWeights ? [] : [bundledWeights()];
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    await this.morpher!.loadWeights(source === 'bundled' ? bundledWeights() : source);
  }

  protected async drawFirstOutput(): Promise<void> {
    await this.#morphing.morphFirst(this.#morphKey());
  }

  /** What a remembered morph must match: the sentences, the settings and the weights. */
  #morphKey(): MorphKey {
    const { from, to } = this.#inputs.texts;
    const { steps, decoding } = this.#settings;
    return { from, to, steps, decoding, weights: this.weights ?? null };
  }

  protected async releaseModel(): Promise<void> {
    if (!this.morpher) return;
    this.retainedWeights = await this.morpher.getWeights();
    this.morpher.dispose();
    this.morpher = undefined;
  }

  // ---- public API --------------------------------------------------------------------------
  /**
   * `steps` + 2 sentences on the straight line from `from`'s code to `to`'s (the first and last
   * are the reconstructions); fires `morph`. Throws a clear error for an empty or over-long input.
   */
  async morph(from: string, to: string, steps: number = this.#steps): Promise<string[]> {
    await this.modelReady();
    const parsed = parseSteps(String(steps));
    if (parsed.problem)
      throw new RangeError(
        `morph: steps must be a whole number from ${STEPS.min} to ${STEPS.max}, got ${steps}.`,
      );
    const { sentences } = await this.#morphing.decodePath(from, to, parsed.value);
    return sentences;
  }

  /** q(c | sentence): the code's mean and log-variance σ (std = exp(σ/2)). */
  async encode(sentence: string): Promise<{ mean: number[]; logVar: number[] }> {
    await this.modelReady();
    const { mean, logVar }: CodeDistribution = await this.morpher!.call('encode', sentence);
    return { mean: Array.from(mean), logVar: Array.from(logVar) };
  }

  /**
   * The sentence the decoder makes from `code` (64 numbers for the bundled model; a code drawn
   * from N(0, I) gives a sentence of the model's own), with the element's `decoding`.
   */
  async decode(code: ArrayLike<number>): Promise<string> {
    await this.modelReady();
    const [sentence] = await this.morpher!.decode([code], this.#morphing.decodeOptions());
    return sentence;
  }

  /** Fine-tunes on `sentences` (one string each); reports how many of their words were unknown. */
  async fineTune(
    sentences: readonly string[],
    options: SentenceFineTuneOptions = {},
  ): Promise<SentenceFineTuneResult> {
    return this.#trainingPanel.fineTune(sentences, options);
  }

  protected weightsModel(): ModelWeights | undefined {
    return this.morpher;
  }

  /** Exports are sentence-vae.json + sentence-vae.weights.bin. */
  protected exportName(): string {
    return WEIGHTS_FOLDER;
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    return renderMorphElement({
      context: this.#context,
      inputs: this.#inputs,
      morphing: this.#morphing,
      training: this.#trainingPanel,
      // The controls set the public properties, so the page reads back what the reader chose.
      setSteps: (value) => (this.steps = value),
      setDecoding: (value) => (this.decoding = value),
    });
  }
}

function bundledWeights(): BundledWeights {
  return bundledSentenceVaeWeights();
}

defineElement('sentence-morph', SentenceMorph);

declare global {
  interface HTMLElementTagNameMap {
    'sentence-morph': SentenceMorph;
  }
  interface HTMLElementEventMap {
    morph: CustomEvent<MorphDetail>;
  }
}
