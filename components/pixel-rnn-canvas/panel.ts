/**
 * A panel: one model's drawing of `count` images, as the page mirrors it pixel by pixel, and how
 * it is painted onto the panel's canvases.
 */
import type { PainterProxy, PaintingProxy } from '../../src/worker/painter-proxy.js';
import { colouredPixels, meanSaturation } from '../../src/data/palette.js';
import { rgbToImageData, valuesToRgb, type PixelFormat } from '../../src/data/pixel-images.js';
import type { ModelKey } from './assets.js';

export interface Panel {
  key: ModelKey;
  painter: PainterProxy;
  format: PixelFormat;
  painting: PaintingProxy;
  /** −log p(x) of each image, once drawn. */
  nll: number[] | null;
  saturation: Saturation | null;
}

/** Mean HSV saturation over all pixels, and over the coloured (not near-white) pixels only. */
export interface Saturation {
  all: number;
  coloured: number;
}

/** The saturation of a set of RGB images, taken together. */
export function saturationOf(images: Float32Array[]): Saturation {
  const rgb = concat(images);
  return { all: meanSaturation(rgb), coloured: meanSaturation(colouredPixels(rgb)) };
}

/** Paints every image of every panel into its canvas; pixels not yet drawn are shaded. */
export function drawPanels(root: ParentNode, panels: readonly Panel[]): void {
  panels.forEach((panel, p) => {
    const { size } = panel.format;
    const { row, column } = panel.painting.position;
    const drawn = panel.painting.done ? size * size : row * size + column;
    const undrawn = panel.key === 'digits' ? [40, 40, 48] : [229, 231, 235];
    panel.painting.images.forEach((values, i) => {
      const canvas = root.querySelector<HTMLCanvasElement>(
        `canvas[data-panel="${p}"][data-image="${i}"]`,
      );
      if (!canvas) return;
      const image = rgbToImageData(valuesToRgb(values, panel.format), size);
      for (let pixel = drawn; pixel < size * size; pixel++) image.data.set(undrawn, pixel * 4);
      canvas.getContext('2d')!.putImageData(image, 0, 0);
    });
  });
}

function concat(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}
