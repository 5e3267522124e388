// The VAE's mathematics, on the WASM backend: KL, reparameterisation, gradients, training.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import {
  Vae,
  DIGITS_VAE_CONFIG,
  DENSE_DIGITS_VAE_CONFIG,
  CONV_DIGITS_VAE_CONFIG,
  klToStandardNormal,
  bernoulliNegLogLikelihood,
} from '../../src/models/vae.js';
import { createLinear } from '../../src/models/layer-parameters.js';
import { linear } from '../../src/models/ops.js';
import { createRng } from '../../src/runtime/random.js';
import { meanAndStd, tensorCount } from '../helpers.js';

/** klToStandardNormal of one code's mean and log-variance. */
const klOf = (mean: number[], logVar: number[]) =>
  tf.tidy(
    () =>
      klToStandardNormal({
        mean: tf.tensor2d([mean]),
        logVar: tf.tensor2d([logVar]),
      }).dataSync()[0],
  );

describe('VAE model (wasm)', () => {
  before(async () => {
    const runtime = await initRuntime('wasm');
    expect(runtime.backend).to.equal('wasm');
    await ensureGradients();
  });

  it('computes KL = −½ Σ(1 + σ − m² − exp σ) as the closed form of KL(N(m, e^σ) ‖ N(0, I))', () => {
    const mean = [0.5, -1.2, 0, 2];
    const logVar = [0.1, -0.7, 0, 1.3];
    const kl = klOf(mean, logVar);
    // The textbook form for Gaussians: ½ Σ (var + m² − 1 − log var).
    const closedForm =
      0.5 * mean.reduce((sum, m, i) => sum + Math.exp(logVar[i]) + m * m - 1 - logVar[i], 0);
    expect(kl).to.be.closeTo(closedForm, 1e-5);
    expect(klOf([0, 0, 0, 0], [0, 0, 0, 0])).to.be.closeTo(0, 1e-7);
  });

  it('matches a Monte Carlo estimate of the KL, E_q[log q(c) − log p(c)]', () => {
    const rng = createRng(7);
    const mean = [0.8, -0.3, 1.5];
    const logVar = [-1, 0.4, -0.2];
    const n = 200000;
    let sum = 0;
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < mean.length; d++) {
        const e = rng.normal();
        const c = Math.exp(logVar[d] / 2) * e + mean[d];
        // log q(c) − log p(c) per dimension (the 2π terms cancel)
        sum += -0.5 * (e * e + logVar[d]) + 0.5 * c * c;
      }
    }
    const kl = klOf(mean, logVar);
    expect(sum / n).to.be.closeTo(kl, 0.02);
  });

  it('draws reparameterised codes c = exp(σ/2)·e + m with mean m and standard deviation exp(σ/2)', () => {
    const vae = new Vae(DIGITS_VAE_CONFIG, 3);
    const rows = 20000;
    const m = [1.5, -2, 0, 0.3];
    const logVar = [0, Math.log(4), Math.log(0.25), -3];
    const samples = tf.tidy(() => {
      const posterior = {
        mean: tf.tile<tf.Tensor2D>(tf.tensor2d([m]), [rows, 1]),
        logVar: tf.tile<tf.Tensor2D>(tf.tensor2d([logVar]), [rows, 1]),
      };
      return tf.transpose(vae.sampleCode(posterior, 11)).arraySync();
    });
    samples.forEach((column, d) => {
      const { mean, std } = meanAndStd(column);
      const expectedStd = Math.exp(logVar[d] / 2);
      expect(mean, `mean of dim ${d}`).to.be.closeTo(
        m[d],
        (4 * expectedStd) / Math.sqrt(rows) + 1e-3,
      );
      expect(std, `std of dim ${d}`).to.be.closeTo(expectedStd, 0.03 * expectedStd);
    });
    vae.dispose();
  });

  it('computes the Bernoulli reconstruction term as binary cross-entropy in nats', () => {
    const x = [1, 0, 1];
    const logits = [2, -1, -0.5];
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = -x.reduce(
      (sum, xi, i) =>
        sum + xi * Math.log(sigmoid(logits[i])) + (1 - xi) * Math.log(1 - sigmoid(logits[i])),
      0,
    );
    const nll = tf.tidy(
      () => bernoulliNegLogLikelihood(tf.tensor2d([x]), tf.tensor2d([logits])).dataSync()[0],
    );
    expect(nll).to.be.closeTo(expected, 1e-5);
  });

  it('gives the dense layer the same gradients as TF.js’s built-in matMul gradient', () => {
    const params = createLinear(5, 3, 1);
    const x = tf.randomNormal<tf.Rank.R2>([4, 5], 0, 1, 'float32', 2);
    const loss = (useOurs: boolean) => () =>
      tf.sum<tf.Scalar>(
        tf.square(useOurs ? linear(x, params) : tf.add(tf.matMul(x, params.weight), params.bias)),
      );
    const ours = tf.variableGrads(loss(true), [params.weight, params.bias]);
    const builtIn = tf.variableGrads(loss(false), [params.weight, params.bias]);
    for (const key of Object.keys(ours.grads)) {
      const diff = tf.tidy(
        () => tf.max(tf.abs(tf.sub(ours.grads[key], builtIn.grads[key]))).dataSync()[0],
      );
      expect(diff).to.be.lessThan(1e-4);
    }
    tf.dispose([
      x,
      params.weight,
      params.bias,
      ours.value,
      builtIn.value,
      ...Object.values(ours.grads),
      ...Object.values(builtIn.grads),
    ]);
  });

  for (const [architecture, config] of [
    ['perceptrons', DENSE_DIGITS_VAE_CONFIG],
    ['convolutions', CONV_DIGITS_VAE_CONFIG],
  ] as const) {
    it(`trains on WASM (${architecture}): a few steps on a small batch lower −ELBO, without leaking tensors`, () => {
      const vae = new Vae(config, 5);
      const optimizer = tf.train.adam(1e-3);
      const data = tf.tidy(() =>
        tf.cast(tf.greater(tf.randomUniform([16, 784], 0, 1, 'float32', 9), 0.7), 'float32'),
      ) as tf.Tensor2D;
      const losses: number[] = [];
      let countAfterFirstStep = 0;
      for (let step = 0; step < 30; step++) {
        const { loss, kl } = vae.trainStep(optimizer, data, {
          binarise: step,
          sample: 1000 + step,
        });
        losses.push(loss.dataSync()[0]);
        expect(Number.isFinite(kl.dataSync()[0])).to.equal(true);
        tf.dispose([loss, kl]);
        // Adam makes its moment variables on the first step; after that nothing may grow.
        if (step === 0) countAfterFirstStep = tensorCount();
      }
      expect(tensorCount()).to.equal(countAfterFirstStep);
      expect(losses[29]).to.be.lessThan(losses[0] * 0.8);
      tf.dispose([data]);
      optimizer.dispose();
      vae.dispose();
    });

    it(`gives an importance-sampled log-likelihood at least as high as the ELBO on average (${architecture})`, () => {
      const vae = new Vae(config, 8);
      const x = tf.tidy(() =>
        tf.cast(tf.greater(tf.randomUniform([4, 784], 0, 1, 'float32', 4), 0.8), 'float32'),
      ) as tf.Tensor2D;
      const before = tensorCount();
      const [k1, k64] = [1, 64].map((k) =>
        tf.tidy(() => tf.mean(vae.importanceLogLikelihood(x, k, 3)).dataSync()[0]),
      );
      expect(tensorCount()).to.equal(before);
      expect(k64).to.be.greaterThan(k1);
      x.dispose();
      vae.dispose();
    });
  }

  it('builds the convolutional VAE: 10-d code, 28×28 images in and out, named weights', () => {
    const vae = new Vae(CONV_DIGITS_VAE_CONFIG, 2);
    const named = vae.namedParameters();
    expect(Object.keys(named)).to.include.members([
      'encoder/conv0/weight',
      'encoder/conv1/weight',
      'encoder/dense0/weight',
      'encoder/mean/weight',
      'encoder/log_var/weight',
      'decoder/dense0/weight',
      'decoder/dense1/weight',
      'decoder/deconv1/weight',
      'decoder/deconv2/weight',
    ]);
    expect(named['encoder/conv0/weight'].shape).to.deep.equal([4, 4, 1, 16]);
    expect(named['decoder/deconv2/weight'].shape).to.deep.equal([4, 4, 1, 16]);
    const before = tensorCount();
    const [meanShape, imageShape, inRange] = tf.tidy(() => {
      const { mean } = vae.encode(tf.randomUniform<tf.Rank.R2>([3, 784]));
      const images = vae.decode(tf.randomNormal<tf.Rank.R2>([5, 10]));
      const values = images.dataSync();
      return [mean.shape, images.shape, values.every((v) => v >= 0 && v <= 1)];
    });
    expect(meanShape).to.deep.equal([3, 10]);
    expect(imageShape).to.deep.equal([5, 784]);
    expect(inRange).to.equal(true);
    expect(tensorCount()).to.equal(before);
    vae.dispose();
  });
});
