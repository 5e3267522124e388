// The toy distributions the 2-d GAN learns from: repeatable samples, their modes, mode coverage
// and the Jensen–Shannon divergence on a grid.
import { expect } from '@open-wc/testing';
import {
  sampleToy,
  modeCoverage,
  modeCentres,
  jensenShannonOnGrid,
  TOY_DISTRIBUTIONS,
  PLANE,
  type ToyDistribution,
} from '../../src/data/toy-distributions.js';

describe('toy distributions', () => {
  it('repeats exactly for a seed and differs across seeds', () => {
    for (const name of TOY_DISTRIBUTIONS) {
      const points =
        name === 'custom'
          ? [
              { x: 0.2, y: -0.3 },
              { x: -0.5, y: 0.5 },
            ]
          : [];
      const a = sampleToy(name, 200, 42, points);
      const b = sampleToy(name, 200, 42, points);
      const c = sampleToy(name, 200, 43, points);
      expect(a.length, name).to.equal(400);
      expect(Array.from(a), name).to.deep.equal(Array.from(b));
      expect(Array.from(a), name).not.to.deep.equal(Array.from(c));
      // Everything fits in the plane the arena draws (a few σ of slack for the Gaussian tails).
      expect(
        a.every((v) => v > PLANE.min - 0.2 && v < PLANE.max + 0.2),
        name,
      ).to.equal(true);
    }
  });

  it('gives the ring 8 modes and the grid 25, each reached by real samples', () => {
    expect(modeCentres('ring').length / 2).to.equal(8);
    expect(modeCentres('grid').length / 2).to.equal(25);
    const ring = modeCoverage(sampleToy('ring', 4000, 1), 'ring');
    expect(ring.modes).to.equal(8);
    expect(ring.covered).to.equal(8);
    expect(ring.nearFraction).to.be.greaterThan(0.95);
    const grid = modeCoverage(sampleToy('grid', 10000, 2), 'grid');
    expect(grid.covered).to.equal(25);
    expect(grid.nearFraction).to.be.greaterThan(0.95);
  });

  it('sees mode collapse: all samples on one mode cover 1 of 8', () => {
    const centres = modeCentres('ring');
    const collapsed = new Float32Array(2000);
    for (let i = 0; i < 1000; i++) {
      collapsed[2 * i] = centres[0];
      collapsed[2 * i + 1] = centres[1];
    }
    expect(modeCoverage(collapsed, 'ring').covered).to.equal(1);
  });

  it('samples custom points around the user’s points, and refuses an empty set', () => {
    const samples = sampleToy('custom', 500, 3, [{ x: 0.5, y: 0.5 }]);
    let sumX = 0;
    for (let i = 0; i < 500; i++) sumX += samples[2 * i];
    expect(sumX / 500).to.be.closeTo(0.5, 0.01);
    expect(() => sampleToy('custom', 10, 3, [])).to.throw(RangeError, /at least one point/);
    expect(() => sampleToy('spiral' as ToyDistribution, 10, 3)).to.throw(
      RangeError,
      /Unknown distribution "spiral"/,
    );
  });

  it('estimates a Jensen–Shannon divergence between 0 and ln 2', () => {
    const ring = sampleToy('ring', 5000, 1);
    const same = jensenShannonOnGrid(ring, sampleToy('ring', 5000, 2));
    const different = jensenShannonOnGrid(ring, sampleToy('line', 5000, 3));
    expect(same).to.be.lessThan(0.05);
    expect(different).to.be.greaterThan(0.5);
    expect(different).to.be.at.most(Math.log(2) + 1e-9);
  });
});
