/**
 * GAN half of the bench page, on one backend:
 *  - the 2-d model alone: GanTrainer.round() in a loop (ring, batch 64), no drawing, as a reference
 *    for the <gan-arena> element's rate, plus the cost of one planeView() (what a redraw reads);
 *  - one digits training step at batch 64 (one D update + one G update) with our Gan.round() on
 *    DENSE_DIGITS_GAN_CONFIG, against the same GAN written with @tensorflow/tfjs-layers the way
 *    tfjs-examples writes one (Sequential G and D, D compiled, a combined D(G(z)) with D frozen,
 *    trainOnBatch for both). Random init, random "real" data in [0, 1]: speed does not depend on
 *    the values. Runs alternate between the two so background load hits them alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { configure, type BackendName } from '../src/runtime/config.js';
import { initRuntime } from '../src/runtime/backend.js';
import {
  DENSE_DIGITS_GAN_CONFIG,
  Gan,
  TOY_GAN_CONFIG,
  createGanOptimizer,
} from '../src/models/gan.js';
import { dcganStep } from './dcgan-bench.js';
import { GanTrainer, type GanSettings } from '../src/models/gan-trainer.js';
import { PLANE, sampleToy } from '../src/data/toy-distributions.js';
import { ensureGradients } from '../src/runtime/training-loop.js';
import { createRng } from '../src/runtime/random.js';
import { stats, versus } from './stats.js';

export interface GanRunOptions {
  backend: BackendName;
  /** Wall time of the 2-d model-alone round loop. */
  toySeconds: number;
  /** Timed planeView() calls at most (and at most ~3 s of them). */
  planeViews: number;
  /** Untimed digits steps per implementation, the first (checked) one included. */
  digitsWarmup: number;
  /** Timed digits steps per implementation. */
  digitsRepetitions: number;
}

const BATCH = 64;
/** The element's 2-d settings (components/gan-arena: defaults for mode="2d"). */
const TOY_SETTINGS: GanSettings = {
  learningRateD: 0.002,
  learningRateG: 0.002,
  batchSize: BATCH,
  dSteps: 1,
  gSteps: 1,
  loss: 'non-saturating',
  realLabel: 1,
};
/** As the element draws it: 512 fixed-noise points, a 40×40 decision map over the plane. */
const VIEW_POINTS = 512;
const DECISION_GRID = 40;
/** Digits: Adam(2e-4, β1 = 0.5) for both players, in both implementations. */
const DIGITS_LEARNING_RATE = 2e-4;

async function startBackend(backend: BackendName) {
  const notes: string[] = [];
  configure({ assetBase: '/dist/' });
  const runtime = await initRuntime(backend);
  notes.push(...runtime.notes);
  if (runtime.backend === 'webgpu') tf.env().set('WEBGPU_CPU_FORWARD', false);
  await ensureGradients();
  return { notes, backend: tf.getBackend() };
}

/** 2-d: the model alone, as fast as it goes, then the per-redraw read-back. */
async function toyModel(options: GanRunOptions) {
  const trainer = new GanTrainer(
    TOY_GAN_CONFIG,
    TOY_SETTINGS,
    (n, seed) => sampleToy('ring', n, seed),
    1,
    VIEW_POINTS,
  );
  try {
    for (let i = 0; i < 10; i++) await trainer.round();
    await trainer.planeView(DECISION_GRID, [PLANE.min, PLANE.max]);
    const tensorsBefore = tf.memory().numTensors;
    const roundTimes: number[] = [];
    let finite = true;
    const t0 = performance.now();
    while (performance.now() - t0 < options.toySeconds * 1000) {
      const start = performance.now();
      const { dLoss, gLoss } = await trainer.round();
      roundTimes.push(performance.now() - start);
      finite &&= Number.isFinite(dLoss) && Number.isFinite(gLoss);
    }
    const elapsed = performance.now() - t0;
    const viewTimes: number[] = [];
    const v0 = performance.now();
    while (
      viewTimes.length < options.planeViews &&
      (viewTimes.length < 3 || performance.now() - v0 < 3000)
    ) {
      const start = performance.now();
      await trainer.planeView(DECISION_GRID, [PLANE.min, PLANE.max]);
      viewTimes.push(performance.now() - start);
    }
    return {
      rounds: roundTimes.length,
      seconds: elapsed / 1000,
      roundsPerSecond: roundTimes.length / (elapsed / 1000),
      round: stats(roundTimes),
      planeView: stats(viewTimes),
      lossesFinite: finite,
      tensorsLeaked: tf.memory().numTensors - tensorsBefore,
    };
  } finally {
    trainer.dispose();
  }
}

/** G and D as tfjs-examples writes a GAN with tfjs-layers. */
function layersGan() {
  const { noiseSize, generatorHidden, dataSize, discriminatorHidden, leakySlope } =
    DENSE_DIGITS_GAN_CONFIG;
  const leaky = () => tfl.layers.leakyReLU({ alpha: leakySlope });
  const generator = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [noiseSize], units: generatorHidden[0] }),
      leaky(),
      tfl.layers.dense({ units: generatorHidden[1] }),
      leaky(),
      tfl.layers.dense({ units: dataSize, activation: 'sigmoid' }),
    ],
  });
  const discriminator = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [dataSize], units: discriminatorHidden[0] }),
      leaky(),
      tfl.layers.dense({ units: discriminatorHidden[1] }),
      leaky(),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  discriminator.compile({
    optimizer: tf.train.adam(DIGITS_LEARNING_RATE, 0.5),
    loss: 'binaryCrossentropy',
  });
  // The combined model trains G through a frozen D: compiled while D is frozen, it collects G's
  // weights only.
  discriminator.trainable = false;
  const z = tfl.input({ shape: [noiseSize] });
  const combined = tfl.model({
    inputs: z,
    outputs: discriminator.apply(generator.apply(z)) as tfl.SymbolicTensor,
  });
  combined.compile({
    optimizer: tf.train.adam(DIGITS_LEARNING_RATE, 0.5),
    loss: 'binaryCrossentropy',
  });
  return { generator, discriminator, combined };
}

async function digitsStep(options: GanRunOptions) {
  const { noiseSize, dataSize } = DENSE_DIGITS_GAN_CONFIG;
  const dataRng = createRng(7);
  const real = new Float32Array(BATCH * dataSize).map(() => dataRng.next());

  // Ours: Gan.round() with dSteps = gSteps = 1; the real batch is uploaded each step, as in the element.
  const gan = new Gan(DENSE_DIGITS_GAN_CONFIG, 1);
  const optimizerD = createGanOptimizer(DIGITS_LEARNING_RATE);
  const optimizerG = createGanOptimizer(DIGITS_LEARNING_RATE);
  const rng = createRng(3);
  const ours = () =>
    gan.round({
      optimizerD,
      optimizerG,
      dSteps: 1,
      gSteps: 1,
      batchSize: BATCH,
      rng,
      realBatch: (n) => tf.tensor2d(real, [n, dataSize]),
    });

  // tfjs-layers: D.trainOnBatch on real + G's samples, then combined.trainOnBatch on fresh noise.
  // In tfjs-layers, `trainable = false` also marks D's tf.Variables untrainable, and then
  // D.trainOnBatch throws ("variableGrads() expects at least one of the input variables to be
  // trainable"), so D is unfrozen for its own step and frozen again for the combined one.
  const { generator, discriminator, combined } = layersGan();
  const layers = async () => {
    discriminator.trainable = true;
    const [x, y] = tf.tidy(() => {
      const fake = generator.predict(tf.randomNormal([BATCH, noiseSize])) as tf.Tensor;
      return [
        tf.concat([tf.tensor2d(real, [BATCH, dataSize]), fake]),
        tf.concat([tf.ones([BATCH, 1]), tf.zeros([BATCH, 1])]),
      ];
    });
    const dLoss = (await discriminator.trainOnBatch(x, y)) as number;
    tf.dispose([x, y]);
    discriminator.trainable = false;
    const [noise, ones] = tf.tidy(() => [tf.randomNormal([BATCH, noiseSize]), tf.ones([BATCH, 1])]);
    const gLoss = (await combined.trainOnBatch(noise, ones)) as number;
    tf.dispose([noise, ones]);
    return { dLoss, gLoss };
  };

  try {
    // First steps (kernel set-up, shader compiles) are not timed; check each does what it should.
    const firstOurs = await ours();
    const dKernel = () => discriminator.layers[0].getWeights()[0];
    const gKernel = () => generator.layers[0].getWeights()[0];
    const [d0, g0] = [dKernel().clone(), gKernel().clone()];
    const firstLayers = await layers();
    const [d1, g1] = [dKernel().clone(), gKernel().clone()];
    // In one layers step, D moves (its own step) and so does G (the combined step), but the
    // combined step alone must leave D alone (frozen), or the comparison would be unfair.
    const changed = async (a: tf.Tensor, b: tf.Tensor) => {
      const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
      const [value] = await difference.data();
      difference.dispose();
      return value > 0;
    };
    const [noise, ones] = tf.tidy(() => [tf.randomNormal([BATCH, noiseSize]), tf.ones([BATCH, 1])]);
    await combined.trainOnBatch(noise, ones);
    const layersCheck = {
      dMovedInStep: await changed(d0, d1),
      gMovedInStep: await changed(g0, g1),
      dFrozenInCombined: !(await changed(d1, dKernel())),
    };
    tf.dispose([d0, d1, g0, g1, noise, ones]);

    for (let i = 1; i < options.digitsWarmup; i++) {
      await ours();
      await layers();
    }
    const tensorsBefore = tf.memory().numTensors;
    const times = { ours: [] as number[], layers: [] as number[] };
    let finite = Number.isFinite(firstOurs.dLoss) && Number.isFinite(firstLayers.dLoss);
    for (let i = 0; i < options.digitsRepetitions; i++) {
      // Alternate which goes first, so neither always runs right after the other.
      const order = i % 2 === 0 ? (['ours', 'layers'] as const) : (['layers', 'ours'] as const);
      for (const name of order) {
        const t0 = performance.now();
        const losses = name === 'ours' ? await ours() : await layers();
        times[name].push(performance.now() - t0);
        finite &&= Number.isFinite(losses.dLoss) && Number.isFinite(losses.gLoss);
      }
    }
    return {
      batchSize: BATCH,
      ...versus(times),
      lossesFinite: finite,
      // Tensors left behind by the timed steps of both (should be 0).
      tensorsLeaked: tf.memory().numTensors - tensorsBefore,
      layersCheck,
    };
  } finally {
    gan.dispose();
    optimizerD.dispose();
    optimizerG.dispose();
    // The combined model shares G and D; whichever is freed first may free the others' layers.
    for (const model of [combined, generator, discriminator]) {
      try {
        model.dispose();
      } catch {
        // already freed with the combined model
      }
    }
  }
}

export async function runGan(options: GanRunOptions) {
  const { notes, backend } = await startBackend(options.backend);
  const info: Record<string, unknown> = { backend };
  const probeModel = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [1], units: 1 })] });
  const probe = tf.tidy(() => probeModel.predict(tf.zeros([1, 1])) as tf.Tensor);
  // If tfjs-layers had its own tfjs-core, its tensors would not be instances of ours.
  info.sharedTfjsCore = probe instanceof tf.Tensor;
  probe.dispose();
  probeModel.dispose();
  const result: Record<string, unknown> = { info, notes };
  // Each part on its own, so one failing still leaves the other's figures.
  for (const [name, part] of [
    ['toy', toyModel],
    ['digits', digitsStep],
    [
      'dcgan',
      () => dcganStep({ warmup: options.digitsWarmup, repetitions: options.digitsRepetitions }),
    ],
  ] as const) {
    try {
      result[name] = await part(options);
    } catch (error) {
      result[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return result;
}
