// Fuzzed attributes and properties on every element: whatever a page sets, nothing throws,
// nothing reaches the page as an uncaught error, and messages stay short.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import { createRng } from '../../src/runtime/random.js';

const ATTRIBUTES: Record<string, string[]> = {
  'vae-latent-explorer': ['dataset', 'grid-size', 'sweep-dims', 'range', 'show-noise'],
  'gan-arena': [
    'mode',
    'distribution',
    'd-steps',
    'g-steps',
    'lr-d',
    'lr-g',
    'batch-size',
    'loss',
    'pretrained',
    'running',
  ],
  'pixel-rnn-canvas': [
    'dataset',
    'color-encoding',
    'compare',
    'temperature',
    'speed',
    'autoplay',
    'count',
  ],
  'sentence-morph': ['from', 'to', 'steps', 'decoding'],
};
const SHARED = ['backend', 'seed', 'loading', 'controls', 'lang'];
const PROPERTIES: Record<string, string[]> = {
  'vae-latent-explorer': ['datasetName', 'gridSize', 'sweepDims', 'range', 'showNoise'],
  'gan-arena': [
    'mode',
    'distribution',
    'dSteps',
    'gSteps',
    'lrD',
    'lrG',
    'batchSize',
    'loss',
    'pretrained',
  ],
  'pixel-rnn-canvas': ['datasetName', 'colorEncoding', 'temperature', 'speed', 'count'],
  'sentence-morph': ['steps', 'decoding'],
};

const rng = createRng(2024);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)];
const TEXTS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '3.5',
  '99999999999',
  '0x10',
  'true',
  'false',
  'none',
  'all',
  '1,1',
  '0,0,0',
  '<img src=x onerror=alert(1)>',
  '"quoted"',
  'x'.repeat(10_000),
  'ünïcødé 中文 עברית 🙂',
  '{"a":1}',
  '\n\t',
  'digits',
  'emoji',
  'wasm',
];
const VALUES: unknown[] = [
  ...TEXTS,
  0,
  -5,
  1.5,
  NaN,
  Infinity,
  null,
  undefined,
  true,
  false,
  [],
  [1, 2],
  [3, 'x'],
  {},
  { toString: () => '7' },
];

describe('fuzzed attributes and properties', () => {
  for (const tag of Object.keys(ATTRIBUTES)) {
    it(`<${tag}>: 150 random values, no uncaught error, short messages`, async () => {
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      const box = document.createElement('div');
      box.style.display = 'none'; // lazy elements out of view never start a model
      document.body.append(box);
      const element = document.createElement(tag) as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
      box.append(element);
      try {
        for (let i = 0; i < 150; i++) {
          if (i % 2 === 0) element.setAttribute(pick([...ATTRIBUTES[tag], ...SHARED]), pick(TEXTS));
          else
            (element as unknown as Record<string, unknown>)[pick(PROPERTIES[tag])] = pick(VALUES);
          await element.updateComplete;
          const shown = element.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
          expect(shown.length).to.be.below(3000);
        }
        // Every property reads back a usable value.
        for (const property of PROPERTIES[tag])
          expect((element as unknown as Record<string, unknown>)[property]).to.not.equal(undefined);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
        box.remove();
      }
    });
  }
});
