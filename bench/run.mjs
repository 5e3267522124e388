// Benchmarks generative-elements in headless Chromium: weights load, first grid after connect,
// grid decode speed against a tfjs-layers decoder with the same weights, and download sizes;
// <gan-arena>: 2-d rounds per second with every visual redrawn each frame (the built element, and
// the model alone), main-thread long tasks while it trains, and a digits training step against the
// same GAN written with tfjs-layers; PixelRNN: 16 digits and 16 emoji drawn, and the per-pixel
// recurrent step against the same step written with tfjs-layers; the sentence VAE: a 5-step morph,
// and its decoder step against the same step written with tfjs-layers.
// Prints tables and writes bench/results.json. Run through `npm run bench` (builds dist/ first),
// or `node bench/run.mjs [wasm] [webgpu] [cpu]` to re-run some backends on the current dist/;
// BENCH_PARTS=pixelRnn,sentenceVae (names as in `parts` below) measures only those parts.
import { createServer } from 'node:http';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
// gan: seconds of <gan-arena> training watched after model-ready (2-d, and digits where listed),
// seconds of the 2-d model-alone loop, planeView() calls timed, and digits steps (warm-up, timed).
const PLAN = {
  wasm: {
    weightLoads: 5,
    warmup: 10,
    repetitions: { 9: 200, 25: 50 },
    gan: {
      elementSeconds: 10,
      digitsElement: true,
      toySeconds: 5,
      planeViews: 50,
      digitsWarmup: 3,
      digitsRepetitions: 20,
    },
    pixelRnn: { drawings: 5, steps: 200 },
    sentenceVae: { morphs: 30, steps: 200 },
  },
  webgpu: {
    weightLoads: 3,
    warmup: 2,
    repetitions: { 9: 12, 25: 5 },
    gan: {
      elementSeconds: 10,
      digitsElement: false,
      toySeconds: 4,
      planeViews: 3,
      digitsWarmup: 1,
      digitsRepetitions: 2,
    },
    // 784 sequential steps on the software adapter take minutes: not measured there.
    pixelRnn: null,
    sentenceVae: { morphs: 2, steps: 10 },
  },
  cpu: {
    weightLoads: 3,
    warmup: 2,
    repetitions: { 9: 60, 25: 15 },
    gan: {
      elementSeconds: 10,
      digitsElement: false,
      toySeconds: 5,
      planeViews: 10,
      digitsWarmup: 1,
      digitsRepetitions: 4,
    },
    pixelRnn: { drawings: 1, steps: 30 },
    sentenceVae: { morphs: 5, steps: 30 },
  },
};

// Targets (fixed; the bench only reports whether they are met).
const TARGET = {
  decode9Ms: 5,
  decode25Ms: 30,
  firstGridMs: 1500,
  ratio: 1,
  explorerGzipKB: 150,
  weightsMB: 1.5,
  ganRoundsPerSecond: 60, // WASM, 2-d, batch 64, every visual redrawn each frame (at least)
  ganLongTasks: 0, // WASM, main-thread tasks over 50 ms while <gan-arena> trains (at most)
  ganStepRatio: 1, // WASM, digits step: ours / tfjs-layers (at most)
  pixelDigitsMs: 1500, // WASM, 16 digits drawn pixel by pixel, values read back every step (at most)
  pixelEmojiMs: 500, // WASM, 16 emoji, the same way (at most)
  pixelStepRatio: 1, // WASM, per-pixel step: ours / tfjs-layers (at most)
  sentenceMorphMs: 150, // WASM, a 5-step greedy morph once the model is loaded (at most)
  sentenceStepRatio: 1, // WASM, decoder step: ours / tfjs-layers (at most)
};
// Measured here with GAN Lab, for comparison: iterations per second with its visuals on.
const GAN_LAB = { ring: 9, default: 13 };

const started = performance.now();
const requested = process.argv.slice(2);
const backends = requested.length ? requested : Object.keys(PLAN);
for (const name of backends)
  if (!PLAN[name])
    throw new Error(`Unknown backend "${name}" (use ${Object.keys(PLAN).join(', ')})`);
if (!existsSync(join(DIST, 'vae-latent-explorer.js')))
  throw new Error('dist/ is missing: run `npm run build` first.');

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
if (coreRoots.size !== 1)
  throw new Error(
    `Expected one tfjs-core in the bench bundle, found: ${[...coreRoots].join(', ')}`,
  );

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
    // The one expected warning: TF.js confirming the WEBGPU_CPU_FORWARD flag given in the URL.
    if (message.text().startsWith('Setting feature override from URL')) return;
    if (message.type() === 'error' || message.type() === 'warn')
      pageMessages.push(`[${label}] ${message.type()}: ${message.text()}`);
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

/**
 * Where the digits <gan-arena> row cannot run: it needs the bundled real digits
 * (dist/weights/gan-digits/real-digits.json and its PNG); without model.json it starts from random
 * networks (pretrained="false"), which trains at the same speed.
 */
function digitsElementAssets() {
  const dir = join(DIST, 'weights', 'gan-digits');
  const json = join(dir, 'real-digits.json');
  if (!existsSync(json)) return { missing: 'dist/weights/gan-digits/real-digits.json' };
  let image;
  try {
    image = JSON.parse(readFileSync(json, 'utf8')).image;
  } catch {
    return { missing: 'a readable dist/weights/gan-digits/real-digits.json' };
  }
  if (typeof image !== 'string' || !existsSync(join(dir, image)))
    return { missing: `dist/weights/gan-digits/${image ?? '<its image>'}` };
  return { pretrained: existsSync(join(dir, 'model.json')) };
}

/**
 * (5), (6) The built <gan-arena> training with `running`: round events, the page's animation
 * frames, the element's own redraws (its plane or sample-sheet canvas being drawn) and main-thread
 * long tasks, over `seconds` of wall time from model-ready.
 */
async function measureGanElement(browser, backend, mode) {
  const plan = PLAN[backend].gan;
  let pretrained = true;
  if (mode === 'digits') {
    const assets = digitsElementAssets();
    if (assets.missing) return { skipped: `${assets.missing} is missing` };
    pretrained = assets.pretrained;
  }
  const { page, close } = await openPage(browser, `${backend} gan-arena ${mode}`);
  try {
    // Without this TF.js flag, small ops on WebGPU silently run on the CPU path.
    const query = backend === 'webgpu' ? '?tfjsflags=WEBGPU_CPU_FORWARD:false' : '';
    await page.goto(`${origin}/bench/gan-element.html${query}`, { waitUntil: 'load' });
    const result = await page.evaluate(
      async ({ backend, mode, seconds, pretrained }) => {
        await customElements.whenDefined('gan-arena');
        const longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
        // Every animation frame the page gets, and every redraw of the element's main canvas.
        const frames = [];
        let watching = true;
        const onFrame = () => {
          frames.push(performance.now());
          if (watching) requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
        const redraws = [];
        const canvasClass = mode === '2d' ? 'plane' : 'sheet';
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (...args) {
          if (this.classList.contains(canvasClass)) redraws.push(performance.now());
          return getContext.apply(this, args);
        };

        const element = document.createElement('gan-arena');
        const attributes = {
          loading: 'eager',
          running: '',
          seed: '1',
          'batch-size': '64',
          backend,
        };
        if (mode === 'digits')
          Object.assign(attributes, {
            mode: 'digits',
            ...(pretrained ? {} : { pretrained: 'false' }),
          });
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        const rounds = [];
        let lastRound = null;
        element.addEventListener('round', (event) => {
          rounds.push(performance.now());
          lastRound = event.detail;
        });
        const errors = [];
        const failed = new Promise((done) =>
          element.addEventListener('model-error', (event) => {
            errors.push(event.detail.message);
            done('error');
          }),
        );
        let loadMs = null;
        const ready = new Promise((done) =>
          element.addEventListener('model-ready', (event) => {
            loadMs = event.detail.loadMs;
            done('ready');
          }),
        );
        document.body.append(element);
        const outcome = await Promise.race([
          ready,
          failed,
          new Promise((done) => setTimeout(() => done('timeout'), 120_000)),
        ]);
        if (outcome !== 'ready') return { outcome, errors, attributes };
        const t0 = performance.now();
        await new Promise((done) => setTimeout(done, seconds * 1000));
        const t1 = performance.now();
        element.removeAttribute('running');
        watching = false;
        // Long-task entries arrive a little after the task: let them in.
        await new Promise((done) => setTimeout(done, 300));
        HTMLCanvasElement.prototype.getContext = getContext;
        const activeBackend = element.activeBackend;
        element.remove();
        const span = (t1 - t0) / 1000;
        const within = (times) => times.filter((t) => t >= t0 && t <= t1).length;
        const tasks = longTasks.filter(
          (task) => task.start + task.duration > t0 && task.start < t1,
        );
        return {
          outcome,
          attributes,
          activeBackend,
          loadMs,
          seconds: span,
          rounds: within(rounds),
          roundsPerSecond: within(rounds) / span,
          framesPerSecond: within(frames) / span,
          redrawsPerSecond: within(redraws) / span,
          lastRound,
          longTasks: {
            count: tasks.length,
            maxMs: tasks.length ? Math.max(...tasks.map((task) => task.duration)) : 0,
            totalMs: tasks.reduce((total, task) => total + task.duration, 0),
          },
          errors,
        };
      },
      { backend, mode, seconds: plan.elementSeconds, pretrained },
    );
    return mode === 'digits' ? { ...result, pretrained } : result;
  } finally {
    await close();
  }
}

/** (7), (8) The GAN on the bench page bundle: 2-d model alone; digits step, ours vs tfjs-layers. */
async function measureGan(browser, backend) {
  const { page, close } = await openPage(browser, `${backend} gan bench`);
  try {
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'bench' in window);
    return await page.evaluate((options) => window.bench.gan(options), {
      backend,
      ...PLAN[backend].gan,
    });
  } finally {
    await close();
  }
}

/** (9), (10) PixelRNN on the bench page bundle: whole drawings; the per-pixel step vs tfjs-layers. */
async function measurePixelRnn(browser, backend) {
  if (!PLAN[backend].pixelRnn) return { skipped: 'too slow on this backend' };
  const { page, close } = await openPage(browser, `${backend} pixel-rnn bench`);
  try {
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'bench' in window);
    return await page.evaluate((options) => window.bench.pixelRnn(options), {
      backend,
      ...PLAN[backend].pixelRnn,
    });
  } finally {
    await close();
  }
}

/** (11), (12) The sentence VAE on the bench page bundle: a 5-step morph; the decoder step vs tfjs-layers. */
async function measureSentenceVae(browser, backend) {
  if (!PLAN[backend].sentenceVae) return { skipped: 'too slow on this backend' };
  const { page, close } = await openPage(browser, `${backend} sentence-vae bench`);
  try {
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'bench' in window);
    return await page.evaluate((options) => window.bench.sentenceVae(options), {
      backend,
      ...PLAN[backend].sentenceVae,
    });
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
    return await page.evaluate((options) => window.bench.run(options), {
      backend,
      ...PLAN[backend],
    });
  } finally {
    await close();
  }
}

const runs = {};
try {
  for (const backend of backends) {
    const flags = backend === 'webgpu' ? [...BASE_FLAGS, '--enable-unsafe-webgpu'] : BASE_FLAGS;
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: flags,
      protocolTimeout: 300_000,
    });
    try {
      browserVersion ||= await browser.version();
      runs[backend] = {};
      // Each measurement on its own, so one failing still leaves the others' figures.
      const parts = [
        ['element', measureElement],
        ['decoder', measureDecoder],
        ['ganElement', (b, name) => measureGanElement(b, name, '2d')],
        ...(PLAN[backend].gan.digitsElement
          ? [['ganDigitsElement', (b, name) => measureGanElement(b, name, 'digits')]]
          : []),
        ['gan', measureGan],
        ['pixelRnn', measurePixelRnn],
        ['sentenceVae', measureSentenceVae],
      ];
      const only = process.env.BENCH_PARTS?.split(',');
      for (const [part, measure] of parts.filter(([part]) => !only || only.includes(part))) {
        const t0 = performance.now();
        try {
          runs[backend][part] = await measure(browser, backend);
          const skipped = runs[backend][part]?.skipped;
          console.log(
            `${backend} ${part}: ${skipped ? `skipped (${skipped})` : `${((performance.now() - t0) / 1000).toFixed(1)} s`}`,
          );
        } catch (error) {
          runs[backend][part] = { error: error.message };
          console.log(
            `${backend} ${part}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${error.message}`,
          );
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
/** The same, for a value that must reach a floor. */
function checkAtLeast(name, value, floor) {
  const met = value != null && Number.isFinite(value) && value >= floor;
  targets.push({ name, value, floor, met });
  return met ? 'yes' : 'NO';
}
const ms = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const kb = (bytes) => (bytes / KB).toFixed(1);

function table(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
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

console.log(
  `\nChromium ${browserVersion}, Node ${process.version}; timings are noisy (shared 2-core machine).`,
);
for (const backend of backends) {
  const { element, decoder } = runs[backend];
  const facts = [];
  if (ok(decoder)) {
    for (const [key, value] of Object.entries(decoder.info))
      if (key !== 'backend') facts.push(`${key}=${value}`);
    const leaked = Object.values(decoder.grids).reduce((total, g) => total + g.tensorsLeaked, 0);
    facts.push(`tensors leaked by timed runs=${leaked}`);
    const reference = runs.wasm?.decoder?.output9x9;
    if (backend !== 'wasm' && reference && decoder.output9x9) {
      let max = 0;
      for (let i = 0; i < reference.length; i++)
        max = Math.max(max, Math.abs(reference[i] - decoder.output9x9[i]));
      facts.push(`9x9 output max |Δ| vs wasm=${max === 0 ? 0 : max.toExponential(1)}`);
    }
    if (decoder.notes.length) facts.push(`notes: ${decoder.notes.join('; ')}`);
  } else if (decoder) {
    facts.push(`decoder page FAILED: ${decoder.error}`);
  }
  // (A part left out by BENCH_PARTS has no result at all, and no line here.)
  if (element && !ok(element)) facts.push(`element page FAILED: ${element.error}`);
  else if (element?.errors.length) facts.push(`element errors: ${element.errors.join('; ')}`);
  const { gan, ganElement, ganDigitsElement } = runs[backend];
  if (ok(gan)) {
    if (!gan.info.sharedTfjsCore) facts.push('GAN page: tfjs-layers NOT on our tfjs-core');
    for (const part of ['toy', 'digits']) {
      const r = gan[part];
      if (r.error) facts.push(`GAN ${part} FAILED: ${r.error}`);
      else
        facts.push(
          `GAN ${part}: tensors leaked=${r.tensorsLeaked}${r.lossesFinite ? '' : ', NON-FINITE LOSSES'}`,
        );
    }
    const c = gan.digits?.layersCheck;
    if (c && !(c.dMovedInStep && c.gMovedInStep && c.dFrozenInCombined))
      facts.push(`tfjs-layers GAN check failed: ${JSON.stringify(c)}`);
  } else if (gan) {
    facts.push(`GAN page FAILED: ${gan.error}`);
  }
  for (const [name, r] of [
    ['gan-arena 2-d', ganElement],
    ['gan-arena digits', ganDigitsElement],
  ]) {
    if (!r || r.skipped) continue;
    if (!ok(r)) facts.push(`${name} page FAILED: ${r.error}`);
    else if (r.outcome !== 'ready')
      facts.push(`${name}: ${r.outcome}${r.errors.length ? ` (${r.errors.join('; ')})` : ''}`);
    else if (r.errors.length) facts.push(`${name} errors: ${r.errors.join('; ')}`);
  }
  console.log(`  ${backend}: ${facts.join(', ')}`);
}

table(
  'Start-up (ms)',
  [
    'Backend',
    'Weights load, first',
    'Weights load, repeat median',
    'First grid after connect',
    'Target',
    'Met?',
  ],
  backends.map((backend) => {
    const { element, decoder } = runs[backend];
    const isWasm = backend === 'wasm';
    const firstGrid = ok(element) && element.outcome === 'ready' ? element.firstGridMs : null;
    return [
      label(backend),
      ok(decoder) ? ms(decoder.weights.firstMs) : 'failed',
      ok(decoder)
        ? `${ms(decoder.weights.repeat.median)} (n=${decoder.weights.repeat.runs})`
        : 'failed',
      !ok(element)
        ? 'failed'
        : element.outcome === 'ready'
          ? ms(element.firstGridMs)
          : element.outcome,
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
    const met = wasm
      ? `${check(`WASM ${grid} decode median (ms)`, g.ours.median, limit)}; ${metRatio}`
      : metRatio;
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
  [
    'Backend',
    'Grid',
    'Runs',
    'Ours',
    'tfjs-layers',
    'Ours/layers',
    'Layers, 1 batch',
    'Max |Δ|',
    'Target',
    'Met?',
  ],
  decodeRows,
);

const explorer = sizes.entries['vae-latent-explorer.js'];
const all = sizes.entries['generative-elements.js'];
const observed = ok(runs.wasm?.element) ? sizeOfUrls(DIST, runs.wasm.element.fetched) : null;
const sizeRow = (name, s, target = '—', met = '') => [
  name,
  s.files.length,
  kb(s.raw),
  kb(s.gzip),
  target,
  met,
];
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
      check(
        'vae-latent-explorer.js start-up JS on a WASM page (KB gzip)',
        explorer.staticPlusWasmBackend.gzip / KB,
        TARGET.explorerGzipKB,
      ),
    ),
    ...(observed ? [sizeRow('  (JS a WASM page fetched, observed)', observed)] : []),
    ...(explorer.webgpuChunk ? [sizeRow('WebGPU backend chunk', explorer.webgpuChunk)] : []),
    ...(explorer.webgpuExtraOverWasmPage
      ? [sizeRow('  (WebGPU extra over a WASM page)', explorer.webgpuExtraOverWasmPage)]
      : []),
    ...Object.entries(sizes.wasmBinaries).map(([file, s]) => [
      file,
      1,
      kb(s.raw),
      kb(s.gzip),
      '—',
      '',
    ]),
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

// ---- <gan-arena> ----------------------------------------------------------------------------
const ganLabel = (backend) => {
  const { gan, ganElement } = runs[backend];
  const actual =
    (ok(gan) && gan.info.backend) || (ok(ganElement) && ganElement.activeBackend) || null;
  return actual && actual !== backend ? `${backend} (ran ${actual})` : backend;
};
const rate = (v) =>
  v == null || !Number.isFinite(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
const elementReady = (r) => ok(r) && !r.skipped && r.outcome === 'ready';

table(
  `<gan-arena> 2-d (ring, batch 64), all visuals redrawn each frame: rounds/s over ${PLAN.wasm.gan.elementSeconds} s after model-ready`,
  [
    'Backend',
    'Element rounds/s',
    'Element redraws/s',
    'Page frames/s',
    'Model alone rounds/s',
    'Element/alone',
    'Round ms (alone)',
    'planeView ms',
    'Target',
    'Met?',
  ],
  backends.map((backend) => {
    const { ganElement: e, gan } = runs[backend];
    const toy = ok(gan) && !gan.toy.error ? gan.toy : null;
    const element = elementReady(e) ? e : null;
    const wasm = backend === 'wasm';
    return [
      ganLabel(backend),
      element ? rate(element.roundsPerSecond) : ok(e) ? e.outcome : 'failed',
      element ? rate(element.redrawsPerSecond) : '—',
      element ? rate(element.framesPerSecond) : '—',
      toy ? rate(toy.roundsPerSecond) : 'failed',
      element && toy ? (element.roundsPerSecond / toy.roundsPerSecond).toFixed(2) : '—',
      toy ? ms(toy.round.median) : '—',
      toy ? `${ms(toy.planeView.median)} (n=${toy.planeView.runs})` : '—',
      wasm ? `element ≥ ${TARGET.ganRoundsPerSecond}` : '—',
      wasm
        ? checkAtLeast(
            'WASM <gan-arena> 2-d rounds/s, visuals every frame',
            element?.roundsPerSecond ?? null,
            TARGET.ganRoundsPerSecond,
          )
        : '',
    ];
  }),
);
console.log(
  `  GAN Lab, measured on this machine for comparison: about ${GAN_LAB.ring} iterations/s on its ring preset, ${GAN_LAB.default} on its default.`,
);
console.log(
  "  Redraws = times the element drew its plane canvas (decision map, points, arrows; charts follow); frames = the page's requestAnimationFrame callbacks.",
);

const longTaskRows = [];
const longTaskNotes = [];
for (const backend of backends) {
  for (const [mode, r] of [
    ['2-d', runs[backend].ganElement],
    ['digits', runs[backend].ganDigitsElement],
  ]) {
    if (r === undefined) continue;
    const wasm = backend === 'wasm';
    const name = `WASM <gan-arena> ${mode} long tasks > 50 ms`;
    if (r.skipped) {
      longTaskRows.push([ganLabel(backend), mode, 'skipped', '—', '—', '—', '—', '—', '—', '']);
      longTaskNotes.push(`${backend} ${mode} skipped: ${r.skipped}.`);
      continue;
    }
    const element = elementReady(r) ? r : null;
    longTaskRows.push([
      ganLabel(backend),
      mode + (mode === 'digits' && element && !r.pretrained ? ' (random init)' : ''),
      element ? r.seconds.toFixed(1) : ok(r) ? r.outcome : 'failed',
      element ? rate(r.roundsPerSecond) : '—',
      element ? rate(r.redrawsPerSecond) : '—',
      element ? r.longTasks.count : '—',
      element ? ms(r.longTasks.maxMs) : '—',
      element ? ms(r.longTasks.totalMs) : '—',
      wasm ? `≤ ${TARGET.ganLongTasks} tasks` : '—',
      wasm ? check(name, element ? r.longTasks.count : null, TARGET.ganLongTasks) : '',
    ]);
  }
}
table(
  'Main-thread long tasks (> 50 ms) while <gan-arena> trains (PerformanceObserver "longtask")',
  [
    'Backend',
    'Mode',
    'Watched s',
    'Rounds/s',
    'Redraws/s',
    'Long tasks',
    'Max ms',
    'Total ms',
    'Target',
    'Met?',
  ],
  longTaskRows,
);
for (const note of longTaskNotes) console.log(`  ${note}`);

table(
  'Digits GAN training step, batch 64 (one D + one G update): Gan.round vs tfjs-layers trainOnBatch (median / p90 ms)',
  [
    'Backend',
    'Runs',
    'Ours',
    'tfjs-layers',
    'Ours/layers',
    'Ours steps/s',
    'Layers steps/s',
    'Target',
    'Met?',
  ],
  backends.map((backend) => {
    const { gan } = runs[backend];
    const d = ok(gan) && !gan.digits.error ? gan.digits : null;
    const wasm = backend === 'wasm';
    return [
      ganLabel(backend),
      d ? d.ours.runs : '—',
      d ? `${ms(d.ours.median)} / ${ms(d.ours.p90)}` : 'failed',
      d ? `${ms(d.layers.median)} / ${ms(d.layers.p90)}` : 'failed',
      d ? d.ratio.toFixed(2) : '—',
      d ? rate(1000 / d.ours.median) : '—',
      d ? rate(1000 / d.layers.median) : '—',
      wasm ? `ratio ≤ ${TARGET.ganStepRatio}` : '—',
      wasm ? check('WASM digits step ours/tfjs-layers', d?.ratio ?? null, TARGET.ganStepRatio) : '',
    ];
  }),
);

// ---- <pixel-rnn-canvas> -----------------------------------------------------------------------
const pixelLabel = (backend) => {
  const p = runs[backend].pixelRnn;
  return (ok(p) && !p.skipped && p.info.backend) || backend;
};
const pixelRows = [];
for (const backend of backends) {
  const p = runs[backend].pixelRnn;
  const wasm = backend === 'wasm';
  for (const [dataset, limit] of [
    ['digits', TARGET.pixelDigitsMs],
    ['emoji', TARGET.pixelEmojiMs],
  ]) {
    const d = ok(p) && !p.skipped && !p[dataset]?.error ? p[dataset] : null;
    pixelRows.push([
      pixelLabel(backend),
      dataset,
      d ? d.painting.runs : p?.skipped ? 'skipped' : 'failed',
      d ? `${ms(d.painting.median)} / ${ms(d.painting.p90)}` : '—',
      d ? rate(d.pixelsPerSecond) : '—',
      d ? `${ms(d.sample.median)} / ${ms(d.sample.p90)}` : '—',
      d ? d.tensorsLeaked : '—',
      wasm ? `≤ ${limit} ms` : '—',
      wasm
        ? check(`WASM 16 ${dataset} drawn pixel by pixel`, d?.painting.median ?? null, limit)
        : '',
    ]);
  }
}
table(
  '<pixel-rnn-canvas>: 16 images drawn as one batch, one pixel at a time (median / p90 ms). "Painted": the element\'s path, every pixel\'s value and distribution read back; "sample()": read once at the end',
  ['Backend', 'Dataset', 'Runs', 'Painted', 'Pixels/s', 'sample()', 'Leaked', 'Target', 'Met?'],
  pixelRows,
);
table(
  'PixelRNN per-pixel step, batch 16 (pixel input, two column GRUs, head, draw): ours vs tfjs-layers predict() (median / p90 ms)',
  ['Backend', 'Runs', 'Ours', 'tfjs-layers', 'Ours/layers', 'Leaked', 'Target', 'Met?'],
  backends.map((backend) => {
    const p = runs[backend].pixelRnn;
    const d = ok(p) && !p.skipped && !p.step?.error ? p.step : null;
    const wasm = backend === 'wasm';
    return [
      pixelLabel(backend),
      d ? d.ours.runs : p?.skipped ? 'skipped' : 'failed',
      d ? `${ms(d.ours.median)} / ${ms(d.ours.p90)}` : '—',
      d ? `${ms(d.layers.median)} / ${ms(d.layers.p90)}` : '—',
      d ? d.ratio.toFixed(2) : '—',
      d ? d.tensorsLeaked : '—',
      wasm ? `ratio ≤ ${TARGET.pixelStepRatio}` : '—',
      wasm
        ? check('WASM PixelRNN step ours/tfjs-layers', d?.ratio ?? null, TARGET.pixelStepRatio)
        : '',
    ];
  }),
);
for (const backend of backends) {
  const p = runs[backend].pixelRnn;
  for (const part of ['digits', 'emoji', 'step'])
    if (ok(p) && p[part]?.error)
      console.log(`  ${backend} PixelRNN ${part} FAILED: ${p[part].error}`);
}

// ---- <sentence-morph> -------------------------------------------------------------------------
const sentenceLabel = (backend) => {
  const p = runs[backend].sentenceVae;
  return (ok(p) && !p.skipped && p.info.backend) || backend;
};
table(
  '<sentence-morph>: a 5-step greedy morph (encode 2 sentences, decode 7 points, read back), after the weights are loaded (median / p90 ms)',
  ['Backend', 'Runs', 'Weights load', 'Morph', 'Leaked', 'Target', 'Met?'],
  backends.map((backend) => {
    const p = runs[backend].sentenceVae;
    const d = ok(p) && !p.skipped && !p.morph?.error ? p.morph : null;
    const wasm = backend === 'wasm';
    return [
      sentenceLabel(backend),
      d ? d.morph.runs : p?.skipped ? 'skipped' : 'failed',
      d ? ms(d.loadMs) : '—',
      d ? `${ms(d.morph.median)} / ${ms(d.morph.p90)}` : '—',
      d ? d.tensorsLeaked : '—',
      wasm ? `≤ ${TARGET.sentenceMorphMs} ms` : '—',
      wasm
        ? check('WASM 5-step greedy morph', d?.morph.median ?? null, TARGET.sentenceMorphMs)
        : '',
    ];
  }),
);
table(
  'Sentence VAE decoder step, batch 7 (embedding, GRU, output over 4,096 pieces, argmax): ours vs tfjs-layers predict() (median / p90 ms)',
  ['Backend', 'Runs', 'Ours', 'tfjs-layers', 'Ours/layers', 'Leaked', 'Target', 'Met?'],
  backends.map((backend) => {
    const p = runs[backend].sentenceVae;
    const d = ok(p) && !p.skipped && !p.step?.error ? p.step : null;
    const wasm = backend === 'wasm';
    return [
      sentenceLabel(backend),
      d ? d.ours.runs : p?.skipped ? 'skipped' : 'failed',
      d ? `${ms(d.ours.median)} / ${ms(d.ours.p90)}` : '—',
      d ? `${ms(d.layers.median)} / ${ms(d.layers.p90)}` : '—',
      d ? d.ratio.toFixed(2) : '—',
      d ? d.tensorsLeaked : '—',
      wasm ? `ratio ≤ ${TARGET.sentenceStepRatio}` : '—',
      wasm
        ? check(
            'WASM sentence decoder step ours/tfjs-layers',
            d?.ratio ?? null,
            TARGET.sentenceStepRatio,
          )
        : '',
    ];
  }),
);
table(
  'Sentence VAE in-page fine-tuning, batch 4 on held-out sentences, as the fine-tune panel runs it (median / p90 ms per step; no target)',
  ['Backend', 'Steps', 'Step', 'Leaked'],
  backends.map((backend) => {
    const p = runs[backend].sentenceVae;
    const d = ok(p) && !p.skipped && p.fineTune && !p.fineTune.error ? p.fineTune : null;
    return [
      sentenceLabel(backend),
      d ? d.step.runs : p?.skipped ? 'skipped' : 'failed',
      d ? `${ms(d.step.median)} / ${ms(d.step.p90)}` : '—',
      d ? d.tensorsLeaked : '—',
    ];
  }),
);
for (const backend of backends) {
  const p = runs[backend].sentenceVae;
  for (const part of ['morph', 'step', 'fineTune'])
    if (ok(p) && p[part]?.error)
      console.log(`  ${backend} sentence VAE ${part} FAILED: ${p[part].error}`);
}

// With BENCH_PARTS, the targets of the parts not measured are left out of the count.
const judged = process.env.BENCH_PARTS ? targets.filter((t) => t.value != null) : targets;
const failed = judged.filter((t) => !t.met);
console.log(
  `\nTargets met: ${judged.length - failed.length} of ${judged.length}${failed.length ? ` (missed: ${failed.map((t) => t.name).join('; ')})` : ''}`,
);
if (pageMessages.length) {
  console.log('\nPage warnings and errors:');
  for (const message of [...new Set(pageMessages)])
    console.log(`  ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
}
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
