// The user's images are converted where the models run: the worker gets bitmaps, data or files,
// and returns exactly what the page's own converter would.
import { expect } from '@open-wc/testing';
import { digitsOf, indicesOf } from '../../src/worker/image-inputs.js';
import { imageToDigit } from '../../src/data/digit-image.js';
import { imageToIndices, type PixelFormat } from '../../src/data/pixel-images.js';
import { digitOne, rejection } from '../helpers.js';

const EMOJI_FORMAT: PixelFormat = {
  size: 16,
  encoding: 'one-hot',
  kind: 'colour',
  palette: [
    [255, 255, 255],
    [0, 0, 0],
    [255, 0, 0],
  ],
};

describe('images converted where the models run', () => {
  it('gives the same digits and palette indices as the page would, for a canvas, ImageData and a file', async () => {
    const canvas = digitOne();
    const data = canvas.getContext('2d')!.getImageData(0, 0, 28, 28);
    const file = new File(
      [await new Promise<Blob>((done) => canvas.toBlob((blob) => done(blob!)))],
      'one.png',
      { type: 'image/png' },
    );
    const expected = await imageToDigit(canvas);
    const digits = await digitsOf([canvas, data, file]);
    expect(digits).to.have.length(3);
    for (const digit of digits) expect(Array.from(digit)).to.deep.equal(Array.from(expected));
    const [indices] = await indicesOf([canvas], EMOJI_FORMAT);
    expect(Array.from(indices)).to.deep.equal(
      Array.from(await imageToIndices(canvas, EMOJI_FORMAT)),
    );
  });

  it("an empty or foreign input fails with the converter's own message", async () => {
    const empty = document.createElement('canvas');
    empty.width = 0;
    expect((await rejection(digitsOf([empty]))).message).to.match(/empty/);
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const error = await rejection(digitsOf([text]));
    expect(error.name).to.equal('ImageInputError');
    expect(error.message).to.contain('notes.txt');
  });
});
