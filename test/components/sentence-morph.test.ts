// <sentence-morph> end to end on WASM with the bundled weights: the path, the morph event, the
// decodings, marked words, text that stays text, bad input and attributes, fine-tuning, weights,
// and no tensor growth.
import { expect, waitUntil } from '@open-wc/testing';
import '../../components/sentence-morph/sentence-morph.js';
import type { MorphDetail, SentenceMorph } from '../../components/sentence-morph/sentence-morph.js';
import { nextEvent, rejection, settledTensorCount, modelTensorCount } from '../helpers.js';
import { elementMaker } from './element-helpers.js';

function shadow(element: SentenceMorph) {
  return element.shadowRoot!;
}

function pathLines(element: SentenceMorph): string[] {
  return Array.from(shadow(element).querySelectorAll('[part="path"] li .sentence'), (li) =>
    li.textContent.replace(/\s+/g, ' ').trim(),
  );
}

function errorText(element: SentenceMorph): string {
  return shadow(element).querySelector('[part="error"]')?.textContent ?? '';
}

describe('<sentence-morph>', () => {
  const made = elementMaker('sentence-morph', { seed: '5' });
  const make = async (attributes: Record<string, string> = {}) => {
    const result = await made(attributes);
    await result.element.updateComplete;
    return result;
  };

  it('shows the path between the two built-in sentences on start, steps + 2 lines', async () => {
    const { element, errors } = await make();
    expect(element.activeBackend).to.equal('wasm');
    await waitUntil(() => pathLines(element).length === 7, 'no path drawn');
    expect(errors).to.deep.equal([]);
    expect(
      shadow(element).querySelector<HTMLTextAreaElement>('textarea.sentence-from')!.value,
    ).to.have.length.greaterThan(5);
  });

  it('morph() returns steps + 2 sentences, fires `morph`, and shows them with the changed words marked', async () => {
    const { element } = await make();
    const fired = nextEvent<MorphDetail>(element, 'morph');
    const sentences = await element.morph(
      'The room was dark and quiet',
      'We need to make those investments',
      4,
    );
    expect(sentences).to.have.length(6);
    expect((await fired).detail.sentences).to.deep.equal(sentences);
    await element.updateComplete;
    expect(pathLines(element)).to.have.length(6);
    // The path is not one sentence repeated, and what changed from line to line is marked.
    expect(new Set(sentences).size).to.be.greaterThan(1);
    expect(
      shadow(element).querySelectorAll('[part="path"] li.point mark.changed').length,
    ).to.be.greaterThan(0);
    // The ends are the model's reconstructions of the inputs: decode(encode(x).mean).
    const { mean } = await element.encode('The room was dark and quiet');
    expect(await element.decode(mean)).to.equal(sentences[0]);
  });

  it('keeps every user string as text: markup in a sentence is shown, never run', async () => {
    const { element } = await make();
    const hostile = '<img src=x onerror="window.__xss = 1"> is a tag';
    element.setAttribute('from', hostile);
    await waitUntil(
      () =>
        shadow(element).querySelector<HTMLTextAreaElement>('textarea.sentence-from')!.value ===
        hostile,
      'input not shown',
    );
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    // Every character of it is read: six words, so it is morphed like any sentence.
    await waitUntil(() => pathLines(element).length === 7, 'the hostile text was not morphed');
    expect(errorText(element)).to.not.match(/at most/);
    expect(shadow(element).querySelector('img')).to.equal(null);
  });

  it('reads any Latin-script word, and lists words with characters never seen in training under the input', async () => {
    const { element } = await make({ from: 'The 猫 was dark and quiet', to: 'Zoë saw a zyxwvut' });
    await element.updateComplete;
    const summary = shadow(element).querySelector('.input .unknown-summary')!.textContent;
    expect(summary).to.contain('猫');
    expect(shadow(element).querySelectorAll('.input .unknown-summary')[1].textContent).to.contain(
      'Every word',
    );
  });

  it('an empty or over-long sentence gets a clear message, never an exception, and the last path stays', async () => {
    const { element, errors } = await make();
    await waitUntil(() => pathLines(element).length === 7, 'no path drawn');
    element.setAttribute('to', '   ');
    await waitUntil(
      () => /To: the sentence is empty/.test(errorText(element)),
      'no message for an empty input',
    );
    expect(pathLines(element)).to.have.length(7); // the last path stays
    expect(
      shadow(element).querySelectorAll('.input .unknown-summary')[1].textContent.trim(),
    ).to.equal('');
    element.setAttribute('to', Array(30).fill('lovely').join(' '));
    await waitUntil(
      () => /To: 30 words; the model reads at most 20/.test(errorText(element)),
      'no message for a long input',
    );
    expect(errors.length).to.be.greaterThan(0);
    expect(String(await rejection(element.morph('', 'A sentence')))).to.match(/empty/);
    // Fixed input: the message goes and a path is drawn again.
    element.setAttribute('to', 'The crowd packed the auditorium');
    await waitUntil(
      () => !/empty|at most/.test(errorText(element)) && pathLines(element).length === 7,
      'no recovery',
    );
  });

  it('accepts any sentence of up to 20 words, punctuation and all', async () => {
    const { element } = await make();
    await waitUntil(() => pathLines(element).length === 7, 'no path drawn');
    const twenty =
      'Well, the old sailors, tired and hungry, said: "We will sail home tomorrow, if the weather, at last, allows it."';
    expect(twenty.split(' ')).to.have.length(20);
    element.setAttribute('to', twenty);
    const sentences = await element.morph('The children played in the park.', twenty, 3);
    expect(sentences).to.have.length(5);
    expect(errorText(element)).to.not.match(/at most/);
  });

  it('clamps or replaces bad attribute values with a message', async () => {
    const { element, errors } = await make({ steps: '99', decoding: 'fancy' });
    await waitUntil(() => pathLines(element).length === 22, 'steps not clamped to 20');
    expect(errors.join('\n')).to.contain('steps="99": outside 1–20. Using 20.');
    expect(errors.join('\n')).to.contain(
      'decoding="fancy": expected greedy, sample or beam. Using greedy.',
    );
    expect(String(await rejection(element.morph('a cat', 'a dog', 0)))).to.match(
      /steps must be a whole number from 1 to 20/,
    );
  });

  it('decodes with beam search and by sampling, repeatably for a seed', async () => {
    const { element } = await make({ decoding: 'beam', steps: '3' });
    const beam = await element.morph(
      'The room was dark and quiet',
      'He needs a car to get to work',
    );
    expect(beam).to.have.length(5);
    expect(beam.every((s) => s.length > 0)).to.equal(true);
    const a = await (
      await make({ decoding: 'sample', seed: '9' })
    ).element.morph('The room was dark', 'A car to get to work');
    const b = await (
      await make({ decoding: 'sample', seed: '9' })
    ).element.morph('The room was dark', 'A car to get to work');
    expect(a).to.deep.equal(b);
  });

  it('fine-tunes on pasted sentences, reports unknown words, and keeps the tensor count', async () => {
    const { element } = await make();
    await element.morph('The room was dark and quiet', 'The crowd packed the auditorium');
    const before = await modelTensorCount();
    const progress: number[] = [];
    element.addEventListener('train-progress', (event) => progress.push(event.detail.step));
    const ended = nextEvent(element, 'train-end');
    const result = await element.fineTune(
      ['The cat sat on the mat', 'The dog slept by the 猫 door', ''],
      { steps: 4 },
    );
    expect(result.steps).to.equal(4);
    expect(result.used).to.equal(2);
    expect(result.unknownWords).to.equal(1); // 猫: its bytes
    expect(result.totalWords).to.equal(13);
    expect(Number.isFinite(result.losses.loss)).to.equal(true);
    expect(progress).to.deep.equal([1, 2, 3, 4]);
    await ended;
    await element.updateComplete;
    expect(shadow(element).querySelector('.training-report')!.textContent).to.contain(
      '1 of 13 words had characters the model never saw',
    );
    expect(await modelTensorCount()).to.equal(before);
  });

  it('saves and loads its weights in IndexedDB; a bad source keeps the current weights', async () => {
    const { element } = await make();
    const path = await element.morph(
      'The room was dark and quiet',
      'The crowd packed the auditorium',
    );
    await element.saveWeights('sentence-morph-test');
    await element.loadWeights('indexeddb://sentence-morph-test');
    expect(
      await element.morph('The room was dark and quiet', 'The crowd packed the auditorium'),
    ).to.deep.equal(path);
    expect(await rejection(element.loadWeights('indexeddb://no-such-weights'))).to.be.instanceOf(
      Error,
    );
    expect(errorText(element)).to.match(/Could not load weights/);
    expect(
      await element.morph('The room was dark and quiet', 'The crowd packed the auditorium'),
    ).to.deep.equal(path);
  });

  it('frees its model when removed, and 20 morphs leave no tensors behind', async () => {
    const before = await settledTensorCount();
    const { element } = await make();
    await element.morph('The room was dark', 'The crowd packed the auditorium');
    const loaded = await modelTensorCount();
    for (let i = 0; i < 20; i++)
      await element.morph('The room was dark', 'The crowd packed the auditorium', 1 + (i % 5));
    expect(await modelTensorCount()).to.equal(loaded);
    element.remove();
    expect(await settledTensorCount()).to.equal(before);
  });
});
