/**
 * Colour images as the PixelRNN sees them: small RGBA images are composited on white, shrunk by
 * averaging boxes of pixels, and every pixel is replaced by its nearest palette colour (the
 * palette index is what the one-hot model predicts; the palette colour's RGB is what the sigmoid
 * model predicts). Pure functions on typed arrays, shared by the browser and the training scripts.
 */

/** Palette colours as [r, g, b] in 0–255. */
export type Palette = ReadonlyArray<readonly [number, number, number]>;

/** RGBA (0–255, straight alpha) → RGB (0–255) on a white background. */
export function compositeOnWhite(rgba: ArrayLike<number>): Float32Array {
  const pixels = rgba.length / 4;
  const rgb = new Float32Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const alpha = rgba[p * 4 + 3] / 255;
    for (let k = 0; k < 3; k++) rgb[p * 3 + k] = rgba[p * 4 + k] * alpha + 255 * (1 - alpha);
  }
  return rgb;
}

/**
 * Shrinks an RGB image (width × height × 3) to `size` × `size` by averaging boxes. The image is
 * first cropped to a centred square; box edges are fractional, so any size shrinks to any smaller
 * one and every source pixel counts by the area it covers.
 */
export function boxDownsample(
  rgb: ArrayLike<number>,
  width: number,
  height: number,
  size: number,
): Float32Array {
  const side = Math.min(width, height);
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const scale = side / size;
  const out = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    const y0 = top + y * scale;
    const y1 = y0 + scale;
    for (let x = 0; x < size; x++) {
      const x0 = left + x * scale;
      const x1 = x0 + scale;
      let r = 0,
        g = 0,
        b = 0,
        area = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const wy = Math.min(sy + 1, y1) - Math.max(sy, y0);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const w = wy * (Math.min(sx + 1, x1) - Math.max(sx, x0));
          const i = (sy * width + sx) * 3;
          r += w * rgb[i];
          g += w * rgb[i + 1];
          b += w * rgb[i + 2];
          area += w;
        }
      }
      const o = (y * size + x) * 3;
      out[o] = r / area;
      out[o + 1] = g / area;
      out[o + 2] = b / area;
    }
  }
  return out;
}

/** Index of the nearest palette colour (squared RGB distance) for every pixel of an RGB image. */
export function nearestPaletteIndices(rgb: ArrayLike<number>, palette: Palette): Int32Array {
  const pixels = rgb.length / 3;
  const indices = new Int32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < palette.length; k++) {
      const dr = rgb[p * 3] - palette[k][0];
      const dg = rgb[p * 3 + 1] - palette[k][1];
      const db = rgb[p * 3 + 2] - palette[k][2];
      const distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    indices[p] = best;
  }
  return indices;
}

/** Palette indices → RGB in [0, 1] (what the sigmoid model is trained to output). */
export function paletteColours(indices: ArrayLike<number>, palette: Palette): Float32Array {
  const rgb = new Float32Array(indices.length * 3);
  for (let p = 0; p < indices.length; p++) {
    const colour = palette[indices[p]];
    for (let k = 0; k < 3; k++) rgb[p * 3 + k] = colour[k] / 255;
  }
  return rgb;
}

/**
 * Mean HSV saturation, (max − min) / max, over all pixels of RGB data in [0, 1]: 0 for white,
 * greys and black, 1 for pure colours. The lecture's "ink-wash" effect in one number.
 */
export function meanSaturation(rgb: ArrayLike<number>): number {
  const pixels = rgb.length / 3;
  if (pixels === 0) return 0;
  let sum = 0;
  for (let p = 0; p < pixels; p++) {
    const r = rgb[p * 3],
      g = rgb[p * 3 + 1],
      b = rgb[p * 3 + 2];
    const max = Math.max(r, g, b);
    if (max > 0) sum += (max - Math.min(r, g, b)) / max;
  }
  return sum / pixels;
}

/** The pixels that are not (near) white background: every channel of the rest is ≥ 0.9. */
export function colouredPixels(rgb: ArrayLike<number>, whiteAbove = 0.9): Float32Array {
  const kept: number[] = [];
  for (let p = 0; p < rgb.length; p += 3) {
    if (Math.min(rgb[p], rgb[p + 1], rgb[p + 2]) < whiteAbove)
      kept.push(rgb[p], rgb[p + 1], rgb[p + 2]);
  }
  return Float32Array.from(kept);
}
