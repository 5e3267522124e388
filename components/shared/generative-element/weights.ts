/**
 * Weights in a running element: loading them into the live model, and the controls every element
 * shows (save and load in this browser, export, the bundled weights, the reader's own files).
 */
import { html, type TemplateResult } from 'lit';
import { indexedDbUrl } from '../../../src/runtime/weights-source.js';
import { format } from '../i18n.js';
import type { ElementHost } from './host.js';

export type WeightsSource = string | URL | File | FileList | readonly File[];

/** Loads `source` as a rebuild, so `ready` waits for it; a failure is shown, then rethrown. */
export async function loadWeights(host: ElementHost, source: WeightsSource): Promise<void> {
  await host.modelReady();
  try {
    await host.rebuilding(async () => {
      await host.applyWeights(source);
      host.clearError('weights');
      await host.drawFirstOutput();
    });
  } catch (cause) {
    host.showError('weights', host.describe(cause), cause);
    throw cause;
  }
}

/** `storageName`: the name weights are saved under in this browser; `ready`: a model is loaded. */
export function renderWeightControls(
  host: ElementHost,
  storageName: string,
  ready: boolean,
): TemplateResult {
  const { element } = host;
  const s = host.strings();
  // A failed load is shown by loadWeights itself: the click handler only keeps it from the page.
  const load = (source: string | File[]) => element.loadWeights(source).catch(() => undefined);
  const onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = ''; // picking the same files again loads them again
    if (files.length) void load(files);
  };
  const onSave = () =>
    host.guard('weights', async () => {
      await element.saveWeights(storageName);
      host.updateStatus(format(s.saved, { name: indexedDbUrl(storageName) }));
    });
  const onExport = () => host.guard('weights', () => element.exportWeights());
  return html`<h3>${s.weightsTitle}</h3>
    <div class="row weights">
      <button type="button" ?disabled=${!ready} @click=${onSave}>${s.saveBrowser}</button>
      <button type="button" ?disabled=${!ready} @click=${() => load(indexedDbUrl(storageName))}>
        ${s.loadBrowser}
      </button>
      <button type="button" ?disabled=${!ready} @click=${onExport}>${s.exportFiles}</button>
      <button type="button" ?disabled=${!ready} @click=${() => load('bundled')}>
        ${s.restoreBundled}
      </button>
      <label
        >${s.loadFiles}
        <input type="file" accept=".json,.bin" multiple ?disabled=${!ready} @change=${onFiles}
      /></label>
    </div>`;
}
