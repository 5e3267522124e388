/**
 * Bundled digits ship as one greyscale PNG strip plus a small JSON file ({image, size, labels}),
 * written by the training scripts. This reads such a strip back into 784-intensity digits.
 */
import { DIGIT_SIZE } from './digit-image.js';
import { fetchFile } from '../runtime/fetch.js';

export interface DigitSprite {
  digits: Float32Array[];
  labels: number[];
}

/** `files.list` is the JSON file, `files.image` the PNG strip it describes. */
export async function loadDigitSprite(files: {
  list: string;
  image: string;
}): Promise<DigitSprite> {
  const jsonUrl = files.list;
  const response = await fetchFile(jsonUrl, { what: 'list of bundled digits', notHtml: true });
  const list = (await response.json()) as { image: string; size: number; labels: number[] };
  if (list.size !== DIGIT_SIZE)
    throw new Error(`${jsonUrl}: expected ${DIGIT_SIZE}-pixel digits, got ${list.size}.`);
  const imageResponse = await fetchFile(files.image, { what: 'bundled digits', notHtml: true });
  const bitmap = await createImageBitmap(await imageResponse.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const pixels = DIGIT_SIZE * DIGIT_SIZE;
  const digits = list.labels.map((_, i) => {
    const digit = new Float32Array(pixels);
    for (let y = 0; y < DIGIT_SIZE; y++) {
      for (let x = 0; x < DIGIT_SIZE; x++)
        digit[y * DIGIT_SIZE + x] = rgba[(y * bitmap.width + i * DIGIT_SIZE + x) * 4] / 255;
    }
    return digit;
  });
  return { digits, labels: list.labels };
}
