// Builds dist/: one entry for all elements, one per tag, shared chunks, the WebGPU and CPU
// backends as lazily loaded chunks, and the assets (the .wasm binaries and the bundled weights,
// each referenced by a literal `new URL('./file', import.meta.url)` that bundlers follow) beside
// them, so dist/ works from any folder of any static host and inside a bundled app.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

import MagicString from 'magic-string';
import { packagedAssets } from './tools/rollup-packaged-assets.mjs';
import { sourceOf, TAGS } from './tools/registry.mjs';

// Code from these packages is bundled into dist/; their licences travel with it.
const BUNDLED_PACKAGES = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  'seedrandom',
  'long',
];

function thirdPartyNotices() {
  const sections = BUNDLED_PACKAGES.map((name) => {
    const folder = `node_modules/${name}`;
    const { version, license } = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt']
      .map((f) => `${folder}/${f}`)
      .find(existsSync);
    // TF.js packages ship no licence file; their licence, Apache-2.0, is generative-elements' own.
    const text = file
      ? readFileSync(file, 'utf8').trim()
      : `Licensed under ${license}: see the full text in LICENSE beside dist/.`;
    return `${name}@${version} (${license})\n\n${text}`;
  });
  return `dist/ bundles code from the packages below.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

// TF.js keeps Node-only code paths (its Node platform, the WASM glue's Node loader) that call
// require('util'), require('fs')... They never run in a browser, but a bare require() in dist/
// breaks consumers' bundlers (esbuild: 'Could not resolve "util"'), so they are cut out.
const NODE_ONLY_MODULES = [
  'util',
  'fs',
  'path',
  'os',
  'crypto',
  'perf_hooks',
  'worker_threads',
  'node-fetch',
];

function dropNodeOnlyRequires() {
  // Also Node's `__filename`/`__dirname`: the WASM glue reads `__filename` when it finds no
  // `document` (in a worker), and webpack, which rewrites `typeof __filename` to "string" but
  // leaves the name itself, then throws a ReferenceError there.
  const pattern = new RegExp(
    `\\brequire\\((['"])(${NODE_ONLY_MODULES.join('|')})\\1\\)|(?<![.\\w$'"])__(?:filename|dirname)\\b`,
    'g',
  );
  return {
    name: 'drop-node-only-requires',
    renderChunk(code) {
      if (!pattern.test(code)) return null;
      pattern.lastIndex = 0;
      const magic = new MagicString(code);
      for (const match of code.matchAll(pattern))
        magic.overwrite(match.index, match.index + match[0].length, 'undefined');
      return { code: magic.toString(), map: magic.generateMap({ hires: true }) };
    },
  };
}

const COMPARISON_GRIDS = ['samples.png', 'vae-samples.png', 'test-digits.png'];

function copyDemo() {
  return {
    name: 'copy-demo',
    buildStart() {
      rmSync('dist', { recursive: true, force: true });
    },
    writeBundle() {
      // The demo page, with its script pointed at the files beside it.
      mkdirSync('dist', { recursive: true });
      writeFileSync('dist/THIRD_PARTY_LICENSES.txt', thirdPartyNotices());
      // Each model's card, metrics and data licence travel with its weights (the weights
      // themselves are emitted by packagedAssets, as the code references them).
      // The GAN's comparison grids (its samples, the VAE's, real test digits) are the lecture's figure.
      const documents = (folder, name) =>
        name === 'MODEL_CARD.md' ||
        name === 'metrics.json' ||
        /LICEN[CS]E/.test(name) ||
        (folder === 'gan-digits' && COMPARISON_GRIDS.includes(name));
      for (const folder of readdirSync('weights')) {
        for (const file of readdirSync(`weights/${folder}`).filter((name) =>
          documents(folder, name),
        )) {
          mkdirSync(`dist/weights/${folder}`, { recursive: true });
          cpSync(`weights/${folder}/${file}`, `dist/weights/${folder}/${file}`);
        }
      }
      const demo = readFileSync('demo/index.html', 'utf8').replaceAll('../dist/', './');
      writeFileSync('dist/demo.html', demo);
    },
  };
}

export default {
  input: {
    'generative-elements': 'src/generative-elements.ts',
    server: 'src/server.ts',
    // One entry per element of components/registry.json, for `generative-elements/<tag>`.
    ...Object.fromEntries(TAGS.map((tag) => [tag, sourceOf(tag)])),
    // The page's models worker: worker-start.ts starts it as new URL('./model-worker.js', import.meta.url).
    'model-worker': 'src/worker/model-worker.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    // Chunks sit beside the entries: the runtime finds assets relative to its own URL.
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    // Maps for stack traces, without the sources themselves (they would triple the package).
    sourcemap: true,
    sourcemapExcludeSources: true,
  },
  plugins: [
    // `browser: true` honours the TF.js packages' "browser" maps (fs, path, crypto... → empty).
    nodeResolve({ browser: true, preferBuiltins: false }),
    commonjs({ strictRequires: false }),
    packagedAssets(),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts', 'components/**/*.ts'],
      declaration: false,
      sourceMap: true,
      noEmitOnError: true,
    }),
    dropNodeOnlyRequires(),
    terser({ format: { comments: false } }),
    copyDemo(),
  ],
  onwarn(warning, warn) {
    // TF.js's own sources trip these two harmlessly; a cycle among our own modules fails the build.
    const inDependencies = (id) => id.includes('/node_modules/');
    if (warning.code === 'THIS_IS_UNDEFINED' && inDependencies(warning.id ?? '')) return;
    if (warning.code === 'CIRCULAR_DEPENDENCY') {
      if (warning.ids?.every(inDependencies)) return;
      throw new Error(
        `Circular dependency among the package's own modules: ${warning.ids?.join(' -> ')}`,
      );
    }
    warn(warning);
  },
};
