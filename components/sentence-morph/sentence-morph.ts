import { html, nothing, type PropertyValues } from 'lit';
import { GenerativeElement } from '../shared/generative-element.js';
import { sharedStyles } from '../shared/styles.js';
import { format, formatNumber } from '../shared/i18n.js';
import { morphStyles } from './styles.js';
import { STRINGS } from './strings.js';
import { parseDecoding, parseSteps, STEPS, DECODINGS, type Parsed } from './attributes.js';
import { MorpherProxy, type CodeDistribution } from '../../src/worker/morpher-proxy.js';
import { SentenceInputError } from '../../src/data/sentence-input.js';
import type { Decoding } from '../../src/models/choices.js';
import { changedWords } from '../../src/data/word-diff.js';
import { displayToken, joinsPrevious } from '../../src/data/tokenizer.js';
import { bundledSentenceVaeWeights, heldOutSentencesFile } from './assets.js';
import type {
  BundledWeights,
  WeightsArtifacts,
  WeightsSource,
} from '../../src/runtime/weights-source.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import { defineElement } from '../shared/define.js';
import { fetchFile } from '../../src/runtime/fetch.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';

const WEIGHTS_FOLDER = 'sentence-vae';
/** The built-in pair: two of the held-out sentences (the model never trained on them). */
export const DEFAULT_FROM = 'The game was interrupted by a brief shower.';
export const DEFAULT_TO = 'The entire building complained about the noise.';

export interface MorphDetail {
  /** steps + 2 sentences; the first and last are the reconstructions of `from` and `to`. */
  sentences: string[];
}
export interface SentenceFineTuneResult extends TrainingResult {
  /** Sentences that could be used (1–20 tokens). */
  used: number;
  unknownWords: number;
  totalWords: number;
}
export type SentenceFineTuneOptions = FineTuneSettings;

/** A decoded line: its words, which changed from the line before, and which are unknown. */
interface PathLine {
  tokens: string[];
  changed: boolean[];
}

type InputSide = 'from' | 'to';

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
    texts: { state: true },
    path: { state: true },
    busy: { state: true },
    heldOut: { state: true },
    trainingProgress: { state: true },
    trainingReport: { state: true },
  };
  static override styles = [sharedStyles, morphStyles];
  static override controlParts = ['inputs', 'settings', 'examples', 'training', 'weights', 'share'];

  /** The first sentence; a built-in example when unset. */
  from: string | null = null;
  /** The second sentence; a built-in example when unset. */
  to: string | null = null;

  #steps: number = STEPS.default;
  #decoding: Decoding = 'greedy';
  private morpher: MorpherProxy | undefined;
  private retainedWeights: WeightsArtifacts | undefined;
  /** What the text boxes hold (the attributes set them; the reader may edit them). */
  private texts: Record<InputSide, string> = { from: DEFAULT_FROM, to: DEFAULT_TO };
  private path: PathLine[] = [];
  private busy = false;
  private heldOut: string[] = [];
  private trainingProgress: { step: number; total: number; loss: number } | null = null;
  private trainingReport = '';
  /** Bumped by every morph so that only the newest one draws its result. */
  private morphRun = 0;

  private get strings() {
    return STRINGS[this.lang_];
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
    return { texts: { ...this.texts } };
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
    this.texts = { from: texts.from, to: texts.to };
  }

  // ---- attributes --------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const check = <T>(attribute: string, parsed: Parsed<T>) =>
      this.checkAttribute(
        attribute,
        !parsed.problem,
        String(parsed.value),
        parsed.problem ? this.strings.problems[parsed.problem] : '',
      );
    const has = (key: string) => changed.has(key as keyof SentenceMorph);
    if (has('steps')) {
      const parsed = parseSteps(this.attributeText('steps'));
      check('steps', parsed);
      this.#steps = parsed.value;
    }
    if (has('decoding')) {
      const parsed = parseDecoding(this.attributeText('decoding'));
      check('decoding', parsed);
      this.#decoding = parsed.value;
    }
    if (has('from')) this.texts = { ...this.texts, from: this.from ?? DEFAULT_FROM };
    if (has('to')) this.texts = { ...this.texts, to: this.to ?? DEFAULT_TO };
    const redraw = ['from', 'to', 'steps', 'decoding'].some(has);
    if (redraw && this.phase === 'ready') void this.morphShown();
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
    if (!this.heldOut.length) {
      // The examples are a nicety: without them the element still works.
      this.heldOut = await fetchFile(heldOutSentencesFile(), {
        what: 'example sentences',
        notHtml: true,
      })
        .then((response) => (response.ok ? response.json() : []))
        .then((list: unknown) =>
          Array.isArray(list)
            ? list.filter((s): s is string => typeof s === 'string').slice(0, 40)
            : [],
        )
        .catch(() => []);
    }
  }

  protected async applyWeights(source: WeightsSource | 'bundled'): Promise<void> {
    await this.morpher!.loadWeights(source === 'bundled' ? bundledWeights() : source);
  }

  protected async drawFirstOutput(): Promise<void> {
    await this.morphShown();
  }

  protected async releaseModel(): Promise<void> {
    this.morphRun++;
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
    const { sentences } = await this.decodePath(from, to, parsed.value);
    return sentences;
  }

  /** q(c | sentence): the code's mean and log-variance σ (std = exp(σ/2)). */
  async encode(sentence: string): Promise<{ mean: number[]; logVar: number[] }> {
    await this.modelReady();
    const { mean, logVar }: CodeDistribution = await this.morpher!.encode(sentence);
    return { mean: Array.from(mean), logVar: Array.from(logVar) };
  }

  /** The sentence the decoder makes from `code` (32 numbers), with the element's `decoding`. */
  async decode(code: ArrayLike<number>): Promise<string> {
    await this.modelReady();
    const [sentence] = await this.morpher!.decode([code], this.decodeOptions());
    return sentence;
  }

  /** Fine-tunes on `sentences` (one string each); reports how many of their words were unknown. */
  async fineTune(
    sentences: readonly string[],
    options: SentenceFineTuneOptions = {},
  ): Promise<SentenceFineTuneResult> {
    checkFineTuneOptions(options);
    await this.modelReady();
    const list = Array.from(sentences, String).filter((s) => s.trim() !== '');
    if (list.length === 0) throw new RangeError(this.strings.emptyTrainingSet);
    const steps = Math.max(1, Math.min(Math.round(options.steps ?? 50), 100000));
    const result = await this.runTraining(
      (signal, report) =>
        this.morpher!.fineTune(list, {
          steps,
          learningRate: options.learningRate,
          batchSize: options.batchSize,
          seed: this.rng.nextSeed(),
          signal,
          onProgress: (progress) => {
            report(progress);
            this.trainingProgress = {
              step: progress.step,
              total: progress.totalSteps,
              loss: progress.losses.loss,
            };
          },
        }),
      options.signal,
    );
    this.trainingReport = format(this.strings.trainedReport, {
      steps: result.steps,
      used: result.used,
      unknown: result.unknownWords,
      total: result.totalWords,
    });
    await this.morphShown();
    return result;
  }

  protected weightsModel(): MorpherProxy | undefined {
    return this.morpher;
  }

  /** Exports are sentence-vae.json + sentence-vae.weights.bin. */
  protected exportName(): string {
    return WEIGHTS_FOLDER;
  }

  // ---- morphing ----------------------------------------------------------------------------
  private decodeOptions() {
    return { decoding: this.#decoding, seed: this.rng.nextSeed() };
  }

  private async decodePath(
    from: string,
    to: string,
    steps: number,
  ): Promise<{ sentences: string[]; tokens: string[][] }> {
    const run = ++this.morphRun;
    this.busy = true;
    try {
      const result = await this.morpher!.morph(from, to, steps, this.decodeOptions());
      if (run === this.morphRun) {
        this.path = result.tokens.map((tokens, i) => ({
          tokens,
          changed: i === 0 ? tokens.map(() => false) : changedWords(result.tokens[i - 1], tokens),
        }));
      }
      this.emit<MorphDetail>('morph', { sentences: result.sentences });
      return result;
    } finally {
      if (run === this.morphRun) this.busy = false;
    }
  }

  /** Morphs what the text boxes hold; problems with the input are shown, never thrown. */
  private async morphShown(): Promise<void> {
    const problems = (['from', 'to'] as const)
      .map((side) => this.inputProblem(side))
      .filter(Boolean);
    if (problems.length) {
      // The last path stays on screen beside the message.
      this.showError('input', problems.join('\n'));
      return;
    }
    this.clearError('input');
    try {
      await this.decodePath(this.texts.from, this.texts.to, this.#steps);
      this.clearError('morph');
    } catch (cause) {
      this.showError('morph', this.describe(cause), cause);
    }
  }

  /** The message for an unusable input box, or '' when it is fine. */
  private inputProblem(side: InputSide): string {
    if (!this.morpher) return '';
    try {
      this.morpher.prepare(this.texts[side]);
      return '';
    } catch (error) {
      if (!(error instanceof SentenceInputError)) return this.describe(error);
      const s = this.strings;
      return format(s.inputProblems[error.problem], {
        which: side === 'from' ? s.fromLabel : s.toLabel,
        count: error.tokenCount,
        max: error.maxTokens,
      });
    }
  }

  // ---- UI handlers ---------------------------------------------------------------------------
  private onInput(side: InputSide, event: Event): void {
    this.texts = { ...this.texts, [side]: (event.target as HTMLTextAreaElement).value };
  }

  private onPickExample(side: InputSide, event: Event): void {
    const select = event.target as HTMLSelectElement;
    if (!select.value) return;
    this.texts = { ...this.texts, [side]: select.value };
    select.value = '';
    void this.morphShown();
  }

  private onSwap(): void {
    this.texts = { from: this.texts.to, to: this.texts.from };
    void this.morphShown();
  }

  // The controls set the public properties, so the page reads back what the reader chose.
  private onStepsChange(event: Event): void {
    this.steps = (event.target as HTMLInputElement).value;
  }

  private onDecodingChange(event: Event): void {
    this.decoding = (event.target as HTMLSelectElement).value;
  }

  private onKeydown(event: KeyboardEvent): void {
    // Enter morphs; Shift+Enter still makes a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.morphShown();
    }
  }

  private onTrain(): void {
    const text =
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.training-text')?.value ?? '';
    const steps = Number(
      this.renderRoot.querySelector<HTMLInputElement>('input.train-steps')?.value ?? 50,
    );
    void this.guard('training', () => this.fineTune(text.split('\n'), { steps }));
  }

  // ---- template ----------------------------------------------------------------------------
  override render() {
    const s = this.strings;
    const ready = this.phase === 'ready' || this.phase === 'training';
    return html`
      <div part="base">
        ${
          this.showsEverything
            ? html`<h2>${s.title}</h2>
                <p class="intro">${s.intro}</p>`
            : nothing
        }
        ${
          this.shows('inputs')
            ? html`<div class="inputs" part="inputs">
                ${this.renderInput('from', ready)} ${this.renderInput('to', ready)}
              </div>`
            : nothing
        }
        ${this.shows('inputs') || this.shows('settings') ? this.renderControls(ready) : nothing}
        ${this.renderStatus()} ${this.renderPath()}
        ${this.shows('training') || this.shows('weights') ? this.renderTraining(ready) : nothing}
        <p class="credit">${s.credit}</p>
      </div>
    `;
  }

  private renderControls(ready: boolean) {
    const s = this.strings;
    return html`<div class="controls">
      ${
        this.shows('inputs')
          ? html`<button
                type="button"
                class="primary morph"
                ?disabled=${!ready || this.busy}
                @click=${() => this.morphShown()}
              >
                ${this.busy ? s.morphing : s.morphButton}
              </button>
              <button type="button" class="swap" ?disabled=${!ready} @click=${this.onSwap}>
                ${s.swap}
              </button>`
          : nothing
      }
      ${
        this.shows('settings')
          ? html`<label
                >${s.stepsLabel}
                <input
                  class="steps"
                  type="number"
                  min=${STEPS.min}
                  max=${STEPS.max}
                  .value=${String(this.#steps)}
                  @change=${this.onStepsChange}
                />
              </label>
              <label
                >${s.decodingLabel}
                <select class="decoding" @change=${this.onDecodingChange}>
                  ${DECODINGS.map((d) => html`<option value=${d} ?selected=${d === this.#decoding}>${s.decodings[d]}</option>`)}
                </select>
              </label>`
          : nothing
      }
    </div>`;
  }

  private renderInput(side: InputSide, ready: boolean) {
    const s = this.strings;
    const text = this.texts[side];
    let unknown: string[] | undefined;
    try {
      unknown = this.morpher?.prepare(text).unknown;
    } catch {
      // Empty or too long: the error box says so.
    }
    return html`<div class="input">
      <label for="input-${side}">${side === 'from' ? s.fromLabel : s.toLabel}</label>
      <textarea
        id="input-${side}"
        class="sentence-${side}"
        rows="2"
        .value=${text}
        @input=${(e: Event) => this.onInput(side, e)}
        @change=${() => this.morphShown()}
        @keydown=${this.onKeydown}
      ></textarea>
      <p class="note unknown-summary">
        ${!unknown ? '' : unknown.length ? format(s.unknownSummary, { words: unknown.join(', ') }) : s.allKnown}
      </p>
      ${
        this.heldOut.length && this.shows('examples')
          ? html`<select
              class="examples-${side}"
              aria-label="${s.examples} (${side === 'from' ? s.fromLabel : s.toLabel})"
              ?disabled=${!ready}
              @change=${(e: Event) => this.onPickExample(side, e)}
            >
              <option value="">${s.examplesNone}</option>
              ${this.heldOut.map((sentence) => html`<option value=${sentence}>${sentence}</option>`)}
            </select>`
          : nothing
      }
    </div>`;
  }

  private renderPath() {
    const s = this.strings;
    if (!this.path.length) return nothing;
    const last = this.path.length - 1;
    const vocabulary = this.morpher?.vocabulary;
    return html`<div
      role="group"
      class="path"
      part="path"
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      <h3>${s.pathTitle}</h3>
      <p class="note">
        ${s.pathHelp}
        <span class="legend"
          ><mark class="changed">${s.changedLegend}</mark>
          <span class="unknown">${s.unknownLegend}</span></span
        >
      </p>
      <ol>
        ${this.path.map(
          (line, i) =>
            html`<li class=${i === 0 || i === last ? 'end' : 'point'}>
              <span class="where"
                >${i === 0 ? s.endFrom : i === last ? s.endTo : format(s.point, { i, n: last - 1 })}</span
              >
              <span class="sentence"
                >${line.tokens.map((token, j) => {
                  const unknown = vocabulary !== undefined && !vocabulary.has(token);
                  const word = unknown
                    ? html`<span class="unknown" title=${s.unknownWord}>${token}</span>`
                    : displayToken(token, j);
                  return html`${j > 0 && !joinsPrevious(token) ? ' ' : ''}${line.changed[j] ? html`<mark class="changed">${word}</mark>` : word}`;
                })}</span
              >
            </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderTraining(ready: boolean) {
    const s = this.strings;
    return html`<details part="training">
      <summary>${s.fineTune}</summary>
      ${this.shows('training') ? this.renderFineTune(ready) : nothing}
      ${this.shows('weights') ? this.renderWeightControls(WEIGHTS_FOLDER, ready) : nothing}
    </details>`;
  }

  private renderFineTune(ready: boolean) {
    const s = this.strings;
    const training = this.isTraining;
    const progress = this.trainingProgress;
    return html`<p class="note">${s.fineTuneHelp}</p>
      <textarea
        class="training-text"
        rows="5"
        placeholder=${s.fineTunePlaceholder}
        aria-label=${s.fineTune}
      ></textarea>
      <div class="row">
        <label
          >${s.trainSteps} <input class="train-steps" type="number" min="1" max="5000" value="50"
        /></label>
        <button
          type="button"
          class="primary train"
          ?disabled=${!ready || training}
          @click=${this.onTrain}
        >
          ${s.startTraining}
        </button>
        <button type="button" ?disabled=${!training} @click=${() => this.stopTraining()}>
          ${s.stop}
        </button>
      </div>
      ${
        progress
          ? html`<progress max=${progress.total} value=${progress.step}></progress>
              <p class="note">
                ${progress.step} / ${progress.total} · ${s.loss}
                ${formatNumber(this.lang_, progress.loss)}
              </p>`
          : nothing
      }
      ${this.trainingReport ? html`<p class="note training-report">${this.trainingReport}</p>` : nothing}`;
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
