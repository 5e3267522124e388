// Images → MNIST-style digits: inversion of light backgrounds, cropping and centring.
import { expect } from '@open-wc/testing';
import { greyToDigit, imageToDigit, ImageInputError } from '../../src/data/digit-image.js';

function drawnDigit(background: string, ink: string, size = 200): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = background;
  context.fillRect(0, 0, size, size);
  context.fillStyle = ink;
  context.fillRect(size * 0.1, size * 0.1, size * 0.1, size * 0.5); // a short bar, top left
  return canvas;
}

function centreOfMass(digit: Float32Array) {
  let mass = 0,
    x = 0,
    y = 0;
  digit.forEach((v, i) => {
    mass += v;
    x += v * (i % 28);
    y += v * Math.floor(i / 28);
  });
  return { x: x / mass, y: y / mass, mass };
}

describe('digit images', () => {
  it('centres the ink by its centre of mass and scales it to 20 px, MNIST-style', async () => {
    const digit = await imageToDigit(drawnDigit('#000', '#fff'));
    const { x, y } = centreOfMass(digit);
    expect(x).to.be.closeTo(13.5, 1);
    expect(y).to.be.closeTo(13.5, 1);
    const rows = new Set<number>();
    digit.forEach((v, i) => v > 0.5 && rows.add(Math.floor(i / 28)));
    expect(rows.size).to.be.within(19, 21);
  });

  it('inverts dark ink on a light background', async () => {
    const dark = await imageToDigit(drawnDigit('#000', '#fff'));
    const light = await imageToDigit(drawnDigit('#fff', '#000'));
    const maxDiff = Math.max(...dark.map((v, i) => Math.abs(v - light[i])));
    expect(maxDiff).to.be.lessThan(0.05);
    expect(centreOfMass(light).mass).to.be.greaterThan(50);
  });

  it('keeps a blank image blank', () => {
    expect(greyToDigit(new ImageData(40, 40)).every((v) => v === 0)).to.equal(true);
  });

  it('refuses a file that is not an image, with its name in the message', async () => {
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    let error: unknown;
    try {
      await imageToDigit(file);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ImageInputError);
    expect((error as Error).message).to.contain('notes.txt');
  });
});
