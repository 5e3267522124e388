// backend="webgpu" forces the software adapter, so the WebGPU code path runs for real here:
// the model's maths, training, and the element, checked against plain JavaScript.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { Vae, DIGITS_VAE_CONFIG, klToStandardNormal } from '../../src/models/vae.js';
import { DigitVae } from '../../src/models/digit-vae.js';
import { loadArtifacts } from '../../src/runtime/weights-io.js';
import { meanAndStd, repoFile, tensorCount } from '../helpers.js';
import { createExplorer, gridDrawn } from '../components/explorer-helpers.js';
import { checkFineTuneLearnsABar } from '../fine-tune-check.js';

/** The decoder written out in plain JavaScript from the weight file, as an independent reference. */
async function referenceDecode(code: number[]): Promise<Float32Array> {
  const artifacts = await loadArtifacts(repoFile('weights/vae-digits/model.json'));
  const tensors = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  let h = Float32Array.from(code);
  for (let layer = 0; layer < 3; layer++) {
    const w = await tensors[`decoder/dense${layer}/weight`].data();
    const b = await tensors[`decoder/dense${layer}/bias`].data();
    const [inputs, outputs] = tensors[`decoder/dense${layer}/weight`].shape;
    const next = new Float32Array(outputs);
    for (let j = 0; j < outputs; j++) {
      let sum = b[j];
      for (let i = 0; i < inputs; i++) sum += h[i] * w[i * outputs + j];
      next[j] = layer < 2 ? Math.max(0, sum) : 1 / (1 + Math.exp(-sum));
    }
    h = next;
  }
  tf.dispose(tensors);
  return h;
}

describe('forced WebGPU (software adapter)', () => {
  before(async () => {
    const runtime = await initRuntime('webgpu');
    expect(runtime.backend).to.equal('webgpu');
    // Otherwise TF.js quietly runs small ops on the CPU and the GPU path goes untested.
    tf.env().set('WEBGPU_CPU_FORWARD', false);
    await ensureGradients();
  });

  it('decodes like a plain JavaScript forward pass of the same weights', async () => {
    const vae = new DigitVae();
    await vae.setWeights(await loadArtifacts(repoFile('weights/vae-digits/model.json')));
    const code = [0.3, -1, 0.5, 2, -0.2, 0, 1, -1.5, 0.8, 0.1];
    const [gpu, reference] = await Promise.all([
      vae.decode(Float32Array.from(code), 1),
      referenceDecode(code),
    ]);
    const maxDiff = Math.max(...Array.from(gpu, (v, i) => Math.abs(v - reference[i])));
    expect(maxDiff).to.be.lessThan(1e-4);
    vae.dispose();
  });

  it('computes the KL term and reparameterised samples correctly', async () => {
    const mean = [0.5, -1.2];
    const logVar = [0.1, Math.log(4)];
    const klTensor = tf.tidy(() =>
      klToStandardNormal({ mean: tf.tensor2d([mean]), logVar: tf.tensor2d([logVar]) }),
    );
    const kl = (await klTensor.data())[0];
    klTensor.dispose();
    const closedForm =
      0.5 * mean.reduce((sum, m, i) => sum + Math.exp(logVar[i]) + m * m - 1 - logVar[i], 0);
    expect(kl).to.be.closeTo(closedForm, 1e-4);

    const vae = new Vae(DIGITS_VAE_CONFIG, 1);
    const rows = 4000;
    const samples = tf.tidy(() => {
      const posterior = {
        mean: tf.tile<tf.Tensor2D>(tf.tensor2d([mean]), [rows, 1]),
        logVar: tf.tile<tf.Tensor2D>(tf.tensor2d([logVar]), [rows, 1]),
      };
      return tf.transpose(vae.sampleCode(posterior, 5));
    });
    const columns = await samples.array();
    samples.dispose();
    columns.forEach((column, d) => {
      const { mean: m, std } = meanAndStd(column);
      expect(m).to.be.closeTo(mean[d], 0.15);
      expect(std).to.be.closeTo(Math.exp(logVar[d] / 2), 0.1 * Math.exp(logVar[d] / 2));
    });
    vae.dispose();
  });

  it('takes training steps on WebGPU with finite, falling losses and no tensor growth', () =>
    checkFineTuneLearnsABar({ steps: 8, learningRate: 2e-3, batchSize: 4, seed: 2 }));

  it('runs the element on WebGPU: model-ready, a drawn grid, no tensor growth', async () => {
    const { element, errors } = await createExplorer({ backend: 'webgpu', 'grid-size': '3' });
    expect(element.activeBackend).to.equal('webgpu');
    await gridDrawn(element, 3);
    const before = tensorCount();
    for (let i = 0; i < 5; i++) {
      element.setCode(Array.from({ length: 10 }, (_, d) => Math.cos(i * d)));
      await element.decode([element.code]);
    }
    await gridDrawn(element, 3);
    expect(tensorCount()).to.equal(before);
    expect(errors).to.deep.equal([]);
    element.remove();
  });
});
