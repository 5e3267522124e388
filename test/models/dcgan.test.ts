// The convolutional digits GAN (DCGAN) on the WASM backend: its layers, its minibatch-deviation
// feature, the alternation of the two players, training without leaks.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { Gan, CONV_DIGITS_GAN_CONFIG, createGanOptimizer } from '../../src/models/gan.js';
import { createRng } from '../../src/runtime/random.js';
import { sameValues, tensorCount, variableValues } from '../helpers.js';

/** "Real" digits for the tests: a bright vertical bar on black, in a different column each. */
function barDigits(n: number, rng: ReturnType<typeof createRng>): tf.Tensor2D {
  const images = new Float32Array(n * 784);
  for (let i = 0; i < n; i++) {
    const column = 6 + Math.floor(rng.next() * 16);
    for (let y = 4; y < 24; y++)
      for (let x = column; x < column + 3; x++) images[i * 784 + y * 28 + x] = 1;
  }
  return tf.tensor2d(images, [n, 784]);
}

describe('DCGAN digits model (wasm)', function () {
  this.timeout(120000);

  before(async () => {
    const runtime = await initRuntime('wasm');
    expect(runtime.backend).to.equal('wasm');
    await ensureGradients();
  });

  it('has a transposed-convolution generator and a convolutional discriminator', () => {
    const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 1);
    const named = gan.namedParameters();
    const shapes = Object.fromEntries(Object.entries(named).map(([name, v]) => [name, v.shape]));
    expect(shapes['generator/dense0/weight']).to.deep.equal([64, 7 * 7 * 32]);
    expect(shapes['generator/deconv1/weight']).to.deep.equal([4, 4, 16, 32]);
    expect(shapes['generator/deconv2/weight']).to.deep.equal([4, 4, 1, 16]);
    expect(shapes['generator_ema/deconv2/weight']).to.deep.equal([4, 4, 1, 16]);
    expect(shapes['discriminator/conv0/weight']).to.deep.equal([4, 4, 1, 16]);
    expect(shapes['discriminator/conv1/weight']).to.deep.equal([4, 4, 16, 32]);
    // 7×7×32 features and the minibatch deviation.
    expect(shapes['discriminator/dense2/weight']).to.deep.equal([7 * 7 * 32 + 1, 1]);
    gan.dispose();
  });

  it('makes 28×28 digits in [0, 1] and one logit per digit, without leaking', async () => {
    const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 2);
    const before = tensorCount();
    const samples = tf.tidy(() => gan.generate(gan.sampleNoise(6, 1), { ema: true }));
    const logits = gan.discriminate(samples);
    expect(samples.shape).to.deep.equal([6, 784]);
    expect(logits.shape).to.deep.equal([6, 1]);
    const pixels = (await samples.data()) as Float32Array;
    expect(pixels.every((v) => v >= 0 && v <= 1)).to.equal(true);
    tf.dispose([samples, logits]);
    expect(tensorCount()).to.equal(before);
    gan.dispose();
  });

  it('lets D see how much a batch varies: a batch of one digit repeated is judged differently', () => {
    const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 3);
    const rng = createRng(4);
    const [varied, repeated] = tf.tidy(() => {
      const batch = barDigits(8, rng);
      const copies = tf.tile<tf.Tensor2D>(tf.slice(batch, [0, 0], [1, 784]), [8, 1]);
      // The first digit is in both batches: only the batch around it differs.
      return [gan.discriminate(batch), gan.discriminate(copies)].map((l) => l.dataSync()[0]);
    });
    expect(Math.abs(varied - repeated)).to.be.above(1e-6);
    gan.dispose();
  });

  it('alternates: a D-step moves only D, a G-step only G; D learns to tell bars from G', async () => {
    const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 5);
    const optimizerD = createGanOptimizer(1e-3);
    const optimizerG = createGanOptimizer(1e-3);
    const rng = createRng(6);
    const g0 = await variableValues(gan.generatorParameters());
    const d0 = await variableValues(gan.discriminatorParameters());
    tf.dispose(gan.generatorStep(optimizerG, 16, { noise: 1 }));
    expect(
      sameValues(await variableValues(gan.discriminatorParameters()), d0),
      'D after a G-step',
    ).to.equal(true);
    expect(
      sameValues(await variableValues(gan.generatorParameters()), g0),
      'G after a G-step',
    ).to.equal(false);
    const g1 = await variableValues(gan.generatorParameters());
    const losses: number[] = [];
    let countAfterFirstStep = 0;
    for (let step = 0; step < 25; step++) {
      const real = barDigits(16, rng);
      const loss = gan.discriminatorStep(optimizerD, real, { noise: 100 + step });
      losses.push((await loss.data())[0]);
      tf.dispose([real, loss]);
      if (step === 0) countAfterFirstStep = tensorCount();
    }
    expect(
      sameValues(await variableValues(gan.generatorParameters()), g1),
      'G after D-steps',
    ).to.equal(true);
    expect(tensorCount(), 'tensors after 25 D-steps').to.equal(countAfterFirstStep);
    expect(losses[24]).to.be.below(losses[0] * 0.5);
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });

  it('plays whole rounds with EMA and finite losses, without growing the tensor count', async () => {
    const gan = new Gan(CONV_DIGITS_GAN_CONFIG, 7);
    const optimizerD = createGanOptimizer(2e-4);
    const optimizerG = createGanOptimizer(2e-4);
    const rng = createRng(8);
    const options = {
      optimizerD,
      optimizerG,
      batchSize: 16,
      realBatch: (n: number) => barDigits(n, rng),
      rng,
      realLabel: 0.9,
      emaDecay: 0.99,
    };
    await gan.round(options);
    const before = tensorCount();
    for (let i = 0; i < 5; i++) {
      const { dLoss, gLoss } = await gan.round(options);
      expect(Number.isFinite(dLoss) && Number.isFinite(gLoss)).to.equal(true);
    }
    expect(tensorCount()).to.equal(before);
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });
});

describe('DCGAN with batch normalisation in G (wasm)', function () {
  this.timeout(120000);
  const NORMALISED = {
    ...CONV_DIGITS_GAN_CONFIG,
    convolutional: { ...CONV_DIGITS_GAN_CONFIG.convolutional!, batchNorm: true },
  };

  before(async () => {
    await initRuntime('wasm');
    await ensureGradients();
  });

  it('keeps scale, shift and moving statistics per normalised map, and saves them', async () => {
    const gan = new Gan(NORMALISED, 1);
    const named = gan.namedParameters();
    expect(named['generator/norm0/weight'].shape).to.deep.equal([32]);
    expect(named['generator/norm1/moving_variance'].shape).to.deep.equal([16]);
    expect(named['generator_ema/norm1/moving_mean'].shape).to.deep.equal([16]);
    expect(named['generator/norm0/moving_mean'].trainable).to.equal(false);
    const copy = new Gan(NORMALISED, 2);
    await copy.setWeights(await gan.getWeights());
    gan.dispose();
    copy.dispose();
  });

  it('samples one digit the same alone or among others (moving statistics), and moves them while G trains', async () => {
    const gan = new Gan(NORMALISED, 3);
    const optimizerD = createGanOptimizer(2e-4);
    const optimizerG = createGanOptimizer(2e-4);
    const rng = createRng(9);
    const first = async (n: number) =>
      tf.tidy(() => tf.slice(gan.generate(gan.sampleNoise(n, 5)), [0, 0], [1, 784])).data();
    const alone = await first(1);
    const among = await first(8);
    expect(Array.from(alone).every((v, i) => Math.abs(v - among[i]) < 1e-5)).to.equal(true);
    const before = await gan.namedParameters()['generator/norm0/moving_mean'].data();
    const tensors = tensorCount();
    await gan.round({
      optimizerD,
      optimizerG,
      batchSize: 16,
      realBatch: (n) => barDigits(n, rng),
      rng,
    });
    const countAfterFirst = tensorCount();
    await gan.round({
      optimizerD,
      optimizerG,
      batchSize: 16,
      realBatch: (n) => barDigits(n, rng),
      rng,
    });
    expect(tensorCount(), 'tensors after a second round').to.equal(countAfterFirst);
    expect(countAfterFirst).to.be.at.least(tensors);
    const after = await gan.namedParameters()['generator/norm0/moving_mean'].data();
    expect(Array.from(after).some((v, i) => v !== before[i])).to.equal(true);
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });
});
