// Every attribute has a property of the same name in camelCase that validates exactly like the
// attribute: the same value in use, the same visible message. Checked without starting a model
// (the elements sit in a hidden box, so `loading="lazy"` never starts them).
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { idleElement } from './element-helpers.js';

type Case = {
  tag: string;
  attribute: string;
  property: string;
  bad: string | number;
  used: unknown;
  good: unknown;
};

const CASES: Case[] = [
  {
    tag: 'vae-latent-explorer',
    attribute: 'grid-size',
    property: 'gridSize',
    bad: 100,
    used: 25,
    good: 5,
  },
  {
    tag: 'vae-latent-explorer',
    attribute: 'sweep-dims',
    property: 'sweepDims',
    bad: '4,4',
    used: [0, 1],
    good: [2, 5],
  },
  { tag: 'vae-latent-explorer', attribute: 'range', property: 'range', bad: -1, used: 3, good: 2 },
  {
    tag: 'vae-latent-explorer',
    attribute: 'dataset',
    property: 'datasetName',
    bad: 'faces',
    used: 'digits',
    good: 'digits',
  },
  {
    tag: 'pixel-rnn-canvas',
    attribute: 'temperature',
    property: 'temperature',
    bad: 0,
    used: 0.05,
    good: 0.5,
  },
  { tag: 'pixel-rnn-canvas', attribute: 'count', property: 'count', bad: 99, used: 16, good: 4 },
  {
    tag: 'pixel-rnn-canvas',
    attribute: 'speed',
    property: 'speed',
    bad: 'fast',
    used: 8,
    good: 'instant',
  },
  {
    tag: 'pixel-rnn-canvas',
    attribute: 'color-encoding',
    property: 'colorEncoding',
    bad: 'hsv',
    used: 'one-hot',
    good: 'sigmoid',
  },
  { tag: 'gan-arena', attribute: 'd-steps', property: 'dSteps', bad: 'many', used: 1, good: 3 },
  { tag: 'gan-arena', attribute: 'lr-g', property: 'lrG', bad: 5, used: 0.002, good: 0.01 },
  { tag: 'gan-arena', attribute: 'batch-size', property: 'batchSize', bad: 2, used: 8, good: 128 },
  {
    tag: 'gan-arena',
    attribute: 'distribution',
    property: 'distribution',
    bad: 'spiral',
    used: 'ring',
    good: 'moons',
  },
  { tag: 'sentence-morph', attribute: 'steps', property: 'steps', bad: 50, used: 20, good: 3 },
  {
    tag: 'sentence-morph',
    attribute: 'decoding',
    property: 'decoding',
    bad: 'random',
    used: 'greedy',
    good: 'beam',
  },
  {
    tag: 'sentence-morph',
    attribute: 'backend',
    property: 'backend',
    bad: 'gpu',
    used: 'auto',
    good: 'wasm',
  },
  { tag: 'sentence-morph', attribute: 'seed', property: 'seed', bad: 'abc', used: null, good: 42 },
];

function shownError(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim() ?? '';
}

describe('properties named after attributes', () => {
  for (const c of CASES) {
    it(`${c.tag}.${c.property} validates like the ${c.attribute} attribute`, async () => {
      const byAttribute = await idleElement(c.tag);
      byAttribute.setAttribute(c.attribute, String(c.bad));
      await byAttribute.updateComplete;

      const byProperty = await idleElement(c.tag);
      const messages: string[] = [];
      byProperty.addEventListener('model-error', (event) =>
        messages.push((event as CustomEvent<{ message: string }>).detail.message),
      );
      (byProperty as unknown as Record<string, unknown>)[c.property] = c.bad;
      await byProperty.updateComplete;

      expect((byProperty as unknown as Record<string, unknown>)[c.property]).to.deep.equal(c.used);
      expect((byAttribute as unknown as Record<string, unknown>)[c.property]).to.deep.equal(c.used);
      expect(shownError(byProperty)).to.include(`${c.attribute}="${c.bad}"`);
      expect(shownError(byProperty)).to.equal(shownError(byAttribute));
      expect(messages).to.have.length(1);

      // A good value clears the message and is what the property reads back.
      (byProperty as unknown as Record<string, unknown>)[c.property] = c.good;
      await byProperty.updateComplete;
      expect((byProperty as unknown as Record<string, unknown>)[c.property]).to.deep.equal(c.good);
      expect(shownError(byProperty)).to.equal('');
    });
  }

  it('a huge attribute value is quoted clipped, and the message box wraps', async () => {
    const el = await idleElement('vae-latent-explorer');
    el.setAttribute('grid-size', 'x'.repeat(10_000));
    await el.updateComplete;
    const text = shownError(el);
    expect(text.length).to.be.below(400);
    expect(text).to.include('…');
  });

  it('keeps internal parsed values private: no *Attribute properties remain', async () => {
    for (const tag of ['vae-latent-explorer', 'pixel-rnn-canvas', 'gan-arena', 'sentence-morph']) {
      const el = await idleElement(tag);
      const names: string[] = [];
      for (
        let proto = Object.getPrototypeOf(el) as object | null;
        proto && proto !== HTMLElement.prototype;
        proto = Object.getPrototypeOf(proto) as object | null
      ) {
        names.push(...Object.getOwnPropertyNames(proto));
      }
      expect(
        names.filter((name) => name.endsWith('Attribute') && name !== 'checkAttribute'),
      ).to.deep.equal([]);
    }
  });
});
