// <gan-arena> in 2-d mode, end to end on WASM: rounds, controls as attributes, bad values, leaks.
import { expect, waitUntil } from '@open-wc/testing';
import '../../components/gan-arena/gan-arena.js';
import type { GanArena, RoundDetail } from '../../components/gan-arena/gan-arena.js';
import { nextEvent, settledTensorCount, modelTensorCount } from '../helpers.js';
import { elementMaker } from './element-helpers.js';

/** How many pixels of the plane are not plain white: the map, points and arrows are drawn. */
function paintedPixels(element: GanArena): number {
  const canvas = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plane')!;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) painted++;
  return painted;
}

describe('<gan-arena> 2-d', () => {
  const make = elementMaker('gan-arena', { seed: '5' });

  it('reaches model-ready, runs rounds with finite losses, and draws the plane', async () => {
    const { element, errors } = await make();
    expect(element.activeBackend).to.equal('wasm');
    const rounds: RoundDetail[] = [];
    element.addEventListener('round', (event) => rounds.push(event.detail));
    const last = await element.step(30);
    expect(rounds.map((r) => r.round)).to.deep.equal(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rounds.every((r) => Number.isFinite(r.dLoss) && Number.isFinite(r.gLoss))).to.equal(
      true,
    );
    expect(last).to.deep.equal(rounds[29]);
    expect(paintedPixels(element)).to.be.greaterThan(5000);
    expect(errors).to.deep.equal([]);
  });

  for (const [attribute, value, message] of [
    ['d-steps', '-1', 'd-steps="-1"'],
    ['distribution', 'spiral', 'distribution="spiral"'],
    ['batch-size', '100000', 'batch-size="100000"'],
    ['mode', '3d', 'mode="3d"'],
    ['lr-g', 'fast', 'lr-g="fast"'],
    ['loss', 'wasserstein', 'loss="wasserstein"'],
  ] as const) {
    it(`explains ${attribute}="${value}", falls back, and keeps training`, async () => {
      const { element, errors } = await make({ [attribute]: value });
      expect(errors.join(' ')).to.contain(message);
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(message);
      const last = await element.step(3);
      expect(Number.isFinite(last!.dLoss)).to.equal(true);
    });
  }

  it('clamps batch-size="100000" to 512 and says so', async () => {
    const { element } = await make({ 'batch-size': '100000' });
    await element.updateComplete;
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('input#batch-size')!;
    expect(input.value).to.equal('512');
  });

  it('trains while `running` is set and stops when it is removed', async () => {
    const { element } = await make();
    let count = 0;
    element.addEventListener('round', () => count++);
    element.setAttribute('running', '');
    await waitUntil(() => count >= 20, 'rounds while running', { timeout: 20000 });
    element.pause();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = count;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count).to.equal(stoppedAt);
    expect(element.hasAttribute('running')).to.equal(false);
  });

  it('learns the user’s own points with fineTune, with progress events', async () => {
    const { element } = await make();
    const progress: number[] = [];
    element.addEventListener('train-progress', (event) => progress.push(event.detail.step));
    const result = await element.fineTune(
      [
        { x: 0.5, y: 0.5 },
        { x: -0.5, y: -0.5 },
      ],
      { steps: 20 },
    );
    expect(result.steps).to.equal(20);
    expect(progress).to.have.length(20);
    expect(element.getAttribute('distribution')).to.equal('custom');
    const points = (await element.sample(10)) as { x: number; y: number }[];
    expect(points).to.have.length(10);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).to.equal(true);
  });

  it('covers the ring when balanced, and visibly collapses when G gets five steps a round', async () => {
    const coverage = async (attributes: Record<string, string>) => {
      const { element } = await make({ seed: '1', ...attributes });
      await element.step(1500);
      await element.updateComplete;
      const [covered] = element
        .shadowRoot!.querySelector('dd.coverage')!
        .textContent.split('/')
        .map(Number);
      element.remove();
      return covered;
    };
    expect(await coverage({})).to.be.at.least(6);
    expect(await coverage({ 'g-steps': '5' })).to.be.at.most(2);
  });

  it('leaks no tensors over 500 rounds', async () => {
    const { element } = await make({ 'batch-size': '32' });
    await element.step(5);
    const before = await modelTensorCount();
    await element.step(500);
    expect(await modelTensorCount()).to.equal(before);
  });

  it('leaks no tensors over connect/disconnect cycles, and frees everything when removed', async () => {
    const baseline = await settledTensorCount();
    const { element } = await make();
    await element.step(2);
    const whileConnected = await modelTensorCount();
    for (let i = 0; i < 10; i++) {
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const ready = nextEvent(element, 'model-ready');
      document.body.append(element);
      await ready;
    }
    // A fresh start has fresh optimisers: their moment tensors appear with the first round.
    await element.step(2);
    expect(await modelTensorCount()).to.equal(whileConnected);
    element.remove();
    expect(await settledTensorCount()).to.equal(baseline);
  });
});
