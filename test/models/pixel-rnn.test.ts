// The PixelRNN on the WASM backend: causality (its defining property), the incremental sampler
// against the teacher-forced pass, completion, repeatability, gradients and training, memory.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import {
  PixelRnn,
  DIGITS_PIXEL_RNN_CONFIG,
  type PixelRnnConfig,
} from '../../src/models/pixel-rnn.js';
import { WeightsError } from '../../src/runtime/weights-format.js';
import { tensorCount } from '../helpers.js';

/** A small model with 3 palette colours, so that the tests also cover N > 2 and odd sizes. */
const TINY: PixelRnnConfig = {
  height: 6,
  width: 5,
  encoding: 'one-hot',
  paletteSize: 3,
  rowSize: 16,
  contextSize: 4,
  inputSize: 8,
  columnSize: 8,
  columnLayers: 2,
  headSize: 8,
  aboveRows: 2,
  aboveHalfWidth: 1,
  leftPixels: 2,
  sigmoidStd: 0.1,
};

const TINY_SIGMOID: PixelRnnConfig = { ...TINY, encoding: 'sigmoid' };

type Grid = number[][];

function randomDigits(count: number, seed: number, ink = 0.3): tf.Tensor3D {
  return tf.tidy(() =>
    tf.cast(tf.less(tf.randomUniform([count, 28, 28], 0, 1, 'float32', seed), ink), 'int32'),
  ) as tf.Tensor3D;
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const value = (await diff.data())[0];
  diff.dispose();
  return value;
}

describe('PixelRNN model (wasm)', function () {
  this.timeout(60000);
  let digits: PixelRnn;

  before(async () => {
    const runtime = await initRuntime('wasm');
    expect(runtime.backend).to.equal('wasm');
    await ensureGradients();
    digits = new PixelRnn(DIGITS_PIXEL_RNN_CONFIG, 11);
  });

  after(() => digits.dispose());

  it('is causal: pixel i’s distribution ignores pixels at or after i and depends on pixels before it', async () => {
    // Flip one pixel per image; positions cover the first and last column, row boundaries and the corners.
    const flips: [number, number][] = [
      [0, 0],
      [0, 27],
      [1, 0],
      [3, 27],
      [5, 0],
      [13, 14],
      [26, 27],
      [27, 0],
    ];
    const base = randomDigits(1, 21);
    const baseValues = (await base.array())[0];
    const flipped = tf.tensor3d(
      flips.map(([r, c]) =>
        baseValues.map((row, y) => row.map((v, x) => (y === r && x === c ? 1 - v : v))),
      ),
      undefined,
      'int32',
    );
    const [baseLogits, flippedLogits] = [digits.logits(base), digits.logits(flipped)];
    const reference = (await baseLogits.array())[0];
    const changed = await flippedLogits.array();
    tf.dispose([base, flipped, baseLogits, flippedLogits]);

    const change = (k: number, r: number, c: number) =>
      Math.max(...reference[r][c].map((v, j) => Math.abs(v - changed[k][r][c][j])));
    flips.forEach(([fr, fc], k) => {
      const flippedIndex = fr * 28 + fc;
      let largestBefore = 0;
      for (let i = 0; i <= flippedIndex; i++)
        largestBefore = Math.max(largestBefore, change(k, Math.floor(i / 28), i % 28));
      expect(largestBefore, `flip (${fr}, ${fc}) reached a pixel at or before it`).to.be.lessThan(
        1e-5,
      );
      const next = flippedIndex + 1;
      if (next < 784) {
        expect(
          change(k, Math.floor(next / 28), next % 28),
          `flip (${fr}, ${fc}) → the next pixel`,
        ).to.be.greaterThan(1e-4);
      }
    });
    // Context beyond the raw neighbourhood: the row LSTM carries the whole image above, the
    // column GRU the whole row to the left.
    expect(change(0, 27, 27), '(0, 0) → (27, 27)').to.be.greaterThan(1e-6);
    expect(change(3, 4, 0), '(3, 27) → (4, 0)').to.be.greaterThan(1e-6);
    expect(change(4, 5, 27), '(5, 0) → (5, 27)').to.be.greaterThan(1e-6);
    expect(change(7, 27, 27), '(27, 0) → (27, 27)').to.be.greaterThan(1e-6);
  });

  it('samples incrementally exactly what the teacher-forced pass predicts for the same images', async () => {
    for (const temperature of [1, 0.7]) {
      const sampler = digits.sampler({ count: 3, seed: 5, temperature });
      const stepped: tf.Tensor2D[] = [];
      const positions: number[] = [];
      while (!sampler.done) {
        const step = sampler.step();
        positions.push(step.row * 28 + step.column);
        stepped.push(step.distribution);
        step.value.dispose();
      }
      const images = sampler.images();
      sampler.dispose();
      expect(positions).to.deep.equal(Array.from({ length: 784 }, (_, i) => i)); // raster order, one pixel at a time
      const incremental = tf.tidy(() => tf.reshape(tf.stack(stepped, 1), [3, 28, 28, 2]));
      const full = tf.tidy(() => tf.softmax(tf.div(digits.logits(images), temperature)));
      expect(await maxAbsDiff(incremental, full), `temperature ${temperature}`).to.be.lessThan(
        1e-5,
      );
      tf.dispose([...stepped, incremental, full, images]);
    }
  });

  it('gives the same images for the same seed, other images for another seed', async () => {
    const [a, b, c] = [1, 1, 2].map((seed) => digits.sample({ count: 2, seed, temperature: 1 }));
    expect(a.shape).to.deep.equal([2, 28, 28]);
    expect(a.dtype).to.equal('int32');
    expect(await maxAbsDiff(a, b)).to.equal(0);
    expect(await maxAbsDiff(a, c)).to.equal(1);
    tf.dispose([a, b, c]);
  });

  it('completes images: the given rows stay exactly as they were, the rest is sampled', async () => {
    const given = randomDigits(2, 8);
    const completions = digits.complete(given, 12, { count: 3, seed: 4 });
    expect(completions.shape).to.deep.equal([6, 28, 28]);
    const out = (await completions.array()) as Grid[];
    const source = (await given.array()) as Grid[];
    out.forEach((image, k) => {
      expect(image.slice(0, 12), `completion ${k}`).to.deep.equal(
        source[Math.floor(k / 3)].slice(0, 12),
      );
    });
    // Three completions of one image are three draws, not one.
    expect(JSON.stringify(out[0].slice(12))).to.not.equal(JSON.stringify(out[1].slice(12)));
    // The sampler conditions on the given rows: the first sampled pixel's distribution is the
    // teacher-forced one for the given image.
    const sampler = digits.sampler({
      count: 1,
      seed: 4,
      given: tf.slice(given, [0], [1]),
      fromRow: 12,
    });
    const first = sampler.step();
    expect([first.row, first.column]).to.deep.equal([12, 0]);
    const full = tf.tidy(() =>
      tf.reshape(
        tf.slice(tf.softmax(digits.logits(tf.slice(given, [0], [1]))), [0, 12, 0, 0], [1, 1, 1, 2]),
        [1, 2],
      ),
    );
    expect(await maxAbsDiff(first.distribution, full)).to.be.lessThan(1e-5);
    tf.dispose([first.value, first.distribution, full, given, completions]);
    sampler.dispose();
  });

  it('refuses bad sampler settings with clear errors', () => {
    expect(() => digits.sampler({ count: 0 })).to.throw(RangeError, /count/);
    expect(() => digits.sampler({ count: 1, temperature: 0 })).to.throw(RangeError, /temperature/);
    expect(() => digits.sampler({ count: 1, fromRow: 3 })).to.throw(RangeError, /given/);
    const wrong = tf.zeros([1, 16, 16], 'int32');
    expect(() => digits.logits(wrong)).to.throw(RangeError, /28, 28/);
    wrong.dispose();
  });

  it('leaks no tensors over repeated sampling and completion', async () => {
    const given = randomDigits(1, 3);
    const run = async () => {
      const images = digits.sample({ count: 2, seed: 9 });
      const completed = digits.complete(given, 20, { count: 2, seed: 9 });
      await images.data();
      tf.dispose([images, completed]);
    };
    await run(); // the first run may cache gather indices for new batch sizes
    const before = tensorCount();
    for (let i = 0; i < 3; i++) await run();
    expect(tensorCount()).to.equal(before);
    given.dispose();
  });

  it('has a gradient for every parameter on WASM, matching finite differences', async () => {
    const model = new PixelRnn(TINY, 3);
    const images = tf.tidy(() =>
      tf.cast(tf.floor(tf.randomUniform([4, 6, 5], 0, 3, 'float32', 6)), 'int32'),
    );
    const parameters = model.namedParameters();
    // Small random offsets everywhere: with the zero-initialised biases some ReLU inputs sit exactly
    // on the kink (e.g. the first pixel, whose whole input is 0), where a finite difference sees
    // half a slope and the gradient none.
    tf.tidy(() =>
      Object.values(parameters).forEach((v, i) =>
        v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.05, 'float32', 100 + i))),
      ),
    );
    const loss = () => tf.mean<tf.Scalar>(model.nll(images));
    const { value, grads } = tf.variableGrads(loss, Object.values(parameters));
    value.dispose();
    for (const [name, variable] of Object.entries(parameters)) {
      const gradient = grads[variable.name];
      expect(gradient, `gradient of ${name}`).to.not.equal(undefined);
      const values = await gradient.data();
      expect(values.every(Number.isFinite), `${name} finite`).to.equal(true);
      expect(
        values.some((v) => v !== 0),
        `${name} non-zero`,
      ).to.equal(true);
    }
    // Central differences on the first and last entry of parameters from each part of the network.
    // (Not the ReLU layers' biases: moving one shifts a unit's input at every pixel at once, and
    // some of those cross the kink within any usable step.)
    const epsilon = 3e-3;
    const checked = [
      'row_lstm/recurrent/weight',
      'row_lstm/input/bias',
      'context/column3/weight',
      'pixel_input/weight',
      'column_gru0/input_candidate/weight',
      'column_gru1/recurrent_reset/weight',
      'column_gru0/recurrent_candidate/bias',
      'head/hidden/weight',
      'head/output/weight',
      'head/output/bias',
    ];
    for (const name of checked) {
      const variable = parameters[name];
      const original = variable.clone();
      const analytic = await grads[variable.name].data();
      for (const index of [0, variable.size - 1]) {
        const nudged = async (delta: number) => {
          const values = (await original.data()).slice();
          values[index] += delta;
          variable.assign(tf.tensor(values, variable.shape));
          const l = tf.tidy(loss);
          const v = (await l.data())[0];
          l.dispose();
          return v;
        };
        const numeric = ((await nudged(epsilon)) - (await nudged(-epsilon))) / (2 * epsilon);
        expect(analytic[index], `${name}[${index}]`).to.be.closeTo(
          numeric,
          3e-3 + 0.03 * Math.abs(numeric),
        );
      }
      variable.assign(original);
      original.dispose();
    }
    tf.dispose([images, ...Object.values(grads)]);
    model.dispose();
  });

  it('trains on WASM: Adam steps lower the NLL of a small batch of digits, without leaking tensors', async () => {
    const model = new PixelRnn(DIGITS_PIXEL_RNN_CONFIG, 5);
    const optimizer = tf.train.adam(2e-3);
    const batch = randomDigits(8, 13, 0.2);
    const nll = async () => {
      const value = tf.tidy(() => tf.mean(model.nll(batch)));
      const result = (await value.data())[0];
      value.dispose();
      return result;
    };
    const before = await nll();
    let countAfterFirstStep = 0;
    for (let step = 0; step < 6; step++) {
      const loss = model.trainStep(optimizer, batch, { clipNorm: 1000 });
      expect(Number.isFinite((await loss.data())[0])).to.equal(true);
      loss.dispose();
      // Adam makes its moment variables on the first step; after that nothing may grow.
      if (step === 0) countAfterFirstStep = tensorCount();
    }
    expect(tensorCount()).to.equal(countAfterFirstStep);
    expect(await nll()).to.be.lessThan(before * 0.8);
    batch.dispose();
    optimizer.dispose();
    model.dispose();
  });

  it('saves and loads its weights, and refuses weights of another architecture', async () => {
    const a = new PixelRnn(TINY, 1);
    const b = new PixelRnn(TINY, 2);
    const images = tf.tidy(() =>
      tf.cast(tf.floor(tf.randomUniform([2, 6, 5], 0, 3, 'float32', 1)), 'int32'),
    );
    await b.setWeights(await a.getWeights());
    const [la, lb] = [a.logits(images), b.logits(images)];
    expect(await maxAbsDiff(la, lb)).to.equal(0);
    const other = new PixelRnn({ ...TINY, columnLayers: 1 }, 1);
    let error: unknown;
    try {
      await other.setWeights(await a.getWeights());
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(WeightsError);
    tf.dispose([images, la, lb]);
    [a, b, other].forEach((m) => m.dispose());
  });

  it('sigmoid RGB: causal, sampled as the teacher-forced mean plus noise, and trainable', async () => {
    const model = new PixelRnn(TINY_SIGMOID, 4);
    const sampler = model.sampler({ count: 2, seed: 3, temperature: 0.5 });
    const means: tf.Tensor2D[] = [];
    while (!sampler.done) {
      const step = sampler.step();
      expect(step.value.shape).to.deep.equal([2, 3]);
      means.push(step.distribution);
      step.value.dispose();
    }
    const images = sampler.images();
    sampler.dispose();
    expect(images.shape).to.deep.equal([2, 6, 5, 3]);
    const values = await images.data();
    expect(values.every((v) => v >= 0 && v <= 1)).to.equal(true);
    const incremental = tf.tidy(() => tf.reshape(tf.stack(means, 1), [2, 6, 5, 3]));
    const full = tf.tidy(() => tf.sigmoid(model.logits(images)));
    expect(await maxAbsDiff(incremental, full)).to.be.lessThan(1e-5);

    // Causality on the last pixel of row 2: changing it (and everything after) leaves it alone.
    const changedLater = tf.tidy(() => {
      const mask = tf.reshape(
        tf.cast(tf.greaterEqual(tf.range(0, 30), 2 * 5 + 4), 'float32'),
        [1, 6, 5, 1],
      );
      return tf.add(tf.mul(images, tf.sub(1, mask)), tf.mul(mask, 0.5));
    });
    const [before, after] = [model.logits(images), model.logits(changedLater)];
    const head = (t: tf.Tensor) =>
      tf.tidy(() => tf.slice(tf.reshape(t, [2, 30, 3]), [0, 0, 0], [2, 15, 3]));
    const [h1, h2] = [head(before), head(after)];
    expect(await maxAbsDiff(h1, h2)).to.be.lessThan(1e-6);

    // A few steps towards images of one saturated colour lower their NLL.
    const red = tf.tidy(() => tf.mul(tf.ones([2, 6, 5, 3]), tf.tensor1d([0.9, 0.1, 0.1])));
    const optimizer = tf.train.adam(3e-3);
    const firstNll = tf.tidy(() => tf.mean(model.nll(red)));
    for (let i = 0; i < 10; i++) model.trainStep(optimizer, red).dispose();
    const lastNll = tf.tidy(() => tf.mean(model.nll(red)));
    expect((await lastNll.data())[0]).to.be.lessThan((await firstNll.data())[0]);
    tf.dispose([
      ...means,
      images,
      incremental,
      full,
      changedLater,
      before,
      after,
      h1,
      h2,
      red,
      firstNll,
      lastNll,
    ]);
    optimizer.dispose();
    model.dispose();
  });
});
