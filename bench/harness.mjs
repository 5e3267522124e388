// The bench's harness: the bench page bundle (our src/ and tfjs-layers on one tfjs-core), a
// static file server rooted at the project, pages that log their warnings and errors, and the
// runs: one fresh headless Chromium per backend, each measurement on its own.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tools/chromium.mjs';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(BENCH, '..');
export const DIST = join(ROOT, 'dist');
const BUILD = join(BENCH, '.build');

/** Builds bench/.build/page.js from bench/page.ts, with exactly one tfjs-core in it. */
export async function buildBenchPage() {
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
}

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

/** Serves the project's files on 127.0.0.1; resolves with its origin and a close(). */
export async function serveProject() {
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
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The pages' warnings and errors, labelled with the page they came from. */
export const pageMessages = [];

/** A page in its own browser context (no shared cache), logging errors and warnings. */
export async function openPage(browser, label) {
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

/**
 * Runs, for each backend in a browser of its own, the [name, measure(browser, backend)] pairs
 * that `partsFor(backend)` gives (only those named in BENCH_PARTS, where it is set), each on its
 * own so that one failing still leaves the others' figures. Resolves with the results by backend
 * and part, and the browser's version.
 */
export async function runBackends(backends, partsFor) {
  const runs = {};
  let browserVersion = '';
  const only = process.env.BENCH_PARTS?.split(',');
  for (const backend of backends) {
    const flags =
      backend === 'webgpu' ? [...CHROMIUM_FLAGS, '--enable-unsafe-webgpu'] : CHROMIUM_FLAGS;
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: flags,
      protocolTimeout: 300_000,
    });
    try {
      browserVersion ||= await browser.version();
      runs[backend] = {};
      for (const [part, measure] of partsFor(backend).filter(([p]) => !only || only.includes(p))) {
        const t0 = performance.now();
        const took = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
        try {
          runs[backend][part] = await measure(browser, backend);
          const skipped = runs[backend][part]?.skipped;
          console.log(`${backend} ${part}: ${skipped ? `skipped (${skipped})` : took()}`);
        } catch (error) {
          runs[backend][part] = { error: error.message };
          console.log(`${backend} ${part}: FAILED after ${took()}: ${error.message}`);
        }
      }
    } finally {
      await browser.close();
    }
  }
  return { runs, browserVersion };
}
