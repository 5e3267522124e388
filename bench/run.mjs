// Benchmarks generative-elements in headless Chromium: weights load, first grid after connect,
// grid decode speed against a tfjs-layers decoder with the same weights, and download sizes.
// Prints tables and writes bench/results.json. Run through `npm run bench` (builds dist/ first),
// or `node bench/run.mjs [wasm] [webgpu] [cpu]` to re-run some backends on the current dist/.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { measureSizes, sizeOfUrls } from './sizes.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const DIST = join(ROOT, 'dist');
const BUILD = join(BENCH, '.build');
const CHROMIUM = '/usr/bin/chromium';
const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const KB = 1024;

// Repetitions per backend. SwiftShader WebGPU is ~40x and the cpu backend ~30x slower than WASM.
const PLAN = {
  wasm: { weightLoads: 5, warmup: 10, repetitions: { 9: 200, 25: 50 } },
  webgpu: { weightLoads: 3, warmup: 2, repetitions: { 9: 12, 25: 5 } },
  cpu: { weightLoads: 3, warmup: 2, repetitions: { 9: 60, 25: 15 } },
};

// Targets (fixed; the bench only reports whether they are met).
const TARGET = {
  decode9Ms: 5,
  decode25Ms: 30,
  firstGridMs: 1500,
  ratio: 1,
  explorerGzipKB: 150,
  weightsMB: 1.5,
};

const started = performance.now();
const requested = process.argv.slice(2);
const backends = requested.length ? requested : Object.keys(PLAN);
for (const name of backends) if (!PLAN[name]) throw new Error(`Unknown backend "${name}" (use ${Object.keys(PLAN).join(', ')})`);
if (!existsSync(join(DIST, 'vae-latent-explorer.js'))) throw new Error('dist/ is missing: run `npm run build` first.');

// ---- the bench page bundle: our src/ and tfjs-layers on one tfjs-core --------------------------
mkdirSync(BUILD, { recursive: true });
const bundle = await esbuild.build({
  entryPoints: [join(BENCH, 'page.ts')],
  outfile: join(BUILD, 'page.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser', // honours the TF.js packages' "browser" maps (fs, path, crypto... → empty)
  mainFields: ['module', 'main'],
  target: 'es2022',
  metafile: true,
  logLevel: 'warning',
});
// One tfjs-core package in the bundle, or the layers-vs-ours comparison would not be fair.
const coreRoots = new Set(
  Object.keys(bundle.metafile.inputs)
    .map((p) => p.match(/^(.*node_modules\/@tensorflow\/tfjs-core)\//)?.[1])
    .filter(Boolean),
);
if (coreRoots.size !== 1) throw new Error(`Expected one tfjs-core in the bench bundle, found: ${[...coreRoots].join(', ')}`);

// ---- a static file server rooted at the project -----------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.map': 'application/json',
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = resolve(ROOT, `.${path}`);
  const inside = file === ROOT || file.startsWith(ROOT + sep);
  if (!inside || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- browser runs, one fresh browser per backend ----------------------------------------------
const pageMessages = [];
let browserVersion = '';

/** A page in its own browser context (no shared cache), logging errors and warnings. */
async function openPage(browser, label) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  await page.setCacheEnabled(false);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') pageMessages.push(`[${label}] ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageMessages.push(`[${label}] page error: ${error.message}`));
  return { page, close: () => context.close() };
}

/** (2) Connect-to-first-grid of the first <vae-latent-explorer> on a page, from the built dist/. */
async function measureElement(browser, backend) {
  const { page, close } = await openPage(browser, `${backend} element`);
  try {
    await page.goto(`${origin}/bench/element.html`, { waitUntil: 'load' });
    return await page.evaluate(async (backend) => {
      await customElements.whenDefined('vae-latent-explorer');
      const definedAtMs = performance.now();
      const element = document.createElement('vae-latent-explorer');
      element.setAttribute('loading', 'eager');
      element.setAttribute('backend', backend);
      const errors = [];
      let eventLoadMs = null;
      // With valid attributes and the bundled weights, any model-error means `ready` never resolves.
      const failed = new Promise((done) =>
        element.addEventListener('model-error', (event) => {
          errors.push(event.detail.message);
          done('error');
        }),
      );
      element.addEventListener('model-ready', (event) => (eventLoadMs = event.detail.loadMs));
      const t0 = performance.now();
      document.body.append(element);
      const outcome = await Promise.race([
        element.ready.then(() => 'ready'),
        failed,
        new Promise((done) => setTimeout(() => done('timeout'), 120_000)),
      ]);
      const firstGridMs = performance.now() - t0;
      return {
        outcome,
        firstGridMs: outcome === 'ready' ? firstGridMs : null,
        eventLoadMs,
        definedAtMs, // navigation start → element defined (module graph loaded)
        activeBackend: element.activeBackend,
        errors,
        fetched: performance.getEntriesByType('resource').map((entry) => entry.name),
      };
    }, backend);
  } finally {
    await close();
  }
}

/** (1), (3), (4) on the bench page bundle. */
async function measureDecoder(browser, backend) {
  const { page, close } = await openPage(browser, `${backend} bench`);
  try {
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'bench' in window);
    return await page.evaluate((options) => window.bench.run(options), { backend, ...PLAN[backend] });
  } finally {
    await close();
  }
}

const runs = {};
try {
  for (const backend of backends) {
    const flags = backend === 'webgpu' ? [...BASE_FLAGS, '--enable-unsafe-webgpu'] : BASE_FLAGS;
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: flags, protocolTimeout: 300_000 });
    try {
      browserVersion ||= await browser.version();
      runs[backend] = {};
      // Each measurement on its own, so one failing still leaves the other's figures.
      for (const [part, measure] of [['element', measureElement], ['decoder', measureDecoder]]) {
        const t0 = performance.now();
        try {
          runs[backend][part] = await measure(browser, backend);
          console.log(`${backend} ${part}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        } catch (error) {
          runs[backend][part] = { error: error.message };
          console.log(`${backend} ${part}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${error.message}`);
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}

// ---- report -----------------------------------------------------------------------------------
const sizes = measureSizes(DIST);
const targets = [];
/** Records a target check and returns the text for the "met?" column. */
function check(name, value, limit) {
  const met = value != null && Number.isFinite(value) && value <= limit;
  targets.push({ name, value, limit, met });
  return met ? 'yes' : 'NO';
}
const ms = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const kb = (bytes) => (bytes / KB).toFixed(1);

function table(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const label = (backend) => {
  const actual = runs[backend].decoder?.info?.backend ?? runs[backend].element?.activeBackend;
  return actual && actual !== backend ? `${backend} (ran ${actual})` : backend;
};
const ok = (result) => result && !result.error;

console.log(`\nChromium ${browserVersion}, Node ${process.version}; timings are noisy (shared 2-core machine).`);
for (const backend of backends) {
  const { element, decoder } = runs[backend];
  const facts = [];
  if (ok(decoder)) {
    for (const [key, value] of Object.entries(decoder.info)) if (key !== 'backend') facts.push(`${key}=${value}`);
    const leaked = Object.values(decoder.grids).reduce((total, g) => total + g.tensorsLeaked, 0);
    facts.push(`tensors leaked by timed runs=${leaked}`);
    const reference = runs.wasm?.decoder?.output9x9;
    if (backend !== 'wasm' && reference && decoder.output9x9) {
      let max = 0;
      for (let i = 0; i < reference.length; i++) max = Math.max(max, Math.abs(reference[i] - decoder.output9x9[i]));
      facts.push(`9x9 output max |Δ| vs wasm=${max === 0 ? 0 : max.toExponential(1)}`);
    }
    if (decoder.notes.length) facts.push(`notes: ${decoder.notes.join('; ')}`);
  } else {
    facts.push(`decoder page FAILED: ${decoder?.error}`);
  }
  if (!ok(element)) facts.push(`element page FAILED: ${element?.error}`);
  else if (element.errors.length) facts.push(`element errors: ${element.errors.join('; ')}`);
  console.log(`  ${backend}: ${facts.join(', ')}`);
}

table(
  'Start-up (ms)',
  ['Backend', 'Weights load, first', 'Weights load, repeat median', 'First grid after connect', 'Target', 'Met?'],
  backends.map((backend) => {
    const { element, decoder } = runs[backend];
    const isWasm = backend === 'wasm';
    const firstGrid = ok(element) && element.outcome === 'ready' ? element.firstGridMs : null;
    return [
      label(backend),
      ok(decoder) ? ms(decoder.weights.firstMs) : 'failed',
      ok(decoder) ? `${ms(decoder.weights.repeat.median)} (n=${decoder.weights.repeat.runs})` : 'failed',
      !ok(element) ? 'failed' : element.outcome === 'ready' ? ms(element.firstGridMs) : element.outcome,
      isWasm ? `first grid ≤ ${TARGET.firstGridMs}` : '—',
      isWasm ? check('WASM first grid after connect (ms)', firstGrid, TARGET.firstGridMs) : '',
    ];
  }),
);

const decodeRows = [];
for (const backend of backends.filter((b) => ok(runs[b].decoder))) {
  for (const [grid, g] of Object.entries(runs[backend].decoder.grids)) {
    const ratio = g.ours.median / g.layers.median;
    const limit = grid === '9x9' ? TARGET.decode9Ms : TARGET.decode25Ms;
    const wasm = backend === 'wasm';
    const targetText = wasm ? `≤ ${limit} ms; ratio ≤ ${TARGET.ratio}` : `ratio ≤ ${TARGET.ratio}`;
    const metRatio = check(`${backend} ${grid} ours/tfjs-layers`, ratio, TARGET.ratio);
    const met = wasm ? `${check(`WASM ${grid} decode median (ms)`, g.ours.median, limit)}; ${metRatio}` : metRatio;
    decodeRows.push([
      label(backend),
      grid,
      g.ours.runs,
      `${ms(g.ours.median)} / ${ms(g.ours.p90)}`,
      `${ms(g.layers.median)} / ${ms(g.layers.p90)}`,
      ratio.toFixed(2),
      ms(g.layersOneBatch.median),
      g.maxAbsDiff === 0 ? '0' : g.maxAbsDiff.toExponential(1),
      targetText,
      met,
    ]);
  }
}
table(
  'Grid decode, DigitVae.decode vs tfjs-layers predict() + data() (median / p90 ms)',
  ['Backend', 'Grid', 'Runs', 'Ours', 'tfjs-layers', 'Ours/layers', 'Layers, 1 batch', 'Max |Δ|', 'Target', 'Met?'],
  decodeRows,
);

const explorer = sizes.entries['vae-latent-explorer.js'];
const all = sizes.entries['generative-elements.js'];
const observed = ok(runs.wasm?.element) ? sizeOfUrls(DIST, runs.wasm.element.fetched) : null;
const sizeRow = (name, s, target = '—', met = '') => [name, s.files.length, kb(s.raw), kb(s.gzip), target, met];
const weightsMB = sizes.weights.raw / (KB * KB);
table(
  'Sizes (KB = 1024 bytes; gzip -9, per file, summed)',
  ['Item', 'Files', 'Raw KB', 'Gzip KB', 'Target', 'Met?'],
  [
    sizeRow('generative-elements.js + static chunks', all.static),
    sizeRow('generative-elements.js + static + WASM backend', all.staticPlusWasmBackend),
    sizeRow('vae-latent-explorer.js + static chunks', explorer.static),
    sizeRow(
      'vae-latent-explorer.js + static + WASM backend',
      explorer.staticPlusWasmBackend,
      `≤ ${TARGET.explorerGzipKB} gzip`,
      check('vae-latent-explorer.js start-up JS on a WASM page (KB gzip)', explorer.staticPlusWasmBackend.gzip / KB, TARGET.explorerGzipKB),
    ),
    ...(observed ? [sizeRow('  (JS a WASM page fetched, observed)', observed)] : []),
    ...(explorer.webgpuChunk ? [sizeRow('WebGPU backend chunk', explorer.webgpuChunk)] : []),
    ...(explorer.webgpuExtraOverWasmPage ? [sizeRow('  (WebGPU extra over a WASM page)', explorer.webgpuExtraOverWasmPage)] : []),
    ...Object.entries(sizes.wasmBinaries).map(([file, s]) => [file, 1, kb(s.raw), kb(s.gzip), '—', '']),
    [
      'weights: model.json + weights.bin',
      2,
      kb(sizes.weights.raw),
      kb(sizes.weights.gzip),
      `≤ ${TARGET.weightsMB} MB raw`,
      check('weights (MB raw)', weightsMB, TARGET.weightsMB),
    ],
  ],
);

const failed = targets.filter((t) => !t.met);
console.log(`\nTargets met: ${targets.length - failed.length} of ${targets.length}${failed.length ? ` (missed: ${failed.map((t) => t.name).join('; ')})` : ''}`);
if (pageMessages.length) {
  console.log('\nPage warnings and errors:');
  for (const message of [...new Set(pageMessages)]) console.log(`  ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
}
const totalSeconds = (performance.now() - started) / 1000;
console.log(`\nBench took ${totalSeconds.toFixed(0)} s; results in bench/results.json`);

// The raw 9x9 outputs were only for the cross-backend check; keep results.json small.
for (const run of Object.values(runs)) if (run.decoder) delete run.decoder.output9x9;
writeFileSync(
  join(BENCH, 'results.json'),
  `${JSON.stringify(
    { date: new Date().toISOString(), browser: browserVersion, node: process.version, plan: PLAN, runs, sizes, targets, pageMessages, totalSeconds },
    null,
    2,
  )}\n`,
);
