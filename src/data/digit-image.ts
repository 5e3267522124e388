/**
 * Images ⇄ MNIST-style digits (28×28, light ink on a dark background, intensities 0–1).
 *
 * Any image is accepted: it is turned grey, inverted if its background is light, cropped to the
 * ink, scaled so the longer side is 20 px and centred on its centre of mass in a 28×28 frame, the
 * way MNIST itself was made.
 */
export const DIGIT_SIZE = 28;
const DIGIT_BOX = 20;

export type ImageInput =
  ImageData | HTMLImageElement | HTMLCanvasElement | ImageBitmap | OffscreenCanvas | Blob;

export class ImageInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageInputError';
  }
}

/** Any accepted image → 784 intensities in MNIST layout. */
export async function imageToDigit(input: ImageInput): Promise<Float32Array> {
  return greyToDigit(await toImageData(input));
}

/** The largest accepted side: a bigger image is a mistake or a decompression bomb, not a drawing. */
export const MAX_IMAGE_SIDE = 8192;

function checkImageSize(width: number, height: number): void {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new ImageInputError(
      `The image is ${width}×${height} pixels; the largest accepted is ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE}.`,
    );
  }
}

/** An <img>; a worker has no HTMLImageElement at all. */
function isImageElement(input: unknown): input is HTMLImageElement {
  return typeof HTMLImageElement !== 'undefined' && input instanceof HTMLImageElement;
}

export async function toImageData(input: ImageInput): Promise<ImageData> {
  if (input instanceof ImageData) {
    checkImageSize(input.width, input.height);
    return input;
  }
  let source: CanvasImageSource & { width: number; height: number };
  if (input instanceof Blob) {
    if (input.type && !input.type.startsWith('image/')) {
      throw new ImageInputError(
        `"${(input as File).name ?? 'file'}" is not an image (${input.type}).`,
      );
    }
    try {
      source = await createImageBitmap(input);
    } catch (cause) {
      throw new ImageInputError(
        `"${(input as File).name ?? 'file'}" could not be read as an image.`,
        { cause },
      );
    }
  } else if (isImageElement(input)) {
    if (!input.complete) await input.decode();
    source = input;
  } else if (input && typeof (input as { width?: unknown }).width === 'number') {
    source = input;
  } else {
    throw new ImageInputError('Expected an ImageData, image, canvas, ImageBitmap or image file.');
  }
  const width = isImageElement(source) ? source.naturalWidth : source.width;
  const height = isImageElement(source) ? source.naturalHeight : source.height;
  if (!width || !height) throw new ImageInputError('The image is empty (0 pixels).');
  try {
    checkImageSize(width, height);
  } catch (error) {
    if (input instanceof Blob) (source as ImageBitmap).close();
    throw error;
  }
  // Large photos are scaled down first: a digit needs no more than a few hundred pixels.
  const scale = Math.min(1, 512 / Math.max(width, height));
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** ImageData of any size → 784 intensities, centred the MNIST way. */
export function greyToDigit(image: ImageData): Float32Array {
  const { width, height, data } = image;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    // Transparent pixels count as background (drawn on white), like an image on a page.
    const alpha = data[i * 4 + 3] / 255;
    const luminance =
      (0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2]) / 255;
    grey[i] = alpha * luminance + (1 - alpha);
  }
  if (borderMean(grey, width, height) > 0.5)
    for (let i = 0; i < grey.length; i++) grey[i] = 1 - grey[i];
  else if (isAllTransparent(data)) grey.fill(0);

  // Crop to the ink.
  let top = height,
    bottom = -1,
    left = width,
    right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x] > 0.1) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  const digit = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  if (bottom < 0) return digit; // a blank image stays blank

  // Fit the ink's box into 20×20 (keeping its aspect ratio), by area averaging.
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const scale = DIGIT_BOX / Math.max(boxW, boxH);
  const outW = Math.max(1, Math.round(boxW * scale));
  const outH = Math.max(1, Math.round(boxH * scale));
  const small = resizeArea(grey, width, left, top, boxW, boxH, outW, outH);

  // Centre by the centre of mass.
  let mass = 0,
    cx = 0,
    cy = 0;
  for (let y = 0; y < outH; y++)
    for (let x = 0; x < outW; x++) {
      const v = small[y * outW + x];
      mass += v;
      cx += v * x;
      cy += v * y;
    }
  const offsetX = Math.round(DIGIT_SIZE / 2 - (mass ? cx / mass : outW / 2) - 0.5);
  const offsetY = Math.round(DIGIT_SIZE / 2 - (mass ? cy / mass : outH / 2) - 0.5);
  for (let y = 0; y < outH; y++)
    for (let x = 0; x < outW; x++) {
      const tx = x + offsetX,
        ty = y + offsetY;
      if (tx >= 0 && ty >= 0 && tx < DIGIT_SIZE && ty < DIGIT_SIZE)
        digit[ty * DIGIT_SIZE + tx] = Math.min(1, small[y * outW + x]);
    }
  return digit;
}

function borderMean(grey: Float32Array, width: number, height: number): number {
  let sum = 0,
    count = 0;
  for (let x = 0; x < width; x++) {
    sum += grey[x] + grey[(height - 1) * width + x];
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    sum += grey[y * width] + grey[y * width + width - 1];
    count += 2;
  }
  return sum / count;
}

function isAllTransparent(data: Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false;
  return true;
}

/** Box-filter resize of a region: each output pixel averages the input area it covers. */
function resizeArea(
  src: Float32Array,
  stride: number,
  left: number,
  top: number,
  w: number,
  h: number,
  outW: number,
  outH: number,
): Float32Array {
  const out = new Float32Array(outW * outH);
  const sx = w / outW,
    sy = h / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = oy * sy,
      y1 = y0 + sy;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = ox * sx,
        x1 = x0 + sx;
      let sum = 0,
        area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y1, y + 1) - Math.max(y0, y);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const wx = Math.min(x1, x + 1) - Math.max(x0, x);
          sum += src[(top + y) * stride + left + x] * wx * wy;
          area += wx * wy;
        }
      }
      out[oy * outW + ox] = area ? sum / area : 0;
    }
  }
  return out;
}

/** Intensities (0–1, one image of side×side) → ImageData, light ink on dark like MNIST. */
export function intensitiesToImageData(
  values: ArrayLike<number>,
  side = DIGIT_SIZE,
  offset = 0,
): ImageData {
  const image = new ImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = Math.round(Math.min(1, Math.max(0, values[offset + i])) * 255);
    image.data[i * 4] = v;
    image.data[i * 4 + 1] = v;
    image.data[i * 4 + 2] = v;
    image.data[i * 4 + 3] = 255;
  }
  return image;
}

/** Many digits' intensities (count × 784, end to end) → one image, `columns` per row, row by row. */
export function digitSheet(pixels: ArrayLike<number>, columns: number, rows: number): ImageData {
  const width = columns * DIGIT_SIZE;
  const image = new ImageData(width, rows * DIGIT_SIZE);
  const cells = Math.min(columns * rows, Math.floor(pixels.length / (DIGIT_SIZE * DIGIT_SIZE)));
  for (let cell = 0; cell < cells; cell++) {
    const top = Math.floor(cell / columns) * DIGIT_SIZE;
    const left = (cell % columns) * DIGIT_SIZE;
    for (let y = 0; y < DIGIT_SIZE; y++) {
      for (let x = 0; x < DIGIT_SIZE; x++) {
        const v = Math.round(
          Math.min(1, Math.max(0, pixels[cell * DIGIT_SIZE * DIGIT_SIZE + y * DIGIT_SIZE + x])) *
            255,
        );
        const at = ((top + y) * width + left + x) * 4;
        image.data[at] = image.data[at + 1] = image.data[at + 2] = v;
        image.data[at + 3] = 255;
      }
    }
  }
  return image;
}
