/**
 * The host's side of image-inputs.ts: decodes and converts the user's images where the models
 * run, a slice at a time (in the page's own host, the page keeps rendering meanwhile).
 */
import { imageToDigit } from '../data/digit-image.js';
import { imageToIndices, type PixelFormat } from '../data/pixel-images.js';
import { mapInSlices } from '../runtime/map-in-slices.js';
import { transfer } from './served-models.js';

/** An image a worker can receive: data, a file, or a bitmap (transferred). */
export type PortableImage = ImageData | Blob | ImageBitmap;

/** The image service's calls, each taking its arguments as one array (as they travel). */
export const IMAGE_CONVERSIONS = {
  /** 784 MNIST-layout intensities per image. */
  digits: async ([images]: [PortableImage[]]) =>
    converted(images, await mapInSlices(images, (image) => imageToDigit(image))),
  /** Palette indices per image, in `format`. */
  indices: async ([images, format]: [PortableImage[], PixelFormat]) =>
    converted(images, await mapInSlices(images, (image) => imageToIndices(image, format))),
};

/** The bitmaps are done with; the arrays go to the page without a copy. */
function converted<T extends ArrayBufferView>(images: PortableImage[], arrays: T[]) {
  for (const image of images) if (image instanceof ImageBitmap) image.close();
  return transfer(arrays, ...arrays);
}
