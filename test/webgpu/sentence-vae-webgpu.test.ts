// The sentence VAE on the forced software WebGPU adapter, against the CPU backend with the same
// weights: the encoder's means, the greedy and beam decodings, and one training step's loss.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { SentenceVae, type SentenceVaeConfig } from '../../src/models/sentence-vae.js';
import { createRng } from '../../src/runtime/random.js';

const SMALL: SentenceVaeConfig = {
  vocabularySize: 40,
  maxTokens: 8,
  embeddingSize: 8,
  encoderSize: 16,
  decoderSize: 12,
  latentSize: 4,
};
const SENTENCES = [
  [4, 5, 6, 7],
  [8, 9],
  [10, 11, 12, 13, 14, 15],
];

/** Everything compared, computed on the current backend from the same seed-1 weights. */
async function outputs() {
  const model = new SentenceVae(SMALL, 1);
  const { mean, logVar } = model.encode(SENTENCES);
  const means = Array.from(await mean.data());
  const greedy = await model.decode(mean);
  const beam = await model.decode(mean, { decoding: 'beam', beamWidth: 3 });
  const optimizer = tf.train.sgd(0.1);
  const loss = model.trainStep(optimizer, SENTENCES, {
    freeBits: 0.5,
    wordDropout: 0.3,
    rng: createRng(4),
  });
  const lossValue = (await loss.data())[0];
  tf.dispose([mean, logVar, loss]);
  optimizer.dispose();
  model.dispose();
  return { means, greedy, beam, lossValue };
}

describe('sentence VAE on forced WebGPU (software adapter)', () => {
  before(async () => {
    expect((await initRuntime('webgpu')).backend).to.equal('webgpu');
    tf.env().set('WEBGPU_CPU_FORWARD', false);
    await ensureGradients();
  });

  it('encodes, decodes and trains like the CPU backend', async () => {
    const gpu = await outputs();
    expect(tf.getBackend()).to.equal('webgpu');
    await tf.setBackend('cpu');
    try {
      const cpu = await outputs();
      gpu.means.forEach((v, i) => expect(v).to.be.closeTo(cpu.means[i], 1e-4));
      expect(gpu.greedy).to.deep.equal(cpu.greedy);
      expect(gpu.beam).to.deep.equal(cpu.beam);
      expect(gpu.lossValue).to.be.closeTo(cpu.lossValue, 1e-3 * Math.abs(cpu.lossValue));
    } finally {
      await tf.setBackend('webgpu');
    }
  });
});
