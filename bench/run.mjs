// Benchmarks generative-elements in headless Chromium: weights load, first grid after connect,
// grid decode speed against a tfjs-layers decoder with the same weights, and download sizes;
// <gan-arena>: 2-d rounds per second with every visual redrawn each frame (the built element, and
// the model alone), main-thread long tasks while it trains, and a digits training step against the
// same GAN written with tfjs-layers; PixelRNN: 16 digits and 16 emoji drawn, and the per-pixel
// recurrent step against the same step written with tfjs-layers; the sentence VAE: a 5-step morph,
// and its decoder step against the same step written with tfjs-layers.
// Prints tables and writes bench/results.json. Run through `npm run bench` (builds dist/ first),
// or `node bench/run.mjs [wasm] [webgpu] [cpu]` to re-run some backends on the current dist/;
// BENCH_PARTS=pixelRnn,sentenceVae (names as in partsFor, bench/measure.mjs) measures only those.
// bench/harness.mjs runs the pages, bench/measure.mjs measures, bench/report.mjs prints.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH,
  DIST,
  buildBenchPage,
  pageMessages,
  runBackends,
  serveProject,
} from './harness.mjs';
import { PLAN, partsFor } from './measure.mjs';
import { report } from './report.mjs';
import { measureSizes } from './sizes.mjs';

const started = performance.now();
const requested = process.argv.slice(2);
const backends = requested.length ? requested : Object.keys(PLAN);
for (const name of backends)
  if (!PLAN[name])
    throw new Error(`Unknown backend "${name}" (use ${Object.keys(PLAN).join(', ')})`);
if (!existsSync(join(DIST, 'vae-latent-explorer.js')))
  throw new Error('dist/ is missing: run `npm run build` first.');

await buildBenchPage();
const server = await serveProject();
let measured;
try {
  measured = await runBackends(backends, (backend) => partsFor(backend, server.origin));
} finally {
  await server.close();
}
const { runs, browserVersion } = measured;

const sizes = measureSizes(DIST);
const targets = report({ backends, runs, sizes, dist: DIST, browserVersion, pageMessages });
const totalSeconds = (performance.now() - started) / 1000;
console.log(`\nBench took ${totalSeconds.toFixed(0)} s; results in bench/results.json`);

// The raw 9x9 outputs were only for the cross-backend check; keep results.json small.
for (const run of Object.values(runs)) if (run.decoder) delete run.decoder.output9x9;
writeFileSync(
  join(BENCH, 'results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      browser: browserVersion,
      node: process.version,
      plan: PLAN,
      runs,
      sizes,
      targets,
      pageMessages,
      totalSeconds,
    },
    null,
    2,
  )}\n`,
);
