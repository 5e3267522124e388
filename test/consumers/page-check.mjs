// The browser half of a consumer check: a fixture app opened in headless Chromium, where every
// element must reach `ready` in the model worker with no response >= 400, no failed request, no
// request to another origin, no HTML answered for a .wasm/.json/.bin request and no page error.
//
// The functions given to evaluateOnNewDocument() and evaluate() run in the page, not in Node:
// they reach the page's globals through globalThis (window, document, customElements).
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tools/chromium.mjs';
import { seconds } from './output-lines.mjs';

const READY_TIMEOUT_MS = 120_000;
const DEFINE_TIMEOUT_MS = 30_000;

let browserPromise;
async function getBrowser() {
  browserPromise ??= (async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    return puppeteer.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, '--headless=new'],
      headless: true,
      protocolTimeout: READY_TIMEOUT_MS + 60_000,
    });
  })();
  return browserPromise;
}

/** Closes the browser, if a check started one. */
export async function closeBrowser() {
  if (browserPromise) await (await browserPromise).close().catch(() => {});
}

const ASSET_RE = /\.(wasm|json|bin)$/i;

/**
 * Opens `url`, waits for `ready` on every one of `tags`, returns a list of problems (empty = pass)
 * with a summary; `serverLog` is the static server's log, if it has one.
 */
export async function checkPage(url, tags, serverLog) {
  const browser = await getBrowser();
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const { origin, host } = new URL(url);
  const show = (u) => (u.startsWith(origin) ? u.slice(origin.length) : u);
  const bad = new Set();
  const failed = new Set();
  const foreign = new Set();
  const html = new Set();
  const pageErrors = [];
  const consoleErrors = [];
  let requests = 0;

  const onRequest = (requestUrl) => {
    requests++;
    const u = new URL(requestUrl);
    // Same host and port counts as this origin for ws: too (a dev server's hot-reload socket).
    if (/^(https?|wss?):$/.test(u.protocol) && u.host !== host) foreign.add(requestUrl);
  };
  const onResponse = (responseUrl, status, contentType) => {
    if (status >= 400) bad.add(`${status} ${show(responseUrl)}`);
    let pathname = '';
    try {
      pathname = new URL(responseUrl).pathname;
    } catch {
      // not a URL (data:, blob:): no path to check
    }
    if (ASSET_RE.test(pathname) && /text\/html/i.test(contentType ?? ''))
      html.add(`${show(responseUrl)} (${status}, text/html)`);
  };
  page.on('request', (r) => onRequest(r.url()));
  page.on('response', (r) => onResponse(r.url(), r.status(), r.headers()['content-type']));
  page.on('requestfailed', (r) => {
    const text = r.failure()?.errorText ?? 'failed';
    failed.add(`${text} ${show(r.url())}`);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e).split('\n')[0]));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().split('\n')[0]);
  });
  // Puppeteer reports the requests of dedicated workers (the package's model worker) as page events.
  await page.evaluateOnNewDocument(() => {
    globalThis.__modelErrors = [];
    globalThis.__modelErrorByTag = {};
    globalThis.document.addEventListener(
      'model-error',
      (e) => {
        globalThis.__modelErrors.push(
          `<${e.target.localName}> model-error: ${e.detail?.message ?? ''}`,
        );
        globalThis.__modelErrorByTag[e.target.localName] ??= String(e.detail?.message ?? '');
      },
      true,
    );
  });

  const problems = [];
  let results = [];
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const evaluate = () =>
      page.evaluate(
        async (tags, readyMs, defineMs) => {
          const timeout = (ms, message) =>
            new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms));
          return Promise.all(
            tags.map(async (tag) => {
              const t0 = performance.now();
              try {
                await Promise.race([
                  globalThis.customElements.whenDefined(tag),
                  timeout(defineMs, `never defined in ${defineMs / 1000} s`),
                ]);
                const el = globalThis.document.querySelector(tag);
                if (!el) throw new Error('not in the page');
                if (!el.ready || typeof el.ready.then !== 'function')
                  throw new Error('has no ready promise');
                // A model-error (also one fired before this ran) fails the element at once.
                const modelError = new Promise((_, reject) => {
                  const poll = setInterval(() => {
                    const message = globalThis.__modelErrorByTag?.[tag];
                    if (message !== undefined) {
                      clearInterval(poll);
                      reject(new Error(`model-error: ${message}`));
                    }
                  }, 100);
                  el.ready.finally(() => clearInterval(poll)).catch(() => {});
                });
                await Promise.race([
                  el.ready,
                  modelError,
                  timeout(readyMs, `ready not settled in ${readyMs / 1000} s`),
                ]);
                return {
                  tag,
                  ok: true,
                  ms: performance.now() - t0,
                  backend: el.activeBackend ?? null,
                  worker: el.runsInWorker ?? null,
                };
              } catch (e) {
                return { tag, ok: false, message: String(e?.message ?? e).split('\n')[0] };
              }
            }),
          );
        },
        tags,
        READY_TIMEOUT_MS,
        DEFINE_TIMEOUT_MS,
      );
    try {
      results = await evaluate();
    } catch (e) {
      // A dev server may reload the page once (e.g. after optimising dependencies): retry once.
      if (!/context was destroyed|navigation/i.test(String(e?.message))) throw e;
      await page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }).catch(() => {});
      results = await evaluate();
    }
    await new Promise((r) => setTimeout(r, 500)); // late requests
    const modelErrors = await page.evaluate(() => globalThis.__modelErrors ?? []).catch(() => []);
    for (const r of results) if (!r.ok) problems.push(`<${r.tag}> ${r.message}`);
    // The bundler must have bundled the package's worker: the models run there, not in the page.
    for (const r of results)
      if (r.ok && r.worker !== true) problems.push(`<${r.tag}> runsInWorker is ${r.worker}`);
    for (const m of new Set(modelErrors))
      if (!problems.some((p) => p.includes(m.split('model-error: ')[1] ?? m))) problems.push(m);
  } catch (e) {
    problems.push(`page: ${String(e?.message ?? e).split('\n')[0]}`);
  }
  // The static server's own log catches requests the browser events may miss (e.g. from workers).
  for (const entry of serverLog ?? [])
    if (entry.status >= 400) bad.add(`${entry.status} ${entry.path}`);
  if (bad.size) problems.push(`responses >= 400: ${[...bad].join(', ')}`);
  if (html.size) problems.push(`HTML for asset requests: ${[...html].join(', ')}`);
  if (failed.size) problems.push(`failed requests: ${[...failed].join(', ')}`);
  if (foreign.size) problems.push(`requests to other origins: ${[...foreign].join(', ')}`);
  if (pageErrors.length) problems.push(`page errors: ${[...new Set(pageErrors)].join(' | ')}`);
  await context.close().catch(() => {});
  const summary = results
    .filter((r) => r.ok)
    .map((r) => `${r.tag} ${seconds(r.ms)} ${r.backend}${r.worker ? ' in the worker' : ''}`)
    .join(', ');
  return {
    problems,
    summary,
    requests,
    details: [...new Set(consoleErrors)].slice(0, 20).map((c) => `console error: ${c}`),
  };
}
