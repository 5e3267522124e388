// Helpers for <vae-latent-explorer> tests: create one, read its grid back from the canvas.
import { waitUntil } from '@open-wc/testing';
import '../../components/vae-latent-explorer/vae-latent-explorer.js';
import type { VaeLatentExplorer } from '../../components/vae-latent-explorer/vae-latent-explorer.js';
import { createElement } from './element-helpers.js';

/** A <vae-latent-explorer> in the page (see createElement). */
export const createExplorer = (
  attributes: Record<string, string> = {},
  waitFor: 'model-ready' | null = 'model-ready',
) => createElement('vae-latent-explorer', attributes, waitFor);

export function gridCanvas(element: VaeLatentExplorer): HTMLCanvasElement {
  return element.shadowRoot!.querySelector('canvas.grid')!;
}

/** The brightest pixel of every cell, row by row. */
export function cellMaxima(element: VaeLatentExplorer, gridSize: number): number[] {
  const canvas = gridCanvas(element);
  const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const maxima: number[] = [];
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      let max = 0;
      for (let y = 0; y < 28; y++)
        for (let x = 0; x < 28; x++) {
          max = Math.max(max, data[((row * 28 + y) * width + column * 28 + x) * 4]);
        }
      maxima.push(max);
    }
  }
  return maxima;
}

export function gridPixels(element: VaeLatentExplorer): string {
  const canvas = gridCanvas(element);
  return Array.from(
    canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data,
  ).join(',');
}

/** Waits until the grid's pixels differ from `before` (the redraw is asynchronous). */
export async function gridChangedFrom(element: VaeLatentExplorer, before: string, message: string) {
  await waitUntil(() => gridPixels(element) !== before, message, { timeout: 20000, interval: 30 });
}

/** Waits until the grid canvas has the size for `gridSize` and every cell shows something. */
export async function gridDrawn(element: VaeLatentExplorer, gridSize: number) {
  await waitUntil(
    () =>
      gridCanvas(element)?.width === gridSize * 28 &&
      cellMaxima(element, gridSize).every((max) => max > 60),
    `expected ${gridSize}×${gridSize} drawn cells`,
    { timeout: 20000, interval: 50 },
  );
}

export function visibleError(element: VaeLatentExplorer): string {
  return element.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
}
