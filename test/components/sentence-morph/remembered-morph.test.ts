// A morph to read at once: <sentence-morph> shows the built-in sentences' morph (computed from
// the bundled weights when they were made) before its model is ready, and a reader's own
// sentences' morph from an earlier visit; each is what the model then draws itself.
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/sentence-morph/sentence-morph.js';
import type { SentenceMorph } from '../../../components/sentence-morph/sentence-morph.js';
import { DEFAULT_MORPH } from '../../../components/sentence-morph/default-morph.js';
import { nextEvent } from '../../helpers.js';

const STORAGE_KEY = 'generative-elements:sentence-morph:remembered';

function pathLines(element: SentenceMorph): string[] {
  return Array.from(element.shadowRoot!.querySelectorAll('[part="path"] li .sentence'), (li) =>
    li.textContent.replace(/\s+/g, ' ').trim(),
  );
}

function shownAsRemembered(element: SentenceMorph): boolean {
  return element.shadowRoot!.querySelector('[part="path"].remembered .remembered-note') !== null;
}

const readyElements = new WeakSet<Element>();
const isReady = (element: Element) => readyElements.has(element);

/** An element on the page; resolves once it has rendered (its model still loading). */
async function place(attributes: Record<string, string> = {}): Promise<SentenceMorph> {
  const element = document.createElement('sentence-morph');
  element.addEventListener('model-ready', () => readyElements.add(element));
  element.setAttribute('loading', 'eager');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

describe('<sentence-morph> before its model is ready', function () {
  this.timeout(180000);
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => document.querySelectorAll('sentence-morph').forEach((e) => e.remove()));

  it('shows the built-in morph at once, and the model then draws the same sentences', async () => {
    const element = await place();
    const ready = nextEvent(element, 'model-ready', 170000);
    expect(isReady(element)).to.equal(false);
    const remembered = pathLines(element);
    expect(remembered).to.deep.equal(DEFAULT_MORPH.tokens.map((line) => line.join(' ')));
    expect(shownAsRemembered(element)).to.equal(true);
    await ready;
    await element.updateComplete;
    expect(shownAsRemembered(element)).to.equal(false);
    expect(pathLines(element)).to.deep.equal(remembered);
  });

  it('names the bundled weights it was computed from', async () => {
    const bytes = await (await fetch('/weights/sentence-vae/weights.bin')).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex.slice(0, 16)).to.equal(DEFAULT_MORPH.weightsId);
  });

  it('remembers the first morph of other sentences for the next visit (not a sampled one)', async () => {
    const own = { from: 'The river ran fast.', to: 'She read the letter twice.' };
    const first = await place(own);
    expect(pathLines(first)).to.deep.equal([]);
    await nextEvent(first, 'model-ready', 170000);
    await first.updateComplete;
    const drawn = pathLines(first);
    expect(drawn).to.have.length(7);
    first.remove();

    const again = await place(own);
    expect(isReady(again)).to.equal(false);
    expect(pathLines(again)).to.deep.equal(drawn);
    expect(shownAsRemembered(again)).to.equal(true);
    await nextEvent(again, 'model-ready', 170000);
    again.remove();

    const sampled = await place({ ...own, decoding: 'sample' });
    expect(pathLines(sampled)).to.deep.equal([]);
    await nextEvent(sampled, 'model-ready', 170000);
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!) as unknown[];
    expect(stored).to.have.length(1);
  });

  it('ignores a damaged store and storage that refuses', async () => {
    localStorage.setItem(STORAGE_KEY, '{"not": "a list"');
    const element = await place({ from: 'The river ran fast.', to: 'A dog barked.' });
    expect(pathLines(element)).to.deep.equal([]);
    await nextEvent(element, 'model-ready', 170000);
    await waitUntil(() => pathLines(element).length === 7, 'no path drawn');
    const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!;
    Object.defineProperty(Storage.prototype, 'setItem', {
      ...original,
      value: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    try {
      const other = await place({ from: 'The river ran slow.', to: 'A cat slept.' });
      await nextEvent(other, 'model-ready', 170000);
      await waitUntil(() => pathLines(other).length === 7, 'no path drawn');
    } finally {
      Object.defineProperty(Storage.prototype, 'setItem', original);
    }
  });
});
