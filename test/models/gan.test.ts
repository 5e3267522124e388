// The GAN's game on the WASM backend: the alternation, the losses, learning the ring, no leaks.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import {
  Gan,
  TOY_GAN_CONFIG,
  DENSE_DIGITS_GAN_CONFIG,
  DIGITS_GAN_CONFIG,
  createGanOptimizer,
  type GanLoss,
} from '../../src/models/gan.js';
import { decisionMap, generatorGradients } from '../../src/models/gan-inspection.js';
import { sampleToy, modeCoverage } from '../../src/data/toy-distributions.js';
import { createRng, type Rng } from '../../src/runtime/random.js';
import { WeightsError } from '../../src/runtime/weights-format.js';
import { sameValues, tensorCount, variableValues } from '../helpers.js';

function ringBatches(rng: Rng) {
  return (size: number) => tf.tensor2d(sampleToy('ring', size, rng.nextSeed()), [size, 2]);
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

describe('GAN model (wasm)', function () {
  this.timeout(120000);

  before(async () => {
    const runtime = await initRuntime('wasm');
    expect(runtime.backend).to.equal('wasm');
    await ensureGradients();
  });

  it('names its weights stably: generator, generator_ema and discriminator', () => {
    const gan = new Gan(DENSE_DIGITS_GAN_CONFIG, 1);
    const named = gan.namedParameters();
    expect(Object.keys(named)).to.deep.equal([
      ...[0, 1, 2].flatMap((i) => [`generator/dense${i}/weight`, `generator/dense${i}/bias`]),
      ...[0, 1, 2].flatMap((i) => [
        `generator_ema/dense${i}/weight`,
        `generator_ema/dense${i}/bias`,
      ]),
      ...[0, 1, 2].flatMap((i) => [
        `discriminator/dense${i}/weight`,
        `discriminator/dense${i}/bias`,
      ]),
    ]);
    expect(named['generator/dense0/weight'].shape).to.deep.equal([64, 256]);
    expect(named['generator/dense2/weight'].shape).to.deep.equal([512, 784]);
    expect(named['discriminator/dense0/weight'].shape).to.deep.equal([784, 512]);
    expect(named['discriminator/dense2/weight'].shape).to.deep.equal([256, 1]);
    gan.dispose();
  });

  it('makes digits in [0, 1] and D logits of the right shapes', async () => {
    const gan = new Gan(DIGITS_GAN_CONFIG, 2);
    const before = tensorCount();
    const samples = tf.tidy(() => gan.generate(gan.sampleNoise(5, 1)));
    expect(samples.shape).to.deep.equal([5, 784]);
    const logits = gan.discriminate(samples);
    expect(logits.shape).to.deep.equal([5, 1]);
    const pixels = await read(samples);
    expect(pixels.every((v) => v >= 0 && v <= 1)).to.equal(true);
    logits.dispose();
    expect(tensorCount()).to.equal(before);
    gan.dispose();
  });

  it('computes D’s and G’s cross-entropies as the textbook formulas (with label smoothing)', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 3);
    const real = tf.tensor2d(sampleToy('ring', 16, 1), [16, 2]);
    const fake = tf.tidy(() => gan.generate(gan.sampleNoise(16, 2)));
    const realD = Array.from(await read(tf.sigmoid(gan.discriminate(real)))).map(Number);
    const fakeD = Array.from(await read(tf.sigmoid(gan.discriminate(fake)))).map(Number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const t = 0.9;
    const expectedD =
      mean(realD.map((d) => -(t * Math.log(d) + (1 - t) * Math.log(1 - d)))) +
      mean(fakeD.map((d) => -Math.log(1 - d)));
    expect((await read(gan.discriminatorLoss(real, fake, t)))[0]).to.be.closeTo(expectedD, 1e-4);
    expect((await read(gan.generatorLoss(fake, 'non-saturating')))[0]).to.be.closeTo(
      mean(fakeD.map((d) => -Math.log(d))),
      1e-4,
    );
    expect((await read(gan.generatorLoss(fake, 'minimax')))[0]).to.be.closeTo(
      mean(fakeD.map((d) => Math.log(1 - d))),
      1e-4,
    );
    tf.dispose([real, fake]);
    gan.dispose();
  });

  it('alternates for real: a G-step leaves D (and G_ema) untouched, a D-step leaves G untouched', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 4);
    const optimizerD = createGanOptimizer(1e-3);
    const optimizerG = createGanOptimizer(1e-3);
    const emaParameters = Object.entries(gan.namedParameters())
      .filter(([name]) => name.startsWith('generator_ema/'))
      .map(([, v]) => v);
    const real = tf.tensor2d(sampleToy('ring', 64, 1), [64, 2]);

    let d0 = await variableValues(gan.discriminatorParameters());
    let g0 = await variableValues(gan.generatorParameters());
    const ema0 = await variableValues(emaParameters);
    tf.dispose(gan.generatorStep(optimizerG, 64, { noise: 5 }));
    expect(
      sameValues(await variableValues(gan.discriminatorParameters()), d0),
      'D after a G-step',
    ).to.equal(true);
    expect(
      sameValues(await variableValues(gan.generatorParameters()), g0),
      'G after a G-step',
    ).to.equal(false);

    d0 = await variableValues(gan.discriminatorParameters());
    g0 = await variableValues(gan.generatorParameters());
    tf.dispose(gan.discriminatorStep(optimizerD, real, { noise: 6 }, { realLabel: 0.9 }));
    expect(
      sameValues(await variableValues(gan.generatorParameters()), g0),
      'G after a D-step',
    ).to.equal(true);
    expect(
      sameValues(await variableValues(gan.discriminatorParameters()), d0),
      'D after a D-step',
    ).to.equal(false);
    expect(
      sameValues(await variableValues(emaParameters), ema0),
      'G_ema before updateEma',
    ).to.equal(true);

    // G_ema moves only when asked, towards G: with decay 0 it becomes G.
    gan.updateEma(0);
    expect(
      sameValues(
        await variableValues(emaParameters),
        await variableValues(gan.generatorParameters()),
      ),
    ).to.equal(true);

    // A round with d-steps = 0 trains only G, with g-steps = 0 only D.
    const rng = createRng(1);
    d0 = await variableValues(gan.discriminatorParameters());
    await gan.round({
      optimizerD,
      optimizerG,
      dSteps: 0,
      gSteps: 2,
      batchSize: 32,
      realBatch: ringBatches(rng),
      rng,
    });
    expect(sameValues(await variableValues(gan.discriminatorParameters()), d0)).to.equal(true);
    g0 = await variableValues(gan.generatorParameters());
    await gan.round({
      optimizerD,
      optimizerG,
      dSteps: 3,
      gSteps: 0,
      batchSize: 32,
      realBatch: ringBatches(rng),
      rng,
    });
    expect(sameValues(await variableValues(gan.generatorParameters()), g0)).to.equal(true);

    real.dispose();
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });

  it('refuses bad round settings with clear errors', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 5);
    const optimizerD = createGanOptimizer(1e-3);
    const optimizerG = createGanOptimizer(1e-3);
    const rng = createRng(2);
    const base = { optimizerD, optimizerG, batchSize: 16, realBatch: ringBatches(rng), rng };
    await gan.round(base); // Adam creates its moment variables on the first step
    const before = tensorCount();
    const failure = async (options: object) => {
      try {
        await gan.round({ ...base, ...options });
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a failure');
    };
    expect((await failure({ dSteps: -1 })).message).to.match(
      /dSteps must be a whole number ≥ 0, got -1/,
    );
    expect((await failure({ gSteps: 1.5 })).message).to.match(/gSteps/);
    expect((await failure({ batchSize: 0 })).message).to.match(/batchSize/);
    expect((await failure({ loss: 'wasserstein' })).message).to.match(
      /Unknown GAN loss "wasserstein"/,
    );
    expect(tensorCount()).to.equal(before); // a failed round leaves no stray tensors behind
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });

  it('keeps both losses finite, for both G losses and with label smoothing', async () => {
    for (const loss of ['non-saturating', 'minimax'] as GanLoss[]) {
      const gan = new Gan(TOY_GAN_CONFIG, 6);
      const optimizerD = createGanOptimizer(2e-3);
      const optimizerG = createGanOptimizer(2e-3);
      const rng = createRng(3);
      for (let r = 0; r < 100; r++) {
        const { dLoss, gLoss } = await gan.round({
          optimizerD,
          optimizerG,
          dSteps: 2,
          gSteps: 1,
          batchSize: 64,
          realBatch: ringBatches(rng),
          rng,
          loss,
          realLabel: 0.9,
          emaDecay: 0.99,
        });
        expect(
          Number.isFinite(dLoss) && Number.isFinite(gLoss),
          `${loss} round ${r}: ${dLoss}, ${gLoss}`,
        ).to.equal(true);
      }
      optimizerD.dispose();
      optimizerG.dispose();
      gan.dispose();
    }
  });

  it('shows why minimax stalls: against a confident D its gradient on G’s samples nearly vanishes', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 7);
    const optimizerD = createGanOptimizer(1e-2);
    const optimizerG = createGanOptimizer(1e-2);
    const rng = createRng(4);
    // Train D alone until it rejects G's (untrained) samples confidently.
    for (let r = 0; r < 400; r++) {
      await gan.round({
        optimizerD,
        optimizerG,
        dSteps: 1,
        gSteps: 0,
        batchSize: 64,
        realBatch: ringBatches(rng),
        rng,
      });
    }
    const fake = tf.tidy(() => gan.generate(gan.sampleNoise(256, 9)));
    const meanNorm = async (loss: GanLoss) => {
      const g = await read(generatorGradients(gan, fake, loss));
      let sum = 0;
      for (let i = 0; i < g.length / 2; i++) sum += Math.hypot(g[2 * i], g[2 * i + 1]);
      return sum / (g.length / 2);
    };
    const d = await read(decisionMap(gan, fake));
    expect(d.every((v) => v >= 0 && v <= 1)).to.equal(true);
    const meanD = d.reduce((a, b) => a + b, 0) / d.length;
    expect(meanD, 'D(G(z)) once D has learned').to.be.lessThan(0.15);
    // Per sample, |∂/∂x log(1 − D)| = D·|∂l/∂x| while |∂/∂x −log D| = (1 − D)·|∂l/∂x|.
    const nonSaturating = await meanNorm('non-saturating');
    const minimax = await meanNorm('minimax');
    expect(
      nonSaturating,
      `non-saturating ${nonSaturating} vs minimax ${minimax}`,
    ).to.be.greaterThan(5 * minimax);
    fake.dispose();
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });

  it('learns the ring from a fixed seed: at least 6 of 8 modes within 3000 rounds', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 1);
    const optimizerD = createGanOptimizer(1e-3);
    const optimizerG = createGanOptimizer(1e-3);
    const rng = createRng(1);
    let best = 0;
    let rounds = 0;
    const history: string[] = [];
    while (rounds < 3000 && best < 6) {
      for (let r = 0; r < 250; r++) {
        await gan.round({
          optimizerD,
          optimizerG,
          batchSize: 128,
          realBatch: ringBatches(rng),
          rng,
        });
      }
      rounds += 250;
      const coverage = modeCoverage(
        await read(tf.tidy(() => gan.generate(gan.sampleNoise(1000, 99)))),
        'ring',
      );
      history.push(`${rounds}: ${coverage.covered}`);
      best = Math.max(best, coverage.covered);
    }
    expect(best, `modes covered after each 250 rounds: ${history.join(', ')}`).to.be.at.least(6);
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
  });

  it('does not grow the number of tensors over 500 rounds (with EMA, maps and arrows)', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 9);
    const optimizerD = createGanOptimizer(1e-3);
    const optimizerG = createGanOptimizer(1e-3);
    const rng = createRng(5);
    const grid = tf.tensor2d(
      Array.from({ length: 32 }, (_, i) => [i / 16 - 1, 1 - i / 16]).flat(),
      [32, 2],
    );
    const oneFrame = async () => {
      await gan.round({
        optimizerD,
        optimizerG,
        dSteps: 1,
        gSteps: 1,
        batchSize: 64,
        realBatch: ringBatches(rng),
        rng,
        emaDecay: 0.99,
      });
      tf.dispose([
        decisionMap(gan, grid),
        generatorGradients(gan, grid),
        tf.tidy(() => gan.generate(gan.sampleNoise(8, 1), { ema: true })),
      ]);
    };
    await oneFrame(); // Adam creates its moment variables on the first step
    const count = tensorCount();
    for (let r = 0; r < 500; r++) await oneFrame();
    expect(tensorCount()).to.equal(count);
    grid.dispose();
    optimizerD.dispose();
    optimizerG.dispose();
    gan.dispose();
    expect(tensorCount()).to.be.lessThan(count);
  });

  it('saves and loads all three networks, and refuses weights of another architecture', async () => {
    const a = new Gan(TOY_GAN_CONFIG, 10);
    const b = new Gan(TOY_GAN_CONFIG, 11);
    await b.setWeights(await a.getWeights());
    expect(
      sameValues(
        await variableValues(Object.values(b.namedParameters())),
        await variableValues(Object.values(a.namedParameters())),
      ),
    ).to.equal(true);
    const digits = new Gan(DIGITS_GAN_CONFIG, 1);
    let error: unknown;
    try {
      await digits.setWeights(await a.getWeights());
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(WeightsError);
    [a, b, digits].forEach((g) => g.dispose());
  });
});
