// Colour images for the PixelRNN: compositing, shrinking, palette quantisation, saturation.
import { expect } from '@open-wc/testing';
import {
  boxDownsample,
  compositeOnWhite,
  meanSaturation,
  nearestPaletteIndices,
  paletteColours,
} from '../../src/data/palette.js';
import { imageToIndices, type PixelFormat } from '../../src/data/pixel-images.js';

const PALETTE = [
  [255, 255, 255],
  [220, 40, 60],
  [30, 90, 200],
  [0, 0, 0],
] as const;

describe('palette images', () => {
  it('composites on white: transparent is white, opaque keeps its colour, half is halfway', () => {
    const rgb = compositeOnWhite([10, 20, 30, 0, 10, 20, 30, 255, 0, 0, 0, 128]);
    expect(Array.from(rgb.slice(0, 3))).to.deep.equal([255, 255, 255]);
    expect(Array.from(rgb.slice(3, 6))).to.deep.equal([10, 20, 30]);
    expect(rgb[6]).to.be.closeTo(127, 1);
  });

  it('box-downsamples by area: a 4×4 checker of two colours becomes their mean; fractional boxes count by area', () => {
    const checker = new Float32Array(4 * 4 * 3);
    for (let p = 0; p < 16; p++)
      checker.fill((p + Math.floor(p / 4)) % 2 ? 200 : 0, p * 3, p * 3 + 3);
    expect(Array.from(boxDownsample(checker, 4, 4, 2))).to.deep.equal(Array(12).fill(100));
    // 3 px → 2 px: the middle column is shared half and half.
    const ramp = Float32Array.from([0, 0, 0, 90, 90, 90, 180, 180, 180]);
    const out = boxDownsample(Float32Array.from([...ramp, ...ramp, ...ramp]), 3, 3, 2);
    expect(out[0]).to.be.closeTo((0 + 0.5 * 90) / 1.5, 1e-4);
    expect(out[3]).to.be.closeTo((0.5 * 90 + 180) / 1.5, 1e-4);
  });

  it('quantises to the nearest palette colour and back', () => {
    const indices = nearestPaletteIndices(
      [250, 250, 250, 200, 50, 70, 20, 80, 190, 10, 10, 10],
      PALETTE,
    );
    expect(Array.from(indices)).to.deep.equal([0, 1, 2, 3]);
    expect(Array.from(paletteColours([1], PALETTE)).map((v) => Math.round(v * 255))).to.deep.equal([
      220, 40, 60,
    ]);
  });

  it('measures saturation: 0 for greys, 1 for pure colours', () => {
    expect(meanSaturation([1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0])).to.equal(0);
    expect(meanSaturation([1, 0, 0, 0, 0.5, 0])).to.equal(1);
    expect(meanSaturation([1, 0, 0, 1, 1, 1])).to.equal(0.5);
  });

  it('turns any picture into palette indices of the model size', async () => {
    const image = new ImageData(64, 48);
    // Left half red, right half transparent (→ white); the 48 px tall image is centre-cropped.
    for (let y = 0; y < 48; y++)
      for (let x = 0; x < 64; x++)
        image.data.set(x < 32 ? [220, 40, 60, 255] : [0, 0, 0, 0], (y * 64 + x) * 4);
    const format: PixelFormat = { size: 4, encoding: 'one-hot', palette: PALETTE, kind: 'colour' };
    const indices = await imageToIndices(image, format);
    expect(Array.from(indices)).to.deep.equal([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
  });
});
