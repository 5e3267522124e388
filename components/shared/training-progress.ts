/**
 * A fine-tune's progress as every training panel shows it: a progress bar and one line of
 * numbers under it. The panel records each step and words the line in its own strings.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** What a model's fineTune reports after each step. */
export interface ProgressStep {
  step: number;
  totalSteps: number;
  losses: Record<string, number>;
}

export class TrainingProgress {
  #last: ProgressStep | null = null;

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** The last step recorded; null before the first. */
  get last(): ProgressStep | null {
    return this.#last;
  }

  record(progress: ProgressStep): void {
    this.#last = progress;
    this.host.requestUpdate();
  }

  /** The bar, and `line(step)` under it; nothing before the first step. */
  render(line: (step: ProgressStep) => unknown): TemplateResult | typeof nothing {
    const last = this.#last;
    if (!last) return nothing;
    return html`<progress max=${last.totalSteps} value=${last.step}></progress>
      <p class="note">${line(last)}</p>`;
  }
}
