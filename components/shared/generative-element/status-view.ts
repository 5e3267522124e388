/**
 * What every element shows around its main view: the status line (a live region), the poster
 * until the first output, and the error box. Problems are kept by where they came from, so
 * fixing one attribute clears only its own message.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { modelConnection } from '../../../src/worker/connection.js';
import { format } from '../i18n.js';
import type { ElementHost, Phase, SharedStrings } from './host.js';

/**
 * The status for a phase, with the backend in use and what starting the runtime noted (a
 * backend that could not start, the models running on the main thread).
 */
export function statusLine(
  phase: Phase,
  statusText: string,
  runtimeNotes: readonly string[],
  s: SharedStrings,
): string {
  const backend = modelConnection().runtime?.backend;
  const base = phase === 'training' ? s.training : phase === 'ready' ? s.ready : statusText;
  const allNotes = modelConnection().workerRefused
    ? [...runtimeNotes, s.onMainThread]
    : runtimeNotes;
  const notes = allNotes.length ? ` (${allNotes.join('; ')})` : '';
  return backend ? `${base} · ${format(s.backendActive, { backend })}${notes}` : base;
}

/** `messages` with the problem under `key` added or replaced. */
export function withError(
  messages: Record<string, string>,
  key: string,
  message: string,
): Record<string, string> {
  return { ...messages, [key]: message };
}

/** `messages` without the problem under `key` (the same object when there is none). */
export function withoutError(
  messages: Record<string, string>,
  key: string,
): Record<string, string> {
  if (!(key in messages)) return messages;
  const { [key]: _removed, ...rest } = messages;
  return rest;
}

/** The image shown until the first output, if there is one. */
export function renderPoster(
  src: string | null,
  firstOutputShown: boolean,
  s: SharedStrings,
): TemplateResult | typeof nothing {
  if (firstOutputShown || !src) return nothing;
  return html`<img class="poster" part="poster" alt=${s.posterAlt} src=${src} />`;
}

export interface StatusView {
  statusText: string;
  poster: TemplateResult | typeof nothing;
  share: TemplateResult | typeof nothing;
  errors: readonly string[];
  dismissLabel: string;
  dismiss: () => void;
}

/** The status line, the poster, the share row and the error box, in that order. */
export function renderStatusView(view: StatusView): TemplateResult {
  return html`
    <p class="status" part="status" role="status" aria-live="polite">${view.statusText}</p>
    ${view.poster} ${view.share}
    ${
      view.errors.length
        ? html`<div class="error" part="error" role="alert">
            <p>${view.errors.join('\n')}</p>
            <button type="button" @click=${view.dismiss}>${view.dismissLabel}</button>
          </div>`
        : nothing
    }
  `;
}

/** Runs `action`, showing a failure under `key` unless it only means the action was superseded. */
export async function guarded(
  host: ElementHost,
  key: string,
  action: () => Promise<unknown>,
  isExpectedInterruption: (cause: unknown) => boolean,
): Promise<void> {
  try {
    await action();
    host.clearError(key);
  } catch (cause) {
    if (!isExpectedInterruption(cause)) host.showError(key, host.describe(cause), cause);
  }
}
