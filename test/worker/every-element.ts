// What every element must do on either path, in the page's worker or on the main thread: reach
// `ready`, report where its models run, answer a real call, stop a training at once when asked
// (the abort crosses to wherever the loop runs), and free every tensor when removed.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';
import type { GanArena } from '../../components/gan-arena/gan-arena.js';
import type { PixelRnnCanvas } from '../../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
import type { SentenceMorph } from '../../components/sentence-morph/sentence-morph.js';
import type { VaeLatentExplorer } from '../../components/vae-latent-explorer/vae-latent-explorer.js';
import { digitOne, modelTensorCount, nextEvent, settledTensorCount } from '../helpers.js';

function create<T extends HTMLElement>(tag: string, attributes: Record<string, string> = {}): T {
  const element = document.createElement(tag) as T;
  element.setAttribute('loading', 'eager');
  element.setAttribute('seed', '3');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

type Trainable = HTMLElement & {
  ready: Promise<void>;
  runsInWorker: boolean | null;
  stopTraining(): void;
};

/** Starts a long fine-tune, stops it after its first step; the result must say aborted. */
async function stopsMidTraining(
  element: Trainable,
  train: () => Promise<{ steps: number; aborted: boolean }>,
): Promise<void> {
  const firstStep = nextEvent(element, 'train-progress');
  const training = train();
  await firstStep;
  element.stopTraining();
  const result = await training;
  expect(result.aborted).to.equal(true);
  expect(result.steps).to.be.below(1000);
}

export function describeEveryElement(path: string, inWorker: boolean): void {
  describe(`every element, models ${path}`, () => {
    let baseline = 0;
    before(async () => {
      baseline = await settledTensorCount();
    });

    it('the digit VAE: ready, decodes, stops a training, frees its tensors', async () => {
      const explorer = create<VaeLatentExplorer>('vae-latent-explorer');
      await explorer.ready;
      expect(explorer.runsInWorker).to.equal(inWorker);
      const [image] = await explorer.decode([new Array(10).fill(0)]);
      expect([image.width, image.height]).to.deep.equal([28, 28]);
      await stopsMidTraining(explorer, () =>
        explorer.fineTune([digitOne()], { steps: 1000, batchSize: 1 }),
      );
      explorer.remove();
      expect(await settledTensorCount()).to.equal(baseline);
    });

    it('the GAN arena: ready, plays rounds, stops a training, frees its tensors', async () => {
      const arena = create<GanArena>('gan-arena');
      await arena.ready;
      expect(arena.runsInWorker).to.equal(inWorker);
      const round = await arena.step(20);
      expect(round?.round).to.equal(20);
      expect(Number.isFinite(round?.dLoss)).to.equal(true);
      await stopsMidTraining(arena, () => arena.fineTune([{ x: 0.5, y: 0.5 }], { steps: 1000 }));
      arena.remove();
      expect(await settledTensorCount()).to.equal(baseline);
    });

    it('the PixelRNN: ready, paints every pixel, frees its tensors', async () => {
      const canvas = create<PixelRnnCanvas>('pixel-rnn-canvas', {
        speed: 'instant',
        dataset: 'digits',
      });
      await canvas.ready;
      expect(canvas.runsInWorker).to.equal(inWorker);
      const [image] = await canvas.generate();
      // Every pixel was painted: a digit has ink somewhere and background somewhere.
      const values = new Set(Array.from(image.data.filter((_, i) => i % 4 === 0)));
      expect(values.size).to.be.above(1);
      canvas.remove();
      expect(await settledTensorCount()).to.equal(baseline);
    });

    it('the sentence morph: ready, morphs, stops a training, frees its tensors', async () => {
      const morph = create<SentenceMorph>('sentence-morph');
      await morph.ready;
      expect(morph.runsInWorker).to.equal(inWorker);
      const sentences = await morph.morph('The room was dark', 'A car to get to work', 3);
      expect(sentences).to.have.length(5);
      expect(sentences.every((s) => typeof s === 'string' && s.length > 0)).to.equal(true);
      await stopsMidTraining(morph, () =>
        morph.fineTune(['The cat sat on the mat'], { steps: 1000 }),
      );
      morph.remove();
      expect(await settledTensorCount()).to.equal(baseline);
    });

    it('removed mid-training: the training ends aborted where it runs, and every tensor goes', async () => {
      const morph = create<SentenceMorph>('sentence-morph');
      await morph.ready;
      const firstStep = nextEvent(morph, 'train-progress');
      const training = morph.fineTune(['The cat sat on the mat'], { steps: 1000 });
      await firstStep;
      morph.remove();
      const result = await training;
      expect(result.aborted).to.equal(true);
      expect(result.steps).to.be.below(1000);
      expect(await settledTensorCount()).to.equal(baseline);
    });

    it('counts tensors where the models run', async () => {
      const explorer = create<VaeLatentExplorer>('vae-latent-explorer');
      await explorer.ready;
      expect(await modelTensorCount()).to.be.above(baseline);
      explorer.remove();
      expect(await settledTensorCount()).to.equal(baseline);
    });
  });
}
