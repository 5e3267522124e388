// TF.js for the training scripts: tfjs-core with the WASM backend (SIMD) in Node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function initNodeWasm(): Promise<typeof tf> {
  const require = createRequire(__filename);
  const wasmPackage = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  setWasmPaths(path.join(wasmPackage, 'dist') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  return tf;
}
