// Explicit calls always answer: a method the page's script calls runs and resolves while its
// element is below the fold or its tab is hidden (it may skip the animation). Only what an
// element does on its own (autoplay, the arena's game) waits until it is back on screen.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { digitOne } from '../helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A container far below the fold: its elements never intersect the viewport. */
function belowTheFold(): HTMLElement {
  const box = document.createElement('div');
  Object.assign(box.style, { position: 'absolute', top: '20000px', left: '0', width: '600px' });
  document.body.append(box);
  return box;
}

function make<T extends HTMLElement>(
  box: HTMLElement,
  tag: string,
  attributes: Record<string, string> = {},
): T & { ready: Promise<void> } {
  const element = document.createElement(tag) as T & { ready: Promise<void> };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  box.append(element);
  return element;
}

/** Makes the tab look hidden to the elements (visibilityState and its event), for `run`. */
async function whileHidden<T>(run: () => Promise<T>): Promise<T> {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
  try {
    return await run();
  } finally {
    delete (document as { visibilityState?: string }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('explicit calls off screen', function () {
  this.timeout(120000);
  let box: HTMLElement;
  beforeEach(() => {
    box = belowTheFold();
  });
  afterEach(() => box.remove());

  it('<pixel-rnn-canvas> below the fold: generate() and complete() resolve (a gallery script does not hang)', async () => {
    const canvas = make<
      HTMLElement & {
        generate(): Promise<ImageData[]>;
        complete(i: unknown, o?: object): Promise<ImageData[]>;
      }
    >(box, 'pixel-rnn-canvas', { count: '2' });
    const images = await canvas.generate();
    expect(images).to.have.length(2);
    expect(images[0].width).to.equal(images[0].height);
    const completed = await canvas.complete(digitOne(), { fromRow: 14 });
    expect(completed).to.have.length(2);
  });

  it('<pixel-rnn-canvas autoplay> below the fold does not draw until it is on screen', async () => {
    const canvas = make<HTMLElement & { shadowRoot: ShadowRoot }>(box, 'pixel-rnn-canvas', {
      autoplay: '',
      loading: 'eager',
    });
    await (canvas as unknown as { ready: Promise<void> }).ready;
    let ended = false;
    canvas.addEventListener('generate-end', () => (ended = true));
    await pause(3000);
    expect(ended, 'an autoplay drawing finished off screen').to.equal(false);
  });

  it('<vae-latent-explorer> in a hidden tab: encode, decode, interpolate and fineTune resolve', async () => {
    const explorer = make<HTMLElement & Record<string, (...a: unknown[]) => Promise<unknown>>>(
      box,
      'vae-latent-explorer',
    );
    await whileHidden(async () => {
      const code = (await explorer.encode(digitOne())) as { mean: number[] };
      expect(code.mean).to.have.length(10);
      expect(await explorer.decode([code.mean])).to.have.length(1);
      expect(await explorer.interpolate(digitOne(), digitOne(), 3)).to.have.length(3);
      const result = (await explorer.fineTune([digitOne()], { steps: 3, batchSize: 1 })) as {
        steps: number;
      };
      expect(result.steps).to.equal(3);
    });
  });

  it('<gan-arena mode="digits"> below the fold: step, one-player steps, sample and fineTune resolve; its game waits', async () => {
    const arena = make<HTMLElement & Record<string, unknown>>(box, 'gan-arena', {
      mode: 'digits',
    });
    const call = (name: string, ...args: unknown[]) =>
      (arena[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(((await call('step', 2)) as { round: number }).round).to.be.a('number');
    expect(await call('stepDiscriminator', 1)).to.not.equal(undefined);
    expect(await call('stepGenerator', 1)).to.not.equal(undefined);
    expect(await call('sample', 4)).to.have.length(4);
    const result = (await call('fineTune', [digitOne()], { steps: 2, batchSize: 8 })) as {
      steps: number;
    };
    expect(result.steps).to.equal(2);
    let rounds = 0;
    arena.addEventListener('round', () => rounds++);
    arena.running = true;
    await pause(1000);
    expect(rounds, 'rounds of the game played off screen').to.equal(0);
    arena.running = false;
  });

  it('<sentence-morph> in a hidden tab: morph() and fineTune() resolve', async () => {
    const morph = make<HTMLElement & Record<string, (...a: unknown[]) => Promise<unknown>>>(
      box,
      'sentence-morph',
    );
    await whileHidden(async () => {
      const sentences = (await morph.morph(
        'the cat sat on the mat .',
        'a dog ran in the park .',
        3,
      )) as unknown[];
      expect(sentences.length).to.be.at.least(3);
      const result = (await morph.fineTune(
        ['the cat sat on the mat .', 'a dog ran in the park .'],
        { steps: 2 },
      )) as { steps: number };
      expect(result.steps).to.equal(2);
    });
  });
});
