// <pixel-rnn-canvas> end to end on WASM with the bundled weights: drawing, compare, completion,
// hover, pause, bad input, fine-tuning, and no tensor growth.
import { expect, waitUntil } from '@open-wc/testing';
import '../../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
import type {
  GenerateEndDetail,
  PixelRnnCanvas,
} from '../../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
import { DIGIT_PALETTE, imageToIndices } from '../../src/data/pixel-images.js';
import { nextEvent, settledTensorCount } from '../helpers.js';
import { elementMaker } from './element-helpers.js';

function shadow(element: PixelRnnCanvas) {
  return element.shadowRoot!;
}

/** RGB of every pixel of an ImageData, as "r,g,b" strings. */
function colours(image: ImageData): string[] {
  const out: string[] = [];
  for (let p = 0; p < image.width * image.height; p++)
    out.push(`${image.data[p * 4]},${image.data[p * 4 + 1]},${image.data[p * 4 + 2]}`);
  return out;
}

/** A 28×28 test digit (MNIST style: white ink on black) from the shipped held-out strip. */
async function heldOutDigit(index: number): Promise<ImageData> {
  const response = await fetch('/dist/weights/pixel-rnn-digits/heldout-sample.png');
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(28, 28);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, index * 28, 0, 28, 28, 0, 0, 28, 28);
  return context.getImageData(0, 0, 28, 28);
}

describe('<pixel-rnn-canvas>', () => {
  const make = elementMaker('pixel-rnn-canvas', { seed: '3', speed: 'instant' });

  it('draws `count` emoji with the bundled one-hot model and reports their NLL', async () => {
    const { element, errors } = await make({ count: '3' });
    expect(element.activeBackend).to.equal('wasm');
    const ended = nextEvent<GenerateEndDetail>(element, 'generate-end');
    const images = await element.generate();
    const detail = (await ended).detail;
    expect(images).to.have.length(3);
    expect(images.every((image) => image.width === 16 && image.height === 16)).to.equal(true);
    expect(detail.images).to.have.length(3);
    expect(detail.nll.every((v) => Number.isFinite(v) && v > 0)).to.equal(true);
    // Not a blank page: every image uses several palette colours.
    for (const image of images) expect(new Set(colours(image)).size).to.be.greaterThan(2);
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('canvas[data-panel="0"]')).to.have.length(3);
    expect(shadow(element).querySelector('.panel .nll')!.textContent).to.match(/\d/);
    expect(errors).to.deep.equal([]);
  });

  it('gives the same images for the same seed', async () => {
    const a = await (await make({ count: '2', seed: '11' })).element.generate();
    const b = await (await make({ count: '2', seed: '11' })).element.generate();
    expect(a.map(colours)).to.deep.equal(b.map(colours));
  });

  it('`compare` shows the one-hot and the sigmoid model side by side, on two sets of canvases', async () => {
    const { element } = await make({ compare: '', count: '2' });
    const ended = nextEvent<GenerateEndDetail>(element, 'generate-end');
    await element.generate();
    const detail = (await ended).detail;
    await element.updateComplete;
    const panels = shadow(element).querySelectorAll<HTMLElement>('.panel[part="panel"]');
    expect(Array.from(panels, (panel) => panel.dataset.encoding)).to.deep.equal([
      'one-hot',
      'sigmoid',
    ]);
    expect(shadow(element).querySelectorAll('canvas[data-panel="0"]')).to.have.length(2);
    expect(shadow(element).querySelectorAll('canvas[data-panel="1"]')).to.have.length(2);
    expect(detail.panels.map((panel) => panel.encoding)).to.deep.equal(['one-hot', 'sigmoid']);
    expect(detail.panels[1].images).to.have.length(2);
    expect(shadow(element).querySelectorAll('.panel .saturation')).to.have.length(2);
  });

  it('hovering a drawn pixel shows the predicted distribution as one bar per palette colour', async () => {
    const { element } = await make();
    await element.generate();
    await element.updateComplete;
    const canvas = shadow(element).querySelector<HTMLCanvasElement>(
      'canvas[data-panel="0"][data-image="0"]',
    )!;
    const rect = canvas.getBoundingClientRect();
    // Row 3, column 5 of 16.
    canvas.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: rect.left + (5.5 / 16) * rect.width,
        clientY: rect.top + (3.5 / 16) * rect.height,
        bubbles: true,
      }),
    );
    await element.updateComplete;
    const prediction = shadow(element).querySelector('[part="prediction"]')!;
    expect(prediction.querySelector('.where')!.textContent).to.contain('row 4, column 6');
    const bars = prediction.querySelectorAll('svg rect[fill^="rgb"]');
    expect(bars).to.have.length(32);
    const heights = Array.from(bars, (bar) => Number(bar.getAttribute('height')));
    expect(heights.some((h) => h > 1)).to.equal(true);
  });

  it('draws pixel by pixel with a cursor, and pause() holds the drawing until resume()', async () => {
    const { element } = await make({ speed: '1', dataset: 'digits' });
    const drawing = element.generate();
    await waitUntil(() => shadow(element).querySelector('.cursor') !== null, 'no cursor', {
      timeout: 10000,
    });
    element.pause();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const held = shadow(element).querySelector('.progress')!.textContent;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shadow(element).querySelector('.progress')!.textContent).to.equal(held);
    element.setAttribute('speed', 'instant');
    element.resume();
    const images = await drawing;
    expect(images[0].width).to.equal(28);
    await element.updateComplete;
    expect(shadow(element).querySelector('.cursor')).to.equal(null);
  });

  it('complete() keeps the given rows untouched in every completion', async () => {
    const { element } = await make({ dataset: 'digits', count: '3' });
    const digit = await heldOutDigit(0);
    const fromRow = 14;
    const completions = await element.complete(digit, { fromRow });
    expect(completions).to.have.length(3);
    // The given image as the model takes it: centred the MNIST way, then ink or paper.
    const indices = await imageToIndices(digit, {
      size: 28,
      encoding: 'one-hot',
      palette: DIGIT_PALETTE,
      kind: 'digits',
    });
    const given = Array.from(indices, (v) => (v ? '255,255,255' : '0,0,0'));
    expect(given.slice(0, fromRow * 28)).to.include('255,255,255');
    for (const completion of completions) {
      expect(colours(completion).slice(0, fromRow * 28)).to.deep.equal(
        given.slice(0, fromRow * 28),
      );
    }
    // The lower rows are the model's: the three completions are not all the same.
    const lower = completions.map((c) =>
      colours(c)
        .slice(fromRow * 28)
        .join(';'),
    );
    expect(new Set(lower).size).to.be.greaterThan(1);
  });

  it('emoji completion from the UI: paint the top rows on the palette pad, keep them, and the model draws the rest', async () => {
    const { element } = await make({ count: '2' });
    const details = shadow(element).querySelector('details.completion')!;
    details.setAttribute('open', '');
    await element.updateComplete;
    const pad = shadow(element).querySelector('ge-palette-pad')!;
    await pad.updateComplete;
    // Pick palette colour 20 and paint a stroke across row 2.
    pad.shadowRoot!.querySelectorAll<HTMLButtonElement>('.swatches button')[20].click();
    await pad.updateComplete;
    const canvas = pad.shadowRoot!.querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    const at = (column: number, row: number) => ({
      clientX: rect.left + ((column + 0.5) / 16) * rect.width,
      clientY: rect.top + ((row + 0.5) / 16) * rect.height,
      pointerId: 1,
      bubbles: true,
    });
    canvas.dispatchEvent(new PointerEvent('pointerdown', at(0, 2)));
    for (let column = 1; column < 16; column++)
      canvas.dispatchEvent(new PointerEvent('pointermove', at(column, 2)));
    canvas.dispatchEvent(new PointerEvent('pointerup', at(15, 2)));
    expect(Array.from(pad.indices.slice(32, 48))).to.deep.equal(Array(16).fill(20));
    shadow(element).querySelector<HTMLButtonElement>('button.use-painting')!.click();
    await element.updateComplete;
    const slider = shadow(element).querySelector<HTMLInputElement>('input.from-row')!;
    slider.value = '4';
    slider.dispatchEvent(new Event('input'));
    await element.updateComplete;
    const ended = nextEvent<GenerateEndDetail>(element, 'generate-end');
    shadow(element).querySelector<HTMLButtonElement>('button.complete')!.click();
    const { images } = (await ended).detail;
    expect(images).to.have.length(2);
    const painted = colours(images[0]).slice(32, 48);
    expect(new Set(painted).size).to.equal(1);
    for (const image of images) {
      const top = colours(image).slice(0, 64);
      expect(top.slice(32, 48)).to.deep.equal(painted);
      expect(new Set([...top.slice(0, 32), ...top.slice(48)]).size).to.equal(1); // the unpainted rows: background
    }
  });

  it('clamps count="99" to 16 and temperature="0" to 0.05, saying so, and still draws', async () => {
    const { element, errors } = await make({ count: '99', temperature: '0' });
    expect(errors.join(' ')).to.contain('count="99"');
    expect(errors.join(' ')).to.contain('temperature="0"');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('count="99"');
    const images = await element.generate();
    expect(images).to.have.length(16);
  });

  it('explains color-encoding="sigmoid" on digits and compare on digits, and falls back', async () => {
    const { element, errors } = await make({
      dataset: 'digits',
      'color-encoding': 'sigmoid',
      compare: '',
    });
    expect(errors.join(' ')).to.contain('color-encoding="sigmoid"');
    expect(errors.join(' ')).to.contain('compare=""');
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('.panel[part="panel"]')).to.have.length(1);
  });

  it('refuses an upload that is not an image, and a 10000×10000 image, with clear messages', async () => {
    const { element } = await make();
    const text = new File(['not a picture'], 'notes.txt', { type: 'text/plain' });
    let message = '';
    await element.complete(text).catch((error: Error) => (message = error.message));
    expect(message).to.contain('notes.txt').and.to.contain('not an image');

    const huge = document.createElement('canvas');
    huge.width = huge.height = 10000;
    message = '';
    await element.complete(huge).catch((error: Error) => (message = error.message));
    expect(message).to.contain('10000×10000').and.to.contain('largest accepted');

    // The same through the UI: the message is shown inside the element, which keeps working.
    shadow(element).querySelector('details.completion')!.setAttribute('open', '');
    const input = shadow(element).querySelector<HTMLInputElement>('input.completion-file')!;
    const files = new DataTransfer();
    files.items.add(text);
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(
      () => shadow(element).querySelector('[part="error"]')?.textContent?.includes('notes.txt'),
      'no visible error',
    );
    expect((await element.generate())[0].width).to.equal(16);
  });

  it('fine-tunes on images quantised to the palette, with progress events', async () => {
    const { element } = await make();
    const image = new ImageData(64, 64);
    for (let p = 0; p < 64 * 64; p++)
      image.data.set(p % 64 < 32 ? [220, 40, 60, 255] : [255, 255, 255, 255], p * 4);
    const progress: number[] = [];
    element.addEventListener('train-progress', (event) => progress.push(event.detail.step));
    const ended = nextEvent(element, 'train-end');
    const result = await element.fineTune([image, image], { steps: 3 });
    await ended;
    expect(progress).to.deep.equal([1, 2, 3]);
    expect(Number.isFinite(result.losses.nll)).to.equal(true);
  });

  it('does not grow the tensor count over repeated drawing, completion and removal', async () => {
    const baseline = await settledTensorCount();
    const { element } = await make({ count: '2', compare: '' });
    await element.generate();
    const afterFirst = await settledTensorCount();
    for (let i = 0; i < 5; i++) await element.generate();
    const digit = new ImageData(16, 16);
    await element.complete(digit, { fromRow: 4 });
    expect(await settledTensorCount()).to.equal(afterFirst);
    element.remove(); // (removing it again after the test changes nothing)
    await waitUntil(async () => (await settledTensorCount()) === baseline, 'tensors not freed', {
      timeout: 10000,
    });
  });
});
