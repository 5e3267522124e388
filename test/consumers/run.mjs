// Consumer tests: the packed package (`npm pack`) installed in fresh fixture apps, each built or
// served the way a new user would, then opened in headless Chromium. A browser check passes when
// every one of the four elements reaches `ready` with no response >= 400, no failed request, no
// request to another origin, no HTML answered for a .wasm/.json/.bin request, and no uncaught
// page error. `types` passes when `tsc --noEmit` exits 0 (TypeScript 7, strict, no skipLibCheck,
// React 19 JSX); `ssr-import` when every entry imports in Node without a DOM; `readme-snippets`
// when the README's "Use it with…" section shows the fixtures' files verbatim.
// Checks: plain-html vite-build vite-dev webpack esbuild rollup types ssr-import readme-snippets.
//
//   node test/consumers/run.mjs                     # every check
//   node test/consumers/run.mjs vite-build webpack  # some checks
//
// Environment: CHROME_PATH (default /usr/bin/chromium); CONSUMERS_TARBALL=path/to.tgz to test a
// tarball packed elsewhere instead of packing this project; CONSUMERS_KEEP=1 keeps the temp
// folders (their path is printed). The last line is `N passed, N failed`.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tools/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const TAGS = ['vae-latent-explorer', 'gan-arena', 'pixel-rnn-canvas', 'sentence-morph'];
const READY_TIMEOUT_MS = 120_000;
const DEFINE_TIMEOUT_MS = 30_000;

// check name -> fixture folder and what to do with it. Checks sharing a fixture share one install.
const CHECKS = {
  'plain-html': { fixture: 'plain-html', serve: '.' },
  'vite-build': { fixture: 'vite', build: 'build', serve: 'dist' },
  'vite-dev': { fixture: 'vite', devServer: 'dev' },
  webpack: { fixture: 'webpack', build: 'build', serve: 'dist' },
  esbuild: { fixture: 'esbuild', build: 'build', serve: '.' },
  rollup: { fixture: 'rollup', build: 'build', serve: '.' },
  types: { fixture: 'types', typecheck: 'typecheck' },
  // Server-side rendering (Astro, Next.js, Eleventy builds): importing every entry in Node, where
  // there is no DOM, must not throw.
  'ssr-import': {
    fixture: 'plain-html',
    nodeImport: ['generative-elements', ...TAGS.map((t) => `generative-elements/${t}`)],
  },
  // The README's "Use it with…" snippets are the fixtures' files, character for character.
  'readme-snippets': { readme: true },
};

// [fixture file, what of it the README shows]: a whole file, a line, or a package.json script.
const README_SNIPPETS = [
  [
    'plain-html/index.html',
    'line',
    '<script type="module" src="./node_modules/generative-elements/dist/generative-elements.js"></script>',
  ],
  [
    'plain-html/index.html',
    'line',
    '<vae-latent-explorer loading="eager" grid-size="5" show-noise></vae-latent-explorer>',
  ],
  ['vite/main.js', 'file'],
  ['webpack/webpack.config.js', 'file'],
  ['webpack/src/main.js', 'file'],
  ['esbuild/package.json', 'script', 'build'],
  ['rollup/rollup.config.mjs', 'file'],
  ['rollup/package.json', 'script', 'build'],
  ['types/src/App.tsx', 'file'],
  ['types/src/configure.ts', 'file'],
];

function checkReadmeSnippets() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Use it with');
  if (start < 0) return ['README.md has no "## Use it with…" section'];
  const end = readme.indexOf('\n## ', start + 3);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const problems = [];
  for (const [file, kind, arg] of README_SNIPPETS) {
    const text = readFileSync(join(here, file), 'utf8');
    let snippet;
    if (kind === 'file') snippet = text.trim();
    else if (kind === 'script') snippet = JSON.parse(text).scripts[arg];
    else
      snippet = text
        .split('\n')
        .map((l) => l.trim())
        .includes(arg)
        ? arg
        : undefined;
    if (snippet === undefined) problems.push(`${file} no longer contains ${arg}`);
    else if (!section.includes(snippet))
      problems.push(
        `the README section lacks ${file}${kind === 'script' ? ` (script ${arg})` : ''} verbatim`,
      );
  }
  return problems;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command; resolves with {code, output} (stdout and stderr interleaved). */
function run(cmd, args, cwd, { timeoutMs = 600_000 } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[timed out after ${seconds(timeoutMs)}]`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already exited
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 1, output });
    });
  });
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** A static server on 127.0.0.1 that answers a missing file with 404 (no SPA fallback). */
async function serveStatic(dir) {
  const base = resolve(dir);
  const log = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      log.push({ status: 403, path: req.url });
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      log.push({ status: 404, path: req.url });
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    log.push({ status: 200, path: req.url });
    createReadStream(file).pipe(res);
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}

/** Starts `npm run <script>` as a dev server on a free port and waits until it answers. */
async function startDevServer(cwd, script) {
  const port = await freePort();
  const child = spawn(
    'npm',
    ['run', script, '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none' },
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already exited
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop, output: () => output };
    } catch {
      // not listening yet: try again
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(
    `dev server did not answer on ${url}: ${output.trim().split('\n').slice(-5).join(' | ')}`,
  );
}

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

const ASSET_RE = /\.(wasm|json|bin)$/i;

/** Opens `url`, waits for every element's `ready`, returns a list of problems (empty = pass). */
async function checkPage(url, serverLog) {
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
    window.__modelErrors = [];
    window.__modelErrorByTag = {};
    document.addEventListener(
      'model-error',
      (e) => {
        window.__modelErrors.push(
          `<${e.target.localName}> model-error: ${e.detail?.message ?? ''}`,
        );
        window.__modelErrorByTag[e.target.localName] ??= String(e.detail?.message ?? '');
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
                  customElements.whenDefined(tag),
                  timeout(defineMs, `never defined in ${defineMs / 1000} s`),
                ]);
                const el = document.querySelector(tag);
                if (!el) throw new Error('not in the page');
                if (!el.ready || typeof el.ready.then !== 'function')
                  throw new Error('has no ready promise');
                // A model-error (also one fired before this ran) fails the element at once.
                const modelError = new Promise((_, reject) => {
                  const poll = setInterval(() => {
                    const message = window.__modelErrorByTag?.[tag];
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
        TAGS,
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
    const modelErrors = await page.evaluate(() => window.__modelErrors ?? []).catch(() => []);
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

/** The error lines of a tool's output (each with the two lines after it), else its last lines. */
function errorLines(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim());
  const picked = [];
  lines.forEach((l, i) => {
    if (/\berror\b|\[ERROR\]|✘/i.test(l) && !/^npm (error|ERR)/.test(l) && picked.length < 12)
      picked.push(...lines.slice(i, i + 3).map((x) => x.trim()));
  });
  return [...new Set(picked.length ? picked : lines.slice(-8).map((x) => x.trim()))].join(' | ');
}

const tscErrors = (output) =>
  output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error TS\d+/.test(l));
const tscFile = (line) => line.replace(/\(\d+,\d+\).*$/, '').replace(/:\d+:\d+ - .*$/, '');

/** One line: the errors in the fixture's own files in full, those in node_modules counted per file. */
function describeTscErrors(res) {
  const errors = tscErrors(res.output);
  if (!errors.length)
    return `tsc exit ${res.code}: ${res.output.trim().split('\n').slice(-5).join(' | ')}`;
  const own = errors.filter((l) => !tscFile(l).includes('node_modules'));
  const deps = errors.filter((l) => tscFile(l).includes('node_modules'));
  const perFile = new Map();
  for (const l of deps) perFile.set(tscFile(l), (perFile.get(tscFile(l)) ?? 0) + 1);
  const parts = [`tsc exit ${res.code}, ${errors.length} error(s)`];
  if (own.length) parts.push(`${own.length} in the fixture's files: ${own.join(' ; ')}`);
  if (deps.length) {
    const files = [...perFile]
      .map(([f, n]) => `${n} in ${f.replace(/^.*node_modules\//, '')}`)
      .join(', ');
    parts.push(`${deps.length} in declarations under node_modules (${files}; first: ${deps[0]})`);
  }
  return parts.join('; ');
}

/** Indented lines after a FAIL: the first three errors of each declaration file under node_modules. */
function tscDetails(output) {
  const seen = new Map();
  const lines = [];
  for (const l of tscErrors(output)) {
    const f = tscFile(l);
    if (!f.includes('node_modules')) continue;
    const n = (seen.get(f) ?? 0) + 1;
    seen.set(f, n);
    if (n <= 3) lines.push(l);
  }
  return lines;
}

async function packProject() {
  if (process.env.CONSUMERS_TARBALL) return resolve(process.env.CONSUMERS_TARBALL);
  if (!existsSync(join(root, 'dist', 'generative-elements.js'))) {
    console.log('# dist/ missing: npm run build');
    const build = await run('npm', ['run', 'build'], root);
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-3000)}`);
  }
  const dest = mkdtempSync(join(tmpdir(), 'ge-pack-'));
  const pack = await run('npm', ['pack', '--silent', '--pack-destination', dest], root);
  const name = pack.output.trim().split('\n').filter(Boolean).pop();
  const tarball = join(dest, name ?? '');
  if (pack.code !== 0 || !name || !existsSync(tarball))
    throw new Error(`npm pack failed:\n${pack.output.slice(-3000)}`);
  return tarball;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in CHECKS));
  if (unknown.length) {
    console.error(
      `unknown check(s): ${unknown.join(', ')}; known: ${Object.keys(CHECKS).join(', ')}`,
    );
    process.exit(2);
  }
  const names = wanted.length ? wanted : Object.keys(CHECKS);
  const t0 = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'ge-consumers-'));
  if (process.env.CONSUMERS_KEEP) console.log(`# work folder: ${work}`);
  let passed = 0;
  let failedCount = 0;
  const installs = new Map(); // fixture -> Promise<{dir, ms} | Error>
  let tarball;
  try {
    tarball = await packProject();
    console.log(
      `# tarball ${tarball} (${(statSync(tarball).size / 1e6).toFixed(1)} MB), ${seconds(Date.now() - t0)}`,
    );
  } catch (e) {
    for (const name of names) console.log(`FAIL ${name}: ${String(e.message).split('\n')[0]}`);
    console.log(`0 passed, ${names.length} failed`);
    process.exit(1);
  }

  const install = (fixture) => {
    if (!installs.has(fixture)) {
      installs.set(
        fixture,
        (async () => {
          const started = Date.now();
          const dir = join(work, fixture);
          cpSync(join(here, fixture), dir, {
            recursive: true,
            filter: (src) => !/[\\/](node_modules|dist|package-lock\.json)$/.test(src),
          });
          const res = await run(
            'npm',
            ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball],
            dir,
          );
          if (res.code !== 0)
            throw new Error(
              `npm install failed: ${res.output.trim().split('\n').slice(-5).join(' | ')}`,
            );
          return { dir, ms: Date.now() - started };
        })(),
      );
    }
    return installs.get(fixture);
  };

  // Install the next fixture while the current one is built and checked.
  const order = names.map((n) => CHECKS[n].fixture);
  for (const [i, name] of names.entries()) {
    const check = CHECKS[name];
    const started = Date.now();
    const timing = [];
    let problems = [];
    let details = [];
    let summary = '';
    // Installs the fixture (and starts installing the next one), then runs the check.
    async function runInstalled(check, i) {
      const installing = install(check.fixture);
      const next = order.slice(i + 1).find(Boolean);
      if (next) install(next).catch(() => {});
      const { dir, ms } = await installing;
      timing.push(`install ${seconds(ms)}`);
      if (check.nodeImport) {
        const t = Date.now();
        const script = `for (const m of ${JSON.stringify(check.nodeImport)}) { try { await import(m); } catch (e) { console.log('FAILED ' + m + ': ' + String(e?.stack ?? e).split('\\n').slice(0, 2).join(' ')); process.exitCode = 1; } }`;
        const res = await run(process.execPath, ['--input-type=module', '-e', script], dir, {
          timeoutMs: 60_000,
        });
        timing.push(`node ${seconds(Date.now() - t)}`);
        if (res.code !== 0)
          problems.push(
            `import in Node (${process.version}) threw: ${
              res.output
                .trim()
                .split('\n')
                .filter((l) => l.startsWith('FAILED'))
                .join(' ; ') || errorLines(res.output)
            }`,
          );
        else
          summary = `${check.nodeImport.length} entries imported in Node ${process.version} without a DOM`;
      } else if (check.typecheck) {
        const t = Date.now();
        const res = await run('npm', ['run', '--silent', check.typecheck], dir);
        timing.push(`tsc ${seconds(Date.now() - t)}`);
        if (res.code !== 0) {
          problems.push(describeTscErrors(res));
          details = tscDetails(res.output);
        } else {
          summary = 'tsc --noEmit: 0 errors';
        }
      } else {
        let url;
        let stop;
        let serverLog;
        if (check.build) {
          const t = Date.now();
          const res = await run('npm', ['run', check.build], dir);
          timing.push(`build ${seconds(Date.now() - t)}`);
          if (res.code !== 0)
            throw new Error(`npm run ${check.build} failed: ${errorLines(res.output)}`);
        }
        if (check.devServer) {
          const server = await startDevServer(dir, check.devServer);
          url = server.url;
          stop = async () => server.stop();
        } else {
          const server = await serveStatic(join(dir, check.serve));
          url = server.url;
          serverLog = server.log;
          stop = server.close;
        }
        try {
          const t = Date.now();
          const result = await checkPage(url, serverLog);
          timing.push(`page ${seconds(Date.now() - t)}`);
          problems = result.problems;
          details = result.details;
          summary = `4/4 ready (${result.summary}), ${result.requests} requests`;
        } finally {
          await stop();
        }
      }
    }
    try {
      if (check.readme) {
        problems = checkReadmeSnippets();
        summary = `${README_SNIPPETS.length} snippets found verbatim in README.md`;
      } else {
        await runInstalled(check, i);
      }
    } catch (e) {
      problems.push(String(e?.message ?? e));
    }
    const took = [...timing, seconds(Date.now() - started)].join(', ');
    if (problems.length) {
      failedCount++;
      console.log(`FAIL ${name}: ${problems.join('; ')} [${took}]`);
      for (const d of details) console.log(`    ${d}`);
    } else {
      passed++;
      console.log(`ok ${name}: ${summary} [${took}]`);
    }
  }

  if (browserPromise) await (await browserPromise).close().catch(() => {});
  if (!process.env.CONSUMERS_KEEP) {
    rmSync(work, { recursive: true, force: true });
    if (!process.env.CONSUMERS_TARBALL) rmSync(dirname(tarball), { recursive: true, force: true });
  }
  console.log(`# total ${seconds(Date.now() - t0)}`);
  console.log(`${passed} passed, ${failedCount} failed`);
  process.exit(failedCount ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
