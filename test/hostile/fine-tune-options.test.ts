// fineTune with bad options or data fails at once with a clear error, leaks no tensor, and the
// element trains normally afterwards.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { digitOne, rejection, modelTensorCount } from '../helpers.js';

describe('fineTune with bad options or data', () => {
  it('<vae-latent-explorer>: rejects at once, leaks nothing, then trains', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    const before = await modelTensorCount();
    for (const options of [{ batchSize: 0 }, { steps: NaN }, { learningRate: Infinity }]) {
      expect(await rejection(explorer.fineTune([digitOne()], options))).to.be.instanceOf(
        RangeError,
      );
    }
    const empty = document.createElement('canvas');
    empty.width = 0;
    expect((await rejection(explorer.fineTune([empty], { steps: 2 }))).message).to.match(/empty/);
    expect(await rejection(explorer.fineTune([], { steps: 2 }))).to.be.instanceOf(RangeError);
    expect(await modelTensorCount()).to.equal(before);
    const result = await explorer.fineTune([digitOne()], { steps: 2, batchSize: 1 });
    expect(result.steps).to.equal(2);
    explorer.remove();
  });

  it('<gan-arena>: points must be finite and inside the plane', async () => {
    const arena = document.createElement('gan-arena');
    arena.setAttribute('loading', 'eager');
    document.body.append(arena);
    await arena.ready;
    const before = await modelTensorCount();
    expect(await rejection(arena.fineTune([{ x: NaN, y: 0 }], { steps: 2 }))).to.be.instanceOf(
      TypeError,
    );
    expect(await rejection(arena.fineTune([{ x: 40, y: 0 }], { steps: 2 }))).to.be.instanceOf(
      RangeError,
    );
    expect(await rejection(arena.fineTune([{ x: 0.1, y: 0 }], { batchSize: 0 }))).to.be.instanceOf(
      RangeError,
    );
    expect(await modelTensorCount()).to.equal(before);
    expect(arena.distribution).to.equal('ring');
    arena.remove();
  });
});
