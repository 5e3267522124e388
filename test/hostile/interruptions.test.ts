// A flaky network and an impatient page: a request that fails once is retried, and an element
// removed while it loads or trains comes back working when it is put back.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { digitOne, settledTensorCount } from '../helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('interruptions', () => {
  it('weights whose every file fails once load on the retry', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    // The test server drops the first request for each file under /test/hostile/blip/ (503).
    await explorer.loadWeights(`/test/hostile/blip/${Date.now()}/weights/vae-digits/model.json`);
    expect(explorer.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    explorer.remove();
  });

  it('removed while loading, put back: ready, and drawing works', async () => {
    const canvas = document.createElement('pixel-rnn-canvas');
    canvas.setAttribute('loading', 'eager');
    canvas.setAttribute('speed', 'instant');
    document.body.append(canvas);
    await pause(0);
    canvas.remove();
    await pause(100);
    document.body.append(canvas);
    await canvas.ready;
    expect(await canvas.generate()).to.have.length(1);
    canvas.remove();
  });

  it('removed while training: the training ends aborted, nothing leaks, and it trains again when back', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    const before = await settledTensorCount();
    const training = explorer.fineTune([digitOne()], { steps: 5000, batchSize: 1 });
    await pause(200);
    explorer.remove();
    const result = await training;
    expect(result.aborted).to.equal(true);
    expect(result.steps).to.be.below(5000);
    await pause(100);
    // The removed element freed its model (weights kept aside for its return).
    expect(await settledTensorCount()).to.be.below(before);
    document.body.append(explorer);
    await explorer.ready;
    expect((await explorer.fineTune([digitOne()], { steps: 2, batchSize: 1 })).steps).to.equal(2);
    explorer.remove();
  });
});
