// The shared training loop: progress, abort, and recovery from a NaN loss.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { runTrainingLoop } from '../../src/runtime/training-loop.js';
import { checkFineTuneLearnsABar } from '../fine-tune-check.js';
import { tensorCount } from '../helpers.js';

describe('training loop', () => {
  before(async () => {
    await initRuntime('wasm');
  });

  it('reports progress for every step and stops when aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const weight = tf.variable(tf.scalar(1));
    const result = await runTrainingLoop({
      totalSteps: 50,
      parameters: [weight],
      signal: controller.signal,
      step: (i) => Promise.resolve({ loss: 1 / (i + 1) }),
      onProgress: ({ step }) => {
        seen.push(step);
        if (step === 5) controller.abort();
      },
    });
    expect(seen).to.deep.equal([1, 2, 3, 4, 5]);
    expect(result).to.include({ steps: 5, aborted: true, diverged: false });
    weight.dispose();
  });

  it('restores the last good weights when a loss turns NaN', async () => {
    const weight = tf.variable(tf.scalar(0));
    const before = tensorCount();
    const result = await runTrainingLoop({
      totalSteps: 40,
      parameters: [weight],
      snapshotEvery: 10,
      step: (i) => {
        tf.tidy(() => weight.assign(tf.scalar(i + 1))); // the "update"
        return Promise.resolve({ loss: i === 24 ? NaN : 1 });
      },
    });
    expect(result.diverged).to.equal(true);
    expect(result.steps).to.equal(24);
    expect(weight.dataSync()[0]).to.equal(20); // the snapshot taken after step 20
    expect(tensorCount()).to.equal(before);
    weight.dispose();
  });

  it('fine-tunes the digit VAE on WASM: finite losses, the loss falls, no tensor growth', () =>
    checkFineTuneLearnsABar({ steps: 25, learningRate: 1e-3, batchSize: 8, seed: 1 }));
});
