// Benchmarks the models' worker against the main thread, in one run of headless Chromium on the
// built dist/: the longest main-thread task while each element trains or draws (and the 2-d
// arena's frame rate), the throughput of each element in the worker and on the main thread (as
// ratios), 20 elements on one page, and tensor growth in the worker over 1000 calls and 100
// connect/disconnect cycles. Run by `npm run bench` after bench/run.mjs, or alone on a built
// dist/ with `node bench/worker.mjs`. Prints tables; writes bench/worker-results.json.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const WINDOW_MS = 10_000;
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = resolve(ROOT, `.${path}`);
  if (!file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});

/** A fresh page of the built package, models in the worker or on the main thread. */
async function openPage(inWorker) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${origin}/bench/worker-page.html${inWorker ? '' : '?worker=0'}`);
  await page.waitForFunction(() => window.benchReady === true);
  return page;
}

/**
 * In the page: adds an element, waits for it, runs `work` for WINDOW_MS, and returns the
 * longest main-thread task and the count over 50 ms in that window (and rAF frames per second).
 */
async function watchWhile(page, tag, attributes, work) {
  return page.evaluate(
    async (tag, attributes, work, windowMs) => {
      document.body.replaceChildren();
      const element = await window.addElement(tag, attributes);
      const digit = window.digitOne;
      const start = window.longTasks.length;
      let frames = 0;
      let counting = true;
      const frame = () => {
        frames++;
        if (counting) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const long = { steps: 100000 };
      const running =
        work === 'fine-tune-digits'
          ? element.fineTune([digit(), digit(), digit(), digit()], long)
          : work === 'fine-tune-sentences'
            ? element.fineTune(
                ['The cat sat on the mat', 'A dog ran home', 'We ate bread', 'It rained all day'],
                long,
              )
            : work === 'draw'
              ? (async () => {
                  const until = performance.now() + windowMs;
                  while (performance.now() < until) await element.generate();
                })()
              : (element.running = true);
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      counting = false;
      element.stopTraining?.();
      if (work === 'play') element.running = false;
      await Promise.resolve(running).catch(() => undefined);
      const tasks = window.longTasks.slice(start);
      element.remove();
      return {
        longest: Math.round(Math.max(0, ...tasks)),
        over50: tasks.filter((t) => t > 50).length,
        fps: Math.round((frames / windowMs) * 1000),
      };
    },
    tag,
    attributes,
    work,
    WINDOW_MS,
  );
}

const JANK_CASES = [
  ['<vae-latent-explorer> fineTune', 'vae-latent-explorer', {}, 'fine-tune-digits'],
  ['<gan-arena> 2-d training', 'gan-arena', {}, 'play'],
  ['<gan-arena mode="digits"> training', 'gan-arena', { mode: 'digits' }, 'play'],
  ['<pixel-rnn-canvas> fineTune', 'pixel-rnn-canvas', { dataset: 'digits' }, 'fine-tune-digits'],
  [
    '<pixel-rnn-canvas> drawing 16 emoji',
    'pixel-rnn-canvas',
    { count: '16', speed: 'instant' },
    'draw',
  ],
  ['<sentence-morph> fineTune', 'sentence-morph', {}, 'fine-tune-sentences'],
];

/** Median milliseconds of `repeats` runs of one element call, in the page. */
async function timeCall(page, tag, attributes, call, repeats) {
  return page.evaluate(
    async (tag, attributes, call, repeats) => {
      document.body.replaceChildren();
      const element = await window.addElement(tag, attributes);
      const run = {
        decodeGrid: () =>
          element.decode(Array.from({ length: 81 }, (_, i) => new Array(10).fill(i / 81 - 0.5))),
        draw16: () => element.generate(),
        morph5: () => element.morph('The room was dark and quiet', 'A car to get to work', 5),
        rounds: async () => {
          let rounds = 0;
          const count = () => rounds++;
          element.addEventListener('round', count);
          element.running = true;
          await new Promise((resolve) => setTimeout(resolve, 5000));
          element.running = false;
          element.removeEventListener('round', count);
          return rounds / 5;
        },
      }[call];
      if (call === 'rounds') {
        const perSecond = await run();
        element.remove();
        return perSecond;
      }
      await run(); // warm-up
      const times = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      element.remove();
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    },
    tag,
    attributes,
    call,
    repeats,
  );
}

const THROUGHPUT_CASES = [
  ['2-d arena rounds/s (higher is better)', 'gan-arena', {}, 'rounds', 1],
  ['VAE 9×9 decode, ms', 'vae-latent-explorer', {}, 'decodeGrid', 20],
  [
    'PixelRNN 16 emoji drawn, ms',
    'pixel-rnn-canvas',
    { count: '16', speed: 'instant' },
    'draw16',
    3,
  ],
  ['5-step morph, ms', 'sentence-morph', {}, 'morph5', 10],
];

/** 20 elements (8 explorers, 4 arenas, 4 PixelRNN, 4 morphs) on one page: seconds until all ready. */
async function twentyElements(page) {
  return page.evaluate(async () => {
    document.body.replaceChildren();
    const counts = {
      'vae-latent-explorer': 8,
      'gan-arena': 4,
      'pixel-rnn-canvas': 4,
      'sentence-morph': 4,
    };
    const t0 = performance.now();
    const elements = Object.entries(counts).flatMap(([tag, n]) =>
      Array.from({ length: n }, () => {
        const element = document.createElement(tag);
        element.setAttribute('loading', 'eager');
        document.body.append(element);
        return element;
      }),
    );
    await Promise.all(elements.map((element) => element.ready));
    const seconds = (performance.now() - t0) / 1000;
    document.body.replaceChildren();
    return seconds;
  });
}

/** Tensors in the worker before and after 1000 calls, and before and after 100 re-connections. */
async function tensorGrowth(page) {
  return page.evaluate(async () => {
    document.body.replaceChildren();
    const [explorer, arena, morph] = await Promise.all(
      ['vae-latent-explorer', 'gan-arena', 'sentence-morph'].map((tag) => window.addElement(tag)),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    // One call of each first: the optimisers make their moment tensors on their first step.
    await explorer.decode([new Array(10).fill(0)]);
    await arena.step(1);
    await morph.morph('The room was dark', 'A car to get to work', 5);
    await settle();
    const count = async () => (await window.modelMemory()).numTensors;
    const beforeCalls = await count();
    for (let i = 0; i < 400; i++) await explorer.decode([new Array(10).fill(i / 400)]);
    for (let i = 0; i < 400; i++) await arena.step(1);
    for (let i = 0; i < 200; i++) await morph.morph('The room was dark', 'A car to get to work', 5);
    await settle();
    const afterCalls = await count();
    for (let i = 0; i < 100; i++) {
      explorer.remove();
      await new Promise((resolve) => setTimeout(resolve, 20));
      document.body.append(explorer);
      await explorer.ready;
    }
    await settle();
    const afterCycles = await count();
    document.body.replaceChildren();
    return { beforeCalls, afterCalls, afterCycles };
  });
}

const results = { jank: {}, throughput: {}, twentyReadySeconds: null, tensors: null };
// BENCH_WORKER_PARTS=jank,throughput,scale measures only those tables (default: all three).
const parts = new Set((process.env.BENCH_WORKER_PARTS ?? 'jank,throughput,scale').split(','));
const pad = (text, width) => String(text).padEnd(width);

/** Runs `measure(page)` on a fresh page with the models in the worker, then on the main thread. */
async function inBothModes(measure) {
  const row = {};
  for (const inWorker of [true, false]) {
    const page = await openPage(inWorker);
    row[inWorker ? 'worker' : 'main'] = await measure(page);
    await page.close();
  }
  return row;
}

async function jankTable() {
  const seconds = WINDOW_MS / 1000;
  console.log(
    `\nMain-thread tasks while each element works (${seconds} s each; target: longest ≤ 50 ms in the worker)`,
  );
  console.log(
    `${pad('work', 40)}${pad('worker: longest / >50 ms / fps', 34)}main thread: longest / >50 ms / fps`,
  );
  const cell = ({ longest, over50, fps }) => `${longest} ms / ${over50} / ${fps}`;
  for (const [name, tag, attributes, work] of JANK_CASES) {
    const row = await inBothModes((page) => watchWhile(page, tag, attributes, work));
    results.jank[name] = row;
    console.log(`${pad(name, 40)}${pad(cell(row.worker), 34)}${cell(row.main)}`);
  }
}

async function throughputTable() {
  console.log('\nThroughput, worker against main thread in the same run (target: within 10%)');
  console.log(`${pad('measure', 40)}${pad('worker', 12)}${pad('main thread', 14)}worker / main`);
  for (const [name, tag, attributes, call, repeats] of THROUGHPUT_CASES) {
    const row = await inBothModes((page) => timeCall(page, tag, attributes, call, repeats));
    results.throughput[name] = row;
    const ratio = (row.worker / row.main).toFixed(2);
    console.log(
      `${pad(name, 40)}${pad(row.worker.toFixed(1), 12)}${pad(row.main.toFixed(1), 14)}${ratio}`,
    );
  }
}

async function scaleFigures() {
  const page = await openPage(true);
  results.twentyReadySeconds = await twentyElements(page);
  const seconds = results.twentyReadySeconds.toFixed(1);
  console.log(`\n20 elements on one page, all ready: ${seconds} s (target ≤ 6 s)`);
  results.tensors = await tensorGrowth(page);
  const { beforeCalls, afterCalls, afterCycles } = results.tensors;
  console.log(
    `Tensors in the worker: ${beforeCalls} before 1000 calls, ${afterCalls} after; ${afterCycles} after 100 re-connections (target: no growth)`,
  );
  await page.close();
}

if (parts.has('jank')) await jankTable();
if (parts.has('throughput')) await throughputTable();
if (parts.has('scale')) await scaleFigures();

writeFileSync(join(BENCH, 'worker-results.json'), `${JSON.stringify(results, null, 2)}\n`);
await browser.close();
server.close();
