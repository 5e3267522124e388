// <vae-latent-explorer> end to end on WASM, in a real browser, with the bundled weights.
import { expect, waitUntil } from '@open-wc/testing';
import { nextEvent, rejection, settledTensorCount, modelTensorCount } from '../helpers.js';
import { elementMaker } from './element-helpers.js';
import {
  cellMaxima,
  gridChangedFrom,
  gridDrawn,
  gridPixels,
  visibleError,
} from './explorer-helpers.js';
import type { VaeLatentExplorer } from '../../components/vae-latent-explorer/vae-latent-explorer.js';

function digitCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 100;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 100, 100);
  context.strokeStyle = '#000';
  context.lineWidth = 12;
  context.beginPath();
  context.arc(50, 50, 30, 0, Math.PI * 2);
  context.stroke(); // a zero, dark on light (the element must invert it)
  return canvas;
}

describe('<vae-latent-explorer>', () => {
  const created: VaeLatentExplorer[] = [];
  afterEach(() => created.splice(0).forEach((element) => element.remove()));
  const make = elementMaker('vae-latent-explorer');

  it('reaches model-ready on WASM and resolves `ready`', async () => {
    const element = document.createElement('vae-latent-explorer');
    element.setAttribute('loading', 'eager');
    const ready = nextEvent<{ backend: string; loadMs: number }>(element, 'model-ready');
    document.body.append(element);
    created.push(element);
    const event = await ready;
    await element.ready;
    expect(event.detail.backend).to.equal('wasm');
    expect(event.detail.loadMs).to.be.a('number');
    expect(element.activeBackend).to.equal('wasm');
    expect(element.shadowRoot!.querySelector('[part="status"]')!.textContent).to.match(
      /Ready.*wasm/,
    );
  });

  it('draws grid-size² non-blank cells', async () => {
    const { element, errors } = await make({ 'grid-size': '5' });
    await gridDrawn(element, 5);
    expect(cellMaxima(element, 5)).to.have.length(25);
    expect(errors).to.deep.equal([]);
  });

  it('redraws different images when sweep-dims changes', async () => {
    const { element } = await make({ 'grid-size': '4' });
    await gridDrawn(element, 4);
    const before = gridPixels(element);
    element.setAttribute('sweep-dims', '2,3');
    await gridChangedFrom(element, before, 'the grid should change with sweep-dims');
  });

  for (const [attribute, value, expected] of [
    ['grid-size', 'abc', 9],
    ['sweep-dims', '0,0', 9],
    ['sweep-dims', '12,3', 9],
    ['range', '-2', 9],
    ['backend', 'quantum', 9],
    ['seed', 'x', 9],
  ] as const) {
    it(`shows an error for ${attribute}="${value}" and keeps working`, async () => {
      const { element, errors } = await make({ [attribute]: value });
      expect(errors.join(' ')).to.contain(attribute);
      await element.updateComplete;
      expect(visibleError(element)).to.contain(`${attribute}="${value}"`);
      await gridDrawn(element, expected);
    });
  }

  it('falls back to the bundled weights when the weights URL 404s', async () => {
    const { element, errors } = await make({
      weights: '/no/such/weights/model.json',
      'grid-size': '3',
    });
    expect(errors.join(' ')).to.contain('/no/such/weights/model.json');
    await element.updateComplete;
    expect(visibleError(element)).to.contain('bundled');
    await gridDrawn(element, 3);
  });

  it('falls back to the bundled weights on a corrupt manifest', async () => {
    const corrupt = URL.createObjectURL(
      new Blob(['{"weightsManifest": [ nope'], { type: 'application/json' }),
    );
    const { element, errors } = await make({ weights: corrupt, 'grid-size': '3' });
    expect(errors).to.have.length(1);
    await element.updateComplete;
    expect(visibleError(element)).to.not.equal('');
    await gridDrawn(element, 3);
  });

  it('encodes, decodes, interpolates and recentres through its JS API', async () => {
    const { element } = await make({ 'grid-size': '3' });
    const { mean, logVar } = await element.encode(digitCanvas());
    expect(mean).to.have.length(10);
    expect(logVar.every(Number.isFinite)).to.equal(true);
    const [image] = await element.decode(mean);
    expect([image.width, image.height]).to.deep.equal([28, 28]);
    const frames = await element.interpolate(digitCanvas(), image, 6);
    expect(frames).to.have.length(6);
    const changes: number[][] = [];
    element.addEventListener('code-change', (event) => changes.push(event.detail.code));
    element.setCode(mean);
    expect(changes).to.deep.equal([element.code]);
    expect(() => element.setCode([1, 2, 3])).to.throw(RangeError, /10 numbers/);
  });

  it('moves through the grid with the keyboard and recentres with Enter', async () => {
    const { element } = await make({ 'grid-size': '5', 'sweep-dims': '3,4' });
    await gridDrawn(element, 5);
    const before = element.code;
    const grid = element.shadowRoot!.querySelector<HTMLElement>('[part="grid"]')!;
    grid.focus();
    for (const key of ['ArrowRight', 'ArrowUp', 'Enter'])
      grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const after = element.code;
    const step = (2 * 3) / 4; // range 3, five cells
    expect(after[3] - before[3]).to.be.closeTo(step, 1e-5);
    expect(after[4] - before[4]).to.be.closeTo(step, 1e-5);
    expect(after[0]).to.equal(before[0]);
  });

  it('shows the lecture’s two numbers and, with show-noise, the encoder’s σ', async () => {
    const { element } = await make({ 'show-noise': '', 'grid-size': '3' });
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(
      Number(root.querySelector('dd.reconstruction')!.textContent.replace(/,/g, '')),
    ).to.be.greaterThan(0);
    expect(Number(root.querySelector('dd.kl')!.textContent.replace(/,/g, ''))).to.be.greaterThan(0);
    // An SVG element (drawn), not an unknown HTML element of the same name.
    expect(root.querySelector('ellipse.noise')).to.be.instanceOf(SVGEllipseElement);
  });

  it('speaks Simplified Chinese with lang="zh-Hans", error messages included', async () => {
    const { element, errors } = await make({ lang: 'zh-Hans', 'grid-size': '30' });
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('VAE 隐空间探索器');
    expect(errors.join(' ')).to.contain('应为 3 到 25 之间的整数');
    await gridDrawn(element, 25);
  });

  it('waits for the viewport with loading="lazy"', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const element = document.createElement('vae-latent-explorer');
    element.setAttribute('grid-size', '3');
    document.body.append(element);
    created.push(element);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(element.activeBackend).to.equal(null);
    const ready = nextEvent(element, 'model-ready');
    element.scrollIntoView();
    await ready;
    spacer.remove();
  });

  it('fine-tunes on the user’s images with progress and end events', async () => {
    const { element } = await make({ 'grid-size': '3' });
    const progress: number[] = [];
    element.addEventListener('train-progress', (event) => progress.push(event.detail.step));
    const end = nextEvent<{ steps: number; aborted: boolean; losses: Record<string, number> }>(
      element,
      'train-end',
    );
    const result = await element.fineTune([digitCanvas(), digitCanvas()], {
      steps: 6,
      batchSize: 4,
    });
    expect(result.steps).to.equal(6);
    expect(progress).to.deep.equal([1, 2, 3, 4, 5, 6]);
    const { detail } = await end;
    expect(detail.aborted).to.equal(false);
    expect(Number.isFinite(detail.losses.loss)).to.equal(true);
  });

  it('saves fine-tuned weights in the browser and loads them back; a bad source keeps the current weights', async () => {
    const { element, errors } = await make({ 'grid-size': '3' });
    const zero = new Array(10).fill(0);
    const pixels = async () => Array.from((await element.decode([zero]))[0].data);
    await element.fineTune([digitCanvas()], { steps: 5, learningRate: 1e-3 });
    const tuned = await pixels();
    await element.saveWeights('explorer-test');
    await element.loadWeights('bundled');
    expect(await pixels()).to.not.deep.equal(tuned);
    await element.loadWeights('indexeddb://explorer-test');
    expect(await pixels()).to.deep.equal(tuned);
    expect(await rejection(element.loadWeights('indexeddb://no-such-weights'))).to.be.instanceOf(
      Error,
    );
    expect(errors.join(' ')).to.contain('no-such-weights');
    expect(await pixels()).to.deep.equal(tuned);
  });

  it('leaks no tensors over 50 interactions', async () => {
    const { element } = await make({ 'grid-size': '5' });
    await gridDrawn(element, 5);
    const before = await modelTensorCount();
    for (let i = 0; i < 50; i++) {
      const kind = i % 5;
      if (kind === 0) element.setCode(Array.from({ length: 10 }, (_, d) => Math.sin(i + d)));
      if (kind === 1) element.setAttribute('sweep-dims', `${i % 10},${(i + 3) % 10}`);
      if (kind === 2) element.setAttribute('grid-size', String(3 + (i % 4)));
      if (kind === 3) await element.decode([element.code, element.code]);
      if (kind === 4) await element.encode(digitCanvas());
      await element.updateComplete;
    }
    element.setAttribute('grid-size', '5');
    await element.updateComplete;
    await gridDrawn(element, 5);
    await waitUntil(async () => (await modelTensorCount()) === before, `tensors vs ${before}`, {
      timeout: 5000,
    });
  });

  it('leaks no tensors over 20 connect/disconnect cycles, and frees everything when removed', async () => {
    const baseline = await settledTensorCount();
    const { element } = await make({ 'grid-size': '3' });
    await gridDrawn(element, 3);
    const whileConnected = await modelTensorCount();
    for (let i = 0; i < 20; i++) {
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 20)); // removal frees the model after a task
      const ready = nextEvent(element, 'model-ready');
      document.body.append(element);
      await ready;
    }
    await gridDrawn(element, 3);
    expect(await modelTensorCount()).to.equal(whileConnected);
    element.remove();
    expect(await settledTensorCount()).to.equal(baseline);
  });
});
