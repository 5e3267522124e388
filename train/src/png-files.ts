// PNG files the training scripts write beside the weights: greyscale digits.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** `gray` (one byte a pixel, row by row) as a greyscale PNG, its folder made if missing. */
export function writeGreyPng(file: string, width: number, height: number, gray: Buffer): void {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = gray;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }),
  );
}
