// Every call the host serves, through the in-page host (configure({ worker: false })), with real
// models and real inputs. Each table below is typed by the served-models table, so a method added
// there and not tried here (or tried here and gone there) fails the type check.
import { expect } from '@open-wc/testing';
import { configure } from '../../src/runtime/config.js';
import { modelConnection } from '../../src/worker/connection.js';
import { GanProxy } from '../../src/worker/gan-proxy.js';
import { MorpherProxy } from '../../src/worker/morpher-proxy.js';
import { PainterProxy } from '../../src/worker/painter-proxy.js';
import { openModel, type RemoteModel } from '../../src/worker/remote-model.js';
import type { CallName, Calls, ModelKind } from '../../src/worker/served-types.js';
import { DIGITS_PIXEL_RNN_CONFIG } from '../../src/models/pixel-rnn-config.js';
import { bundledVaeWeights } from '../../components/vae-latent-explorer/assets.js';
import { bundledSentenceVaeWeights } from '../../components/sentence-morph/assets.js';
import { pixelRnnFiles } from '../../components/pixel-rnn-canvas/assets.js';
import { defaultSettings } from '../../components/gan-arena/settings.js';

configure({ worker: false });

/** For each of a kind's calls, a check that runs it and looks at its answer. */
type Checks<K extends ModelKind, Model> = Record<
  CallName<Calls<K>>,
  (model: Model) => Promise<void>
>;

const VAE_CHECKS: Checks<'digit-vae', RemoteModel<'digit-vae'>> = {
  encode: async (vae) => {
    const [code] = await vae.call('encode', [new Float32Array(784).fill(0.5)]);
    expect(code.mean).to.have.length(10);
    expect(Array.from(code.logVar).every(Number.isFinite)).to.equal(true);
  },
  decode: async (vae) => {
    const images = await vae.call('decode', new Float32Array(20), 2);
    expect(images)
      .to.be.instanceOf(Float32Array)
      .with.length(2 * 784);
    expect(images.every((v) => v >= 0 && v <= 1)).to.equal(true);
  },
  imageLosses: async (vae) => {
    const { reconstruction, kl } = await vae.call('imageLosses', new Float32Array(784));
    expect(reconstruction).to.be.above(0);
    expect(kl).to.be.at.least(0);
  },
  fineTune: async (vae) => {
    const progress: number[] = [];
    const result = await vae.train(
      'fineTune',
      [[new Float32Array(784).fill(0.2)], { steps: 2, seed: 1 }],
      { onProgress: ({ step }) => progress.push(step) },
    );
    expect(result.steps).to.equal(2);
    expect(progress).to.deep.equal([1, 2]);
  },
};

const GAN_CHECKS: Checks<'gan', GanProxy> = {
  setRealData: async (gan) => {
    await gan.call('setRealData', { kind: 'toy', distribution: 'ring', points: [] });
  },
  updateSettings: async (gan) => {
    await gan.call('updateSettings', { batchSize: 16 });
  },
  round: async (gan) => {
    const { dLoss, gLoss } = await gan.round();
    expect([dLoss, gLoss].every(Number.isFinite)).to.equal(true);
    expect(gan.rounds).to.equal(1);
  },
  play: async (gan) => {
    const played = await gan.play(50, 3);
    expect(played.length).to.be.within(1, 3);
    expect(gan.rounds).to.equal(1 + played.length);
  },
  reset: async (gan) => {
    await gan.reset(2);
    expect(gan.rounds).to.equal(0);
  },
  sample: async (gan) => {
    const points = await gan.call('sample', 5, { seed: 1 });
    expect(points).to.be.instanceOf(Float32Array).with.length(10);
  },
  fixedSamples: async (gan) => {
    const { samples, realness } = await gan.call('fixedSamples', {});
    expect(samples.length).to.equal(2 * realness.length);
    expect(realness.every((r) => r >= 0 && r <= 1)).to.equal(true);
  },
  latentWalk: async (gan) => {
    const walk = await gan.call('latentWalk', 4, [1, 2], {});
    expect(walk).to.be.instanceOf(Float32Array).with.length(8);
  },
  planeView: async (gan) => {
    const view = await gan.call('planeView', 8, [-1, 1]);
    expect(view.decision).to.have.length(64);
    expect(view.generated.length).to.be.above(0);
  },
};

const PAINTER_CHECKS: Checks<'pixel-painter', PainterProxy> = {
  nll: async (painter) => {
    const blank = new Int32Array(28 * 28);
    const [nll] = await painter.call('nll', [blank]);
    expect(nll).to.be.above(0);
  },
  fineTune: async (painter) => {
    const result = await painter.train('fineTune', [[new Int32Array(28 * 28)], { steps: 1 }], {});
    expect(result.steps).to.equal(1);
  },
};

const PAINTING_CHECKS: Checks<'painting', PainterProxy> = {
  // A painting's one call is `steps`, which PaintingProxy.step() makes to read ahead.
  steps: async (painter) => {
    const painting = await painter.startPainting({ count: 2, seed: 3 });
    const first = await painting.step();
    const second = await painting.step();
    expect(first).to.deep.equal({ row: 0, column: 0 });
    expect(second).to.deep.equal({ row: 0, column: 1 });
    expect(painting.predictions[0].slice(0, 2).every(Number.isFinite)).to.equal(true);
    painting.dispose();
  },
};

const MORPHER_CHECKS: Checks<'sentence-morpher', MorpherProxy> = {
  encode: async (morpher) => {
    const { mean } = await morpher.call('encode', 'the cat sat on the mat');
    expect(mean).to.have.length(morpher.config.latentSize);
  },
  decode: async (morpher) => {
    const [sentence] = await morpher.decode([new Float32Array(morpher.config.latentSize)]);
    expect(sentence).to.be.a('string');
    expect(sentence.trim()).to.not.equal('');
  },
  morph: async (morpher) => {
    const { sentences } = await morpher.call('morph', 'i like it', 'she went home', 3, {});
    // `steps` sentences between the two ends' reconstructions
    expect(sentences).to.have.length(3 + 2);
  },
  fineTune: async (morpher) => {
    const result = await morpher.train('fineTune', [['a short sentence'], { steps: 1 }], {});
    expect(result.used).to.equal(1);
  },
};

function describeChecks<Model extends { dispose(): void }>(
  kind: ModelKind,
  open: () => Promise<Model>,
  checks: Record<string, (model: Model) => Promise<void>>,
): void {
  describe(`the served ${kind}`, () => {
    let model: Model;
    let tensorsBefore: number;
    before(async () => {
      tensorsBefore = (await modelConnection().memory()).numTensors;
      model = await open();
    });
    after(async () => {
      model.dispose();
      // The release waits for the calls in flight; one more answer comes after it.
      await modelConnection().memory();
      expect((await modelConnection().memory()).numTensors).to.equal(tensorsBefore);
    });
    for (const [method, check] of Object.entries(checks))
      it(`answers ${method}`, () => check(model));
  });
}

before(() => modelConnection().startRuntime('wasm'));

describeChecks(
  'digit-vae',
  async () => {
    const vae = await openModel('digit-vae');
    await vae.loadWeights(bundledVaeWeights());
    return vae;
  },
  VAE_CHECKS,
);
describeChecks('gan', () => GanProxy.open('2d', defaultSettings('2d'), 1, 16), GAN_CHECKS);
const openPainter = async () => {
  const painter = await PainterProxy.open(DIGITS_PIXEL_RNN_CONFIG);
  await painter.loadWeights(pixelRnnFiles('digits').weights);
  return painter;
};
describeChecks('pixel-painter', openPainter, PAINTER_CHECKS);
describeChecks('painting', openPainter, PAINTING_CHECKS);
describeChecks(
  'sentence-morpher',
  async () => {
    const morpher = await MorpherProxy.open();
    await morpher.loadWeights(bundledSentenceVaeWeights());
    return morpher;
  },
  MORPHER_CHECKS,
);

describe('the weights calls every model answers', () => {
  it('gets, sets and saves weights, and reports its facts', async () => {
    const vae = await openModel('digit-vae');
    try {
      await vae.loadWeights(bundledVaeWeights());
      const weights = await vae.getWeights();
      expect(weights.weightData).to.be.instanceOf(ArrayBuffer);
      await vae.setWeights(weights);
      await vae.saveWeights('served-methods-test');
      const copy = await openModel('digit-vae');
      await copy.loadWeights('indexeddb://served-methods-test');
      const image = new Float32Array(784).fill(0.3);
      const [a] = await vae.call('encode', [image]);
      const [b] = await copy.call('encode', [image]);
      expect(Array.from(b.mean)).to.deep.equal(Array.from(a.mean));
      expect(vae.weightBytes).to.be.above(0);
      copy.dispose();
    } finally {
      vae.dispose();
    }
  });
});
