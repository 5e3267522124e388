/**
 * The user's images for a fine-tune, converted where the models run: the page only turns each
 * one into something a worker can take (ImageData, a Blob, or an ImageBitmap, which it hands
 * over), and the worker decodes, shrinks and quantises them there, a slice at a time.
 */
import { toImageData, type ImageInput } from '../data/digit-image.js';
import type { PixelFormat } from '../data/pixel-images.js';
import { modelConnection } from './connection.js';
import type { PortableImage } from './image-service.js';

/** 784 MNIST-layout intensities per image. */
export async function digitsOf(images: Iterable<ImageInput>): Promise<Float32Array[]> {
  const { portable, transfer } = await portableImages(images);
  return modelConnection().convertImages('digits', [portable], { transfer });
}

/** Palette indices per image, in `format` (the PixelRNN's pixel form). */
export async function indicesOf(
  images: Iterable<ImageInput>,
  format: PixelFormat,
): Promise<Int32Array[]> {
  const { portable, transfer } = await portableImages(images);
  return modelConnection().convertImages('indices', [portable, format], { transfer });
}

async function portableImages(
  images: Iterable<ImageInput>,
): Promise<{ portable: PortableImage[]; transfer: Transferable[] }> {
  const portable: PortableImage[] = [];
  const transfer: Transferable[] = [];
  for (const image of images) {
    if (image instanceof ImageData || image instanceof Blob) {
      portable.push(image);
      continue;
    }
    if (image instanceof HTMLImageElement && !image.complete) await image.decode();
    // A canvas or an <img> stays in the page; its bitmap (decoded off the main thread) travels.
    // One the browser cannot take a bitmap of (empty, not an image) gets the converter's own
    // check and message here instead.
    const bitmap = await createImageBitmap(image).catch(() => undefined);
    if (bitmap) {
      portable.push(bitmap);
      transfer.push(bitmap);
    } else {
      portable.push(await toImageData(image));
    }
  }
  return { portable, transfer };
}
