/**
 * The training panel: fine-tuning on sentences the reader types (`fineTune()` from script), a
 * report of how many of their words the model knew, and the weights controls.
 */
import { fineTuneNumbers } from '../shared/fine-tune-numbers.js';
import { html, nothing } from 'lit';
import { format, formatNumber } from '../shared/i18n.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';
import type { MorphContext } from './context.js';
import type { MorphScheduler } from './morph-scheduler.js';
import type { SentenceFineTuneOptions, SentenceFineTuneResult } from './types.js';
import { TrainingProgress } from '../shared/training-progress.js';

export class TrainingPanel {
  readonly #progress: TrainingProgress;
  /** What the last fine-tuning used: steps, sentences, unknown words. */
  #report = '';

  constructor(
    private readonly context: MorphContext,
    private readonly morphing: MorphScheduler,
    /** Where exports and browser saves are named. */
    private readonly weightsName: string,
  ) {
    this.#progress = new TrainingProgress(context.host);
  }

  /** See SentenceMorph.fineTune. */
  async fineTune(
    sentences: readonly string[],
    options: SentenceFineTuneOptions = {},
  ): Promise<SentenceFineTuneResult> {
    const { context } = this;
    checkFineTuneOptions(options);
    await context.modelReady();
    const list = Array.from(sentences, String).filter((s) => s.trim() !== '');
    if (list.length === 0) throw new RangeError(context.strings().emptyTrainingSet);
    const result = await context.runTraining(
      (signal, report) =>
        context
          .morpher()!
          .train('fineTune', [list, fineTuneNumbers(options, { steps: 50 }, context.nextSeed())], {
            signal,
            onProgress: (progress) => {
              report(progress);
              this.#progress.record(progress);
            },
          }),
      options.signal,
    );
    this.#report = format(context.strings().trainedReport, {
      steps: result.steps,
      used: result.used,
      unknown: result.unknownWords,
      total: result.totalWords,
    });
    this.context.host.requestUpdate();
    // The path shows what the fine-tuned model makes of the same two sentences.
    await this.morphing.morphShown();
    return result;
  }

  #onTrain(): void {
    const root = this.context.root();
    const text = root.querySelector<HTMLTextAreaElement>('textarea.training-text')?.value ?? '';
    const steps = Number(root.querySelector<HTMLInputElement>('input.train-steps')?.value ?? 50);
    void this.context.guard('training', () => this.fineTune(text.split('\n'), { steps }));
  }

  render(ready: boolean) {
    const { context } = this;
    return html`<details part="training">
      <summary>${context.strings().fineTune}</summary>
      ${context.shows('training') ? this.#renderFineTune(ready) : nothing}
      ${context.shows('weights') ? context.renderWeightControls(this.weightsName, ready) : nothing}
    </details>`;
  }

  #renderFineTune(ready: boolean) {
    const s = this.context.strings();
    const training = this.context.isTraining();
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
          @click=${() => this.#onTrain()}
        >
          ${s.startTraining}
        </button>
        <button type="button" ?disabled=${!training} @click=${() => this.context.stopTraining()}>
          ${s.stop}
        </button>
      </div>
      ${this.#progress.render(
        ({ step, totalSteps, losses }) =>
          html`${step} / ${totalSteps} · ${s.loss} ${formatNumber(this.context.lang(), losses.loss)}`,
      )}
      ${this.#report ? html`<p class="note training-report">${this.#report}</p>` : nothing}`;
  }
}
