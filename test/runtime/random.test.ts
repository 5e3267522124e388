// The seeded RNG: the same sequence for the same seed, uniform values in [0, 1), integer seeds
// for TF.js, standard normals, and functions that work passed around on their own.
import { expect } from '@open-wc/testing';
import { createRng, randomSeed } from '../../src/runtime/random.js';
import { meanAndStd } from '../helpers.js';

describe('createRng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return [rng.next(), rng.nextSeed(), rng.normal(), rng.next()];
    };
    expect(draw(7)).to.deep.equal(draw(7));
    expect(draw(7)).to.not.deep.equal(draw(8));
  });

  it('draws uniform values in [0, 1) and 31-bit integer seeds', () => {
    const { next, nextSeed } = createRng(1); // passed around on their own, as the scripts do
    const values = Array.from({ length: 20000 }, next);
    expect(values.every((v) => v >= 0 && v < 1)).to.equal(true);
    const { mean, std } = meanAndStd(values);
    expect(mean).to.be.closeTo(0.5, 0.01);
    expect(std).to.be.closeTo(Math.sqrt(1 / 12), 0.01);
    for (let i = 0; i < 100; i++) {
      const seed = nextSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31, String(seed)).to.equal(true);
    }
  });

  it('draws standard normals', () => {
    const { normal } = createRng(3);
    const { mean, std } = meanAndStd(Array.from({ length: 20000 }, normal));
    expect(mean).to.be.closeTo(0, 0.03);
    expect(std).to.be.closeTo(1, 0.03);
  });

  it('takes a random seed when given none', () => {
    const seed = randomSeed();
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).to.equal(true);
    expect(createRng().next()).to.be.within(0, 1);
  });
});
