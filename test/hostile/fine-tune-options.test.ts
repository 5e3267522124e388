// fineTune with bad options or data fails at once with a clear error, leaks no tensor, and the
// element trains normally afterwards.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { checkFineTuneOptions } from '../../src/runtime/fine-tune-options.js';
import { digitOne, rejection, tensorCount } from '../helpers.js';

describe('fineTune with bad options or data', () => {
  it('checkFineTuneOptions names the option and its range', () => {
    expect(() => checkFineTuneOptions({ batchSize: 0 })).to.throw(
      RangeError,
      /batchSize must be a whole number from 1 to 1024, got 0/,
    );
    expect(() => checkFineTuneOptions({ steps: NaN })).to.throw(RangeError, /steps .* got NaN/);
    expect(() => checkFineTuneOptions({ steps: 2.5 })).to.throw(RangeError);
    expect(() => checkFineTuneOptions({ learningRate: -1 })).to.throw(RangeError, /learningRate/);
    expect(() => checkFineTuneOptions({ signal: {} as AbortSignal })).to.throw(
      TypeError,
      /AbortSignal/,
    );
    expect(checkFineTuneOptions({ steps: 3, batchSize: 4, learningRate: 0.001 })).to.deep.equal({
      steps: 3,
      batchSize: 4,
      learningRate: 0.001,
    });
  });

  it('<vae-latent-explorer>: rejects at once, leaks nothing, then trains', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    const before = tensorCount();
    for (const options of [{ batchSize: 0 }, { steps: NaN }, { learningRate: Infinity }]) {
      expect(await rejection(explorer.fineTune([digitOne()], options))).to.be.instanceOf(
        RangeError,
      );
    }
    const empty = document.createElement('canvas');
    empty.width = 0;
    expect((await rejection(explorer.fineTune([empty], { steps: 2 }))).message).to.match(/empty/);
    expect(await rejection(explorer.fineTune([], { steps: 2 }))).to.be.instanceOf(RangeError);
    expect(tensorCount()).to.equal(before);
    const result = await explorer.fineTune([digitOne()], { steps: 2, batchSize: 1 });
    expect(result.steps).to.equal(2);
    explorer.remove();
  });

  it('<gan-arena>: points must be finite and inside the plane', async () => {
    const arena = document.createElement('gan-arena');
    arena.setAttribute('loading', 'eager');
    document.body.append(arena);
    await arena.ready;
    const before = tensorCount();
    expect(await rejection(arena.fineTune([{ x: NaN, y: 0 }], { steps: 2 }))).to.be.instanceOf(
      TypeError,
    );
    expect(await rejection(arena.fineTune([{ x: 40, y: 0 }], { steps: 2 }))).to.be.instanceOf(
      RangeError,
    );
    expect(await rejection(arena.fineTune([{ x: 0.1, y: 0 }], { batchSize: 0 }))).to.be.instanceOf(
      RangeError,
    );
    expect(tensorCount()).to.equal(before);
    expect(arena.distribution).to.equal('ring');
    arena.remove();
  });
});
