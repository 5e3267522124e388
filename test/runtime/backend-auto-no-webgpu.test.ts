// Without WebGPU (this browser has no adapter), `auto` lands on WASM.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime, activeBackendName } from '../../src/runtime/backend.js';

describe('backend choice without WebGPU', () => {
  it('auto picks WASM and computes on it', async () => {
    const runtime = await initRuntime('auto');
    expect(runtime.backend).to.equal('wasm');
    expect(activeBackendName()).to.equal('wasm');
    expect(tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0])).to.equal(5);
  });

  it('keeps one runtime per page: a later preference reports what is active', async () => {
    const runtime = await initRuntime('cpu');
    expect(runtime.backend).to.equal('wasm');
  });
});
