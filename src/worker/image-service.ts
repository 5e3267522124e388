/**
 * The host's side of image-inputs.ts: decodes and converts the user's images where the models
 * run, a slice at a time (in the page's own host, the page keeps rendering meanwhile).
 */
import { imageToDigit } from '../data/digit-image.js';
import { imageToIndices, type PixelFormat } from '../data/pixel-images.js';
import { mapInSlices } from '../runtime/map-in-slices.js';
import { transfer } from './served-models.js';
import type { PortableImage } from './protocol.js';

export async function convertImages(method: string, args: unknown[]): Promise<unknown> {
  const images = args[0] as PortableImage[];
  const converted =
    method === 'digits'
      ? await mapInSlices(images, (image) => imageToDigit(image))
      : method === 'indices'
        ? await mapInSlices(images, (image) => imageToIndices(image, args[1] as PixelFormat))
        : undefined;
  if (!converted) throw new TypeError(`No image conversion ${method}.`);
  for (const image of images) if (image instanceof ImageBitmap) image.close();
  return transfer(converted, ...converted);
}
