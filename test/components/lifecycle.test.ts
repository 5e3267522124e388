// `ready` belongs to the current model: a rebuild or a re-connection gives a new promise, every
// method waits for the model it needs, and removing an element rejects what was waiting.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import type { GanArena } from '../../components/gan-arena/gan-arena.js';
import type { PixelRnnCanvas } from '../../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
import type { VaeLatentExplorer } from '../../components/vae-latent-explorer/vae-latent-explorer.js';

function create<T extends HTMLElement>(tag: string, attributes: Record<string, string> = {}): T {
  const element = document.createElement(tag) as T;
  element.setAttribute('loading', 'eager');
  element.setAttribute('seed', '2');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lifecycle', () => {
  it('a rebuild gives a new ready, and a call made during it waits for the new model', async () => {
    const arena = create<GanArena>('gan-arena');
    await arena.ready;
    const before = arena.ready;
    arena.mode = 'digits';
    await arena.updateComplete;
    expect(arena.ready).to.not.equal(before);
    // Immediately after the switch: the step must run on the digits networks, not fail on shapes.
    const round = await arena.step(1);
    expect(Number.isFinite(round?.dLoss)).to.equal(true);
    expect((await arena.sample(2))[0]).to.be.instanceOf(ImageData);
    arena.remove();
  });

  it('a waiting lazy element starts when switched to loading="eager"', async () => {
    const box = document.createElement('div');
    box.style.display = 'none'; // never near the viewport: lazy alone would wait for ever
    document.body.append(box);
    const explorer = document.createElement('vae-latent-explorer');
    box.append(explorer);
    await explorer.updateComplete;
    explorer.loading = 'eager';
    await explorer.ready;
    expect(await explorer.decode([new Array(10).fill(0)])).to.have.length(1);
    box.remove();
  });

  it('the first call after a re-append works', async () => {
    const canvas = create<PixelRnnCanvas>('pixel-rnn-canvas', { speed: 'instant' });
    await canvas.ready;
    canvas.remove();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the removal frees the model
    document.body.append(canvas);
    const images = await canvas.generate();
    expect(images).to.have.length(1);
    expect(images[0].width).to.equal(16);
    canvas.remove();
  });

  it('removing an element rejects the calls still waiting for its model with an AbortError', async () => {
    const explorer = create<VaeLatentExplorer>('vae-latent-explorer');
    const pending = explorer.decode([new Array(10).fill(0)]);
    await tick();
    explorer.remove();
    let error: unknown;
    try {
      await pending;
    } catch (cause) {
      error = cause;
    }
    // Either the model was already there (the call succeeded) or the call was aborted: never a TypeError.
    if (error !== undefined) expect((error as DOMException).name).to.equal('AbortError');
    // A removed element's next connection gives it a model again.
    document.body.append(explorer);
    await explorer.ready;
    expect(await explorer.decode([new Array(10).fill(0)])).to.have.length(1);
    explorer.remove();
  });
});
