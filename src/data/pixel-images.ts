/**
 * Images ⇄ the PixelRNN's pixels. A PixelRNN image is `size`×`size` pixels, each either a palette
 * index (one-hot models; digits are a palette of two, paper and ink) or an RGB triple in [0, 1]
 * (sigmoid models). Any picture the user gives is turned into that form; what the model draws is
 * turned back into ImageData.
 */
import { imageToDigit, toImageData, DIGIT_SIZE, type ImageInput } from './digit-image.js';
import { fetchFile } from '../runtime/fetch.js';
import {
  boxDownsample,
  compositeOnWhite,
  nearestPaletteIndices,
  paletteColours,
  type Palette,
} from './palette.js';

/** One image's pixels: palette indices (one-hot models) or RGB in [0, 1] (sigmoid models). */
export type PixelValues = Int32Array | Float32Array;

/** MNIST's two "colours": paper (black) and ink (white). */
export const DIGIT_PALETTE: Palette = [
  [0, 0, 0],
  [255, 255, 255],
];

export interface PixelFormat {
  /** Pixels per side. */
  size: number;
  encoding: 'one-hot' | 'sigmoid';
  palette: Palette;
  /** Digits are centred and binarised the MNIST way; other images are shrunk and quantised. */
  kind: 'digits' | 'colour';
}

/**
 * Any picture → palette indices (size·size). Digits: MNIST-centred, ink where the intensity is
 * over one half. Colour: composited on white, centre-cropped square, box-shrunk, nearest colour.
 */
export async function imageToIndices(input: ImageInput, format: PixelFormat): Promise<Int32Array> {
  if (format.kind === 'digits') {
    const digit = await imageToDigit(input);
    return Int32Array.from(digit, (v) => (v > 0.5 ? 1 : 0));
  }
  const image = await toImageData(input);
  const small = boxDownsample(compositeOnWhite(image.data), image.width, image.height, format.size);
  return nearestPaletteIndices(small, format.palette);
}

/** Model values (indices for one-hot, RGB in [0, 1] for sigmoid) of one image → RGB in [0, 1]. */
export function valuesToRgb(values: ArrayLike<number>, format: PixelFormat): Float32Array {
  return format.encoding === 'one-hot'
    ? paletteColours(values, format.palette)
    : Float32Array.from(values);
}

/** Palette indices → what a model of `format`'s encoding takes (sigmoid models take the RGB). */
export function indicesToValues(
  indices: Int32Array,
  format: PixelFormat,
): Int32Array | Float32Array {
  return format.encoding === 'one-hot' ? indices : paletteColours(indices, format.palette);
}

/** RGB in [0, 1] → opaque ImageData of `size`×`size`. */
export function rgbToImageData(rgb: ArrayLike<number>, size: number): ImageData {
  const image = new ImageData(size, size);
  for (let p = 0; p < size * size; p++) {
    for (let k = 0; k < 3; k++)
      image.data[p * 4 + k] = Math.round(Math.min(1, Math.max(0, rgb[p * 3 + k])) * 255);
    image.data[p * 4 + 3] = 255;
  }
  return image;
}

/**
 * Reads a strip of images side by side (a PNG the training scripts write, e.g. heldout-sample.png)
 * back into palette indices, one Int32Array per image.
 */
export async function loadImageStrip(url: string, format: PixelFormat): Promise<Int32Array[]> {
  const response = await fetchFile(url, { what: 'images', notHtml: true });
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const { size } = format;
  const count = Math.floor(bitmap.width / size);
  bitmap.close();
  return Array.from({ length: count }, (_, i) => {
    const rgb = new Float32Array(size * size * 3);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const from = (y * count * size + i * size + x) * 4;
        rgb.set([data[from], data[from + 1], data[from + 2]], (y * size + x) * 3);
      }
    }
    return nearestPaletteIndices(rgb, format.palette);
  });
}

export { DIGIT_SIZE };
