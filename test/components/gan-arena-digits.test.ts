// <gan-arena mode="digits"> on WASM with the bundled MNIST networks.
import { expect } from '@open-wc/testing';
import '../../components/gan-arena/gan-arena.js';
import type { GanArena } from '../../components/gan-arena/gan-arena.js';
import { digitOne, nextEvent, settledTensorCount } from '../helpers.js';
import { createElement } from './element-helpers.js';

describe('<gan-arena mode="digits">', () => {
  let element: GanArena;
  let errors: string[];

  before(async () => {
    ({ element, errors } = await createElement('gan-arena', { mode: 'digits', seed: '1' }));
  });

  after(() => element.remove());

  it('loads the pretrained networks and draws 64 samples with D’s verdicts', () => {
    expect(errors).to.deep.equal([]);
    const canvas = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.sheet')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 128) ink++;
    expect(ink).to.be.greaterThan(64 * 40); // every sample has some ink
  });

  it('samples digits that look like MNIST: ink on black, neither blank nor full', async () => {
    const images = (await element.sample(16)) as ImageData[];
    expect(images).to.have.length(16);
    for (const image of images) {
      let on = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i] > 128) on++;
      const fraction = on / (28 * 28);
      expect(fraction).to.be.within(0.03, 0.5);
    }
  });

  it('keeps training on the user’s digits: finite losses, events, no tensor growth', async () => {
    await element.step(1); // the optimisers make their moment tensors on the first round
    const before = await settledTensorCount();
    const end = nextEvent<{ steps: number; aborted: boolean }>(element, 'train-end');
    const result = await element.fineTune([digitOne(56), digitOne(56)], { steps: 4 });
    expect(result.steps).to.equal(4);
    expect(Number.isFinite(result.losses.dLoss) && Number.isFinite(result.losses.gLoss)).to.equal(
      true,
    );
    expect((await end).detail.aborted).to.equal(false);
    expect(await settledTensorCount()).to.equal(before);
  });
});
