// The explorer's latent sweep: the grid's codes, one cell's code, and straight-line interpolation.
import { expect } from '@open-wc/testing';
import { gridCodes, cellCode, interpolateCodes, sweepValues } from '../../src/data/latent-grid.js';

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

  it('sweeps from centre − range to centre + range in even steps', () => {
    expect(sweepValues(1, 5, 2)).to.deep.equal([-1, 0, 1, 2, 3]);
    expect(sweepValues(0, 3, 0.5)).to.deep.equal([-0.5, 0, 0.5]);
  });

  it('interpolates on a straight line including both ends', () => {
    const codes = interpolateCodes([0, 0], [1, 2], 5);
    expect(Array.from(codes)).to.deep.equal([0, 0, 0.25, 0.5, 0.5, 1, 0.75, 1.5, 1, 2]);
    expect(Array.from(interpolateCodes([3, 4], [5, 6], 1))).to.deep.equal([3, 4]); // one point: the start
  });
});
