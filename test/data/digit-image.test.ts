// Images → MNIST-style digits: inversion of light backgrounds, cropping and centring.
import { expect } from '@open-wc/testing';
import { greyToDigit, imageToDigit, ImageInputError } from '../../src/data/digit-image.js';
import { gridCodes, cellCode, interpolateCodes } from '../../src/data/latent-grid.js';

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

describe('latent grid', () => {
  const spec = {
    centre: [0.5, -1, 2, 0, 0, 0, 0, 0, 0, 0],
    dims: [0, 2] as const,
    gridSize: 3,
    range: 1,
  };

  it('sweeps the two chosen dims around the centre and keeps the other eight fixed', () => {
    const codes = gridCodes(spec);
    expect(codes.length).to.equal(9 * 10);
    const cell = (row: number, column: number) =>
      Array.from(codes.slice((row * 3 + column) * 10, (row * 3 + column + 1) * 10));
    expect(cell(1, 1)).to.deep.equal(spec.centre); // the middle cell is the centre code
    expect(cell(0, 0)[0]).to.be.closeTo(-0.5, 1e-6); // left: centre − range
    expect(cell(0, 0)[2]).to.be.closeTo(3, 1e-6); // top: centre + range (up = larger)
    expect(cell(2, 2)[2]).to.be.closeTo(1, 1e-6);
    for (let c = 0; c < 9; c++) expect(codes[c * 10 + 1]).to.equal(-1);
    expect(Array.from(cellCode(spec, 0, 0))).to.deep.equal(cell(0, 0));
  });

  it('interpolates on a straight line including both ends', () => {
    const codes = interpolateCodes([0, 0], [1, 2], 5);
    expect(Array.from(codes)).to.deep.equal([0, 0, 0.25, 0.5, 0.5, 1, 0.75, 1.5, 1, 2]);
  });
});
