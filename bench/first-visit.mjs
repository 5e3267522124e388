// A student's first visit, element by element: each alone on a page of a static site, a cold
// cache, every response through one shared link of 1.6 Mbit/s with 150 ms before its first byte
// (the "slow 4G" profile of browser dev tools), no compression; then the same pages unshaped.
// Prints, per page: bytes transferred until the element was ready, its first picture (a poster,
// a remembered morph or a drawn canvas) and ready (`model-ready`), against issue #21's targets
// (ready ≤ 8 s, ≤ 2.5 MB, first picture ≤ 1.5 s). Writes bench/first-visit.json.
//   npm run build && node bench/first-visit.mjs
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tools/chromium.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHAPED = { bytesPerSecond: 1.6e6 / 8, firstByteMs: 150 };
const TARGETS = { readyMs: 8000, bytes: 2.5e6, pictureMs: 1500 };
const PAGES = [
  ['vae-latent-explorer', ''],
  ['gan-arena', 'mode="2d"'],
  ['gan-arena', 'mode="digits"'],
  ['pixel-rnn-canvas', 'dataset="emoji"'],
  ['pixel-rnn-canvas', 'dataset="digits"'],
  ['sentence-morph', ''],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
};

if (!existsSync(join(ROOT, 'dist', 'generative-elements.js')))
  throw new Error('dist/ is missing: run `npm run build` first.');

/**
 * One link shared by every response: a token bucket that lets `bytesPerSecond` through, handed
 * out in small chunks first come, first served, so parallel downloads share it as on a real line.
 */
function sharedLink(bytesPerSecond) {
  const queue = [];
  let available = 0;
  let last = performance.now();
  let timer;
  const pump = () => {
    timer = undefined;
    const now = performance.now();
    available = Math.min(available + ((now - last) / 1000) * bytesPerSecond, 16384);
    last = now;
    while (queue.length && available >= queue[0].bytes) {
      const { bytes, done } = queue.shift();
      available -= bytes;
      done();
    }
    if (queue.length)
      timer = setTimeout(pump, ((queue[0].bytes - available) / bytesPerSecond) * 1000);
  };
  return (bytes) =>
    new Promise((done) => {
      queue.push({ bytes, done });
      if (!timer) pump();
    });
}

const CHUNK = 4096;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The project's files, and /first-visit/<n>.html: page n of PAGES; counts the bytes it sends. */
async function serve(shape) {
  const take = shape ? sharedLink(shape.bytesPerSecond) : null;
  const counter = { bytes: 0 };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let body;
    let type;
    const page = /^\/first-visit\/(\d+)\.html$/.exec(path);
    if (page) {
      body = Buffer.from(pageHtml(...PAGES[Number(page[1])]));
      type = TYPES['.html'];
    } else {
      const file = resolve(ROOT, `.${path}`);
      if (!file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      body = readFileSync(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    if (shape) await sleep(shape.firstByteMs);
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    for (let at = 0; at < body.length; at += CHUNK) {
      const chunk = body.subarray(at, at + CHUNK);
      if (take) await take(chunk.length);
      counter.bytes += chunk.length;
      if (!response.write(chunk)) await new Promise((done) => response.once('drain', done));
    }
    response.end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    counter,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The page: the element's own entry script, the element, and a probe that notes the times. */
function pageHtml(tag, attributes) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>first visit: ${tag}</title>
<link rel="icon" href="data:,">
<script type="module" src="/dist/${tag}.js"></script></head>
<body><${tag} ${attributes}></${tag}>
<script>
  const element = document.querySelector('${tag}');
  const times = (globalThis.firstVisit = {});
  element.addEventListener('model-ready', () => (times.ready = performance.now()));
  function canvasDrawn(canvas) {
    if (!canvas.width || !canvas.height || !canvas.getBoundingClientRect().width) return false;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 4; pixels && i < pixels.length; i += 4)
      for (let c = 0; c < 4; c++) if (pixels[i + c] !== pixels[c]) return true;
    return false;
  }
  function picture() {
    const root = element.shadowRoot;
    if (!root) return undefined;
    const poster = root.querySelector('img[part~="poster"]');
    if (poster?.complete && poster.naturalWidth > 0) return 'poster';
    if (root.querySelector('[part="path"] li')) return 'morph';
    if ([...root.querySelectorAll('canvas')].some(canvasDrawn)) return 'canvas';
    return times.ready ? 'ready' : undefined;
  }
  (function watch() {
    const kind = picture();
    if (kind) Object.assign(times, { picture: performance.now(), pictureKind: kind });
    else requestAnimationFrame(watch);
  })();
</script></body></html>`;
}

async function visit(browser, server, index) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const messages = [];
  page.on('pageerror', (error) => messages.push(error.message));
  page.on('console', (m) => m.type() === 'error' && messages.push(m.text()));
  server.counter.bytes = 0;
  try {
    await page.goto(`${server.origin}/first-visit/${index}.html`, {
      waitUntil: 'domcontentloaded',
    });
    await page.waitForFunction(
      () => globalThis.firstVisit?.ready && globalThis.firstVisit?.picture,
      {
        timeout: 180_000,
        polling: 50,
      },
    );
    const bytes = server.counter.bytes;
    const times = await page.evaluate(() => globalThis.firstVisit);
    return { bytes, ...times, messages };
  } finally {
    await context.close();
  }
}

const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_FLAGS,
  protocolTimeout: 300_000,
});
const results = { date: new Date().toISOString(), shape: SHAPED, targets: TARGETS, pages: [] };
try {
  for (const [index, [tag, attributes]] of PAGES.entries()) {
    const row = { page: `<${tag}${attributes ? ' ' + attributes : ''}>` };
    for (const [name, shape] of [
      ['shaped', SHAPED],
      ['unshaped', null],
    ]) {
      const server = await serve(shape);
      try {
        row[name] = await visit(browser, server, index);
      } catch (error) {
        row[name] = { error: error.message };
      } finally {
        await server.close();
      }
    }
    results.pages.push(row);
    console.log(line(row));
  }
} finally {
  await browser.close();
}
writeFileSync(join(ROOT, 'bench', 'first-visit.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));

function line(row) {
  const s = row.shaped;
  return s.error
    ? `${row.page}: ${s.error}`
    : `${row.page}: ${(s.bytes / 1e6).toFixed(2)} MB, picture ${(s.picture / 1000).toFixed(1)} s (${s.pictureKind}), ready ${(s.ready / 1000).toFixed(1)} s`;
}

function table({ pages }) {
  const mark = (value, target) => (value <= target ? '' : ' ✗');
  const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const rows = pages.map(({ page, shaped: s, unshaped: u }) => {
    if (s.error || u.error) return `| \`${page}\` | ${s.error ?? u.error} | | | | |`;
    return (
      `| \`${page}\` | ${(s.bytes / 1e6).toFixed(2)} MB${mark(s.bytes, TARGETS.bytes)} ` +
      `| ${sec(s.picture)}${mark(s.picture, TARGETS.pictureMs)} (${s.pictureKind}) ` +
      `| ${sec(s.ready)}${mark(s.ready, TARGETS.readyMs)} | ${sec(u.picture)} | ${sec(u.ready)} |`
    );
  });
  return [
    '',
    `First visit, cold cache, 1.6 Mbit/s shared, 150 ms to first byte (✗: over the target of ${TARGETS.bytes / 1e6} MB, ${TARGETS.pictureMs / 1000} s, ${TARGETS.readyMs / 1000} s)`,
    '| page | transferred | first picture | ready | unshaped: picture | unshaped: ready |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
