// When WASM cannot start (its binary is missing), the runtime falls back to CPU, with a note.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { configure } from '../../src/runtime/config.js';
import { initRuntime } from '../../src/runtime/backend.js';

describe('backend fallback when WASM fails', () => {
  it('drops WASM for CPU and says why', async () => {
    configure({ assetBase: '/no-such-folder/' });
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const runtime = await initRuntime('wasm');
      expect(runtime.backend).to.equal('cpu');
      expect(runtime.notes.join(' ')).to.match(/wasm backend unavailable/);
      expect(
        warnings.some((w) => w.includes('generative-elements: wasm backend unavailable')),
      ).to.equal(true);
      expect(
        tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]),
      ).to.equal(11);
    } finally {
      console.warn = originalWarn;
    }
  });
});
