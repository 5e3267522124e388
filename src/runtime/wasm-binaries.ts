/**
 * The WASM backend's three binaries (plain, SIMD, threads + SIMD; TF.js picks one by what the
 * browser supports). Each is a literal `new URL('…', import.meta.url)` so that bundlers see it
 * and emit the file; the build rewrites these paths to the copies beside the bundle in dist/.
 */
import { packagedAsset } from './config.js';

export function wasmBinaryUrls(): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': packagedAsset(
      'tfjs-backend-wasm.wasm',
      new URL(
        '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
        import.meta.url,
      ),
    ),
    'tfjs-backend-wasm-simd.wasm': packagedAsset(
      'tfjs-backend-wasm-simd.wasm',
      new URL(
        '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
        import.meta.url,
      ),
    ),
    'tfjs-backend-wasm-threaded-simd.wasm': packagedAsset(
      'tfjs-backend-wasm-threaded-simd.wasm',
      new URL(
        '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm',
        import.meta.url,
      ),
    ),
  };
}
