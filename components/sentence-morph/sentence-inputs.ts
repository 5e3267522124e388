/**
 * The two sentence boxes: what they hold (the attributes set them, the reader may edit them),
 * whether each is usable, which of its words the model does not know, and the held-out examples
 * the reader can pick from.
 */
import { html, nothing } from 'lit';
import { format } from '../shared/i18n.js';
import { SentenceInputError } from '../../src/data/sentence-input.js';
import { fetchFile } from '../../src/runtime/fetch.js';
import { heldOutSentencesFile } from './assets.js';
import type { InputSide, MorphContext } from './context.js';

export class SentenceInputs {
  #texts: Record<InputSide, string>;
  /** Held-out sentences to pick from (none if they could not be fetched). */
  #examples: string[] = [];

  constructor(
    private readonly context: MorphContext,
    /** Morphs what the boxes hold, showing any problem (the morph scheduler's morphShown). */
    private readonly morphShown: () => Promise<unknown>,
    /** What the boxes hold at first (the built-in pair). */
    texts: Record<InputSide, string>,
  ) {
    this.#texts = texts;
  }

  get texts(): Readonly<Record<InputSide, string>> {
    return this.#texts;
  }

  set texts(texts: Record<InputSide, string>) {
    this.#texts = texts;
    this.context.host.requestUpdate();
  }

  /** Fetches the examples once; without them the element still works. */
  async loadExamples(): Promise<void> {
    if (this.#examples.length) return;
    this.#examples = await fetchFile(heldOutSentencesFile(), {
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
    this.context.host.requestUpdate();
  }

  /** The messages for the unusable boxes (none when both are fine). */
  problems(): string[] {
    return (['from', 'to'] as const).map((side) => this.#problem(side)).filter(Boolean);
  }

  /** The message for an unusable box, or '' when it is fine. */
  #problem(side: InputSide): string {
    const morpher = this.context.morpher();
    if (!morpher) return '';
    try {
      morpher.prepare(this.#texts[side]);
      return '';
    } catch (error) {
      if (!(error instanceof SentenceInputError)) return this.context.describe(error);
      const s = this.context.strings();
      return format(s.inputProblems[error.problem], {
        which: side === 'from' ? s.fromLabel : s.toLabel,
        count: error.count,
        max: error.limit,
      });
    }
  }

  swap(): void {
    this.texts = { from: this.#texts.to, to: this.#texts.from };
    void this.morphShown();
  }

  #onInput(side: InputSide, event: Event): void {
    this.texts = { ...this.#texts, [side]: (event.target as HTMLTextAreaElement).value };
  }

  #onPickExample(side: InputSide, event: Event): void {
    const select = event.target as HTMLSelectElement;
    if (!select.value) return;
    this.texts = { ...this.#texts, [side]: select.value };
    select.value = '';
    void this.morphShown();
  }

  #onKeydown(event: KeyboardEvent): void {
    // Enter morphs; Shift+Enter still makes a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.morphShown();
    }
  }

  render(side: InputSide, ready: boolean) {
    const s = this.context.strings();
    const text = this.#texts[side];
    let unknown: string[] | undefined;
    try {
      unknown = this.context.morpher()?.prepare(text).unknown;
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
        @input=${(e: Event) => this.#onInput(side, e)}
        @change=${() => this.morphShown()}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e)}
      ></textarea>
      <p class="note unknown-summary">
        ${!unknown ? '' : unknown.length ? format(s.unknownSummary, { words: unknown.join(', ') }) : s.allKnown}
      </p>
      ${
        this.#examples.length && this.context.shows('examples')
          ? html`<select
              class="examples-${side}"
              aria-label="${s.examples} (${side === 'from' ? s.fromLabel : s.toLabel})"
              ?disabled=${!ready}
              @change=${(e: Event) => this.#onPickExample(side, e)}
            >
              <option value="">${s.examplesNone}</option>
              ${this.#examples.map((sentence) => html`<option value=${sentence}>${sentence}</option>`)}
            </select>`
          : nothing
      }
    </div>`;
  }
}
