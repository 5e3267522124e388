// Builds dist/: one entry for all elements, one per tag, shared chunks, the WebGPU and CPU
// backends as lazily loaded chunks, and the assets (the .wasm binaries, the bundled weights and
// the demo page) copied beside them so dist/ works from any folder of any static host.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

function copyAssets() {
  return {
    name: 'copy-assets',
    buildStart() {
      rmSync('dist', { recursive: true, force: true });
    },
    writeBundle() {
      for (const file of WASM_FILES) cpSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${file}`, `dist/${file}`);
      cpSync('weights', 'dist/weights', { recursive: true });
      // The demo page, with its script pointed at the files beside it.
      mkdirSync('dist', { recursive: true });
      const demo = readFileSync('demo/index.html', 'utf8').replaceAll('../dist/', './');
      writeFileSync('dist/demo.html', demo);
    },
  };
}

export default {
  input: {
    'generative-elements': 'src/generative-elements.ts',
    'vae-latent-explorer': 'components/vae-latent-explorer/vae-latent-explorer.ts',
    'gan-arena': 'components/gan-arena/gan-arena.ts',
    'pixel-rnn-canvas': 'components/pixel-rnn-canvas/pixel-rnn-canvas.ts',
    'sentence-morph': 'components/sentence-morph/sentence-morph.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    // Chunks sit beside the entries: the runtime finds assets relative to its own URL.
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    // `browser: true` honours the TF.js packages' "browser" maps (fs, path, crypto... → empty).
    nodeResolve({ browser: true, preferBuiltins: false }),
    commonjs({ strictRequires: false }),
    typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts', 'components/**/*.ts'], declaration: false, sourceMap: true, noEmitOnError: true }),
    terser({ format: { comments: false } }),
    copyAssets(),
  ],
  onwarn(warning, warn) {
    // TF.js's own sources trip these two harmlessly.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
    warn(warning);
  },
};
