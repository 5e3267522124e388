// Browser tests in Debian's Chromium (headless), on the real backends:
//  - "wasm":   Chromium without WebGPU, so `auto` must land on WASM;
//  - "webgpu": Chromium with --enable-unsafe-webgpu, whose only adapter is the software one
//              (SwiftShader): `auto` must skip it, `backend="webgpu"` must use it for real.
// Each test file gets its own page, so each has its own one-per-page TF.js runtime.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './test/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { buildSync } from 'esbuild';
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_FLAGS } from './tools/chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

// tfjs-core does `import * as seedrandom from 'seedrandom'` and calls seedrandom.alea(), a
// property the CommonJS transform cannot see statically; serve seedrandom pre-bundled as ESM
// with that name exported.
function seedrandomAsEsm() {
  const shimPath = '/__shims/seedrandom.js';
  let body;
  return {
    name: 'seedrandom-as-esm',
    resolveImport({ source }) {
      if (source === 'seedrandom') return shimPath;
    },
    serve(context) {
      if (context.path !== shimPath) return;
      body ??= buildSync({
        stdin: {
          contents: "import sr from 'seedrandom'; export default sr; export const alea = sr.alea;",
          resolveDir: process.cwd(),
        },
        bundle: true,
        format: 'esm',
        write: false,
      }).outputFiles[0].text;
      return { body, type: 'js' };
    },
  };
}
const chromium = (extraFlags = []) =>
  chromeLauncher({
    launchOptions: {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS, ...extraFlags],
    },
  });

// The sources name their worker as it is called in dist/, `new URL('./model-worker.js', …)`;
// from the source tree, that request gets the TypeScript file (which esbuild compiles).
function sourceWorker(context, next) {
  const match = /^\/src\/worker\/([\w-]+)\.js$/.exec(context.path);
  if (match && !existsSync(`src/worker/${match[1]}.js`) && existsSync(`src/worker/${match[1]}.ts`))
    context.url = `/src/worker/${match[1]}.ts`;
  return next();
}

// `/dist-copy/…` serves dist/ under a second URL: a second copy of the package for the browser.
function distCopy(context, next) {
  if (context.url.startsWith('/dist-copy/'))
    context.url = context.url.replace('/dist-copy/', '/dist/');
  return next();
}

// The hostile-page suite's CSP page gets the policy the README states, as a real header.
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";
async function cspHeaders(context, next) {
  await next();
  if (context.path !== '/test/hostile/csp-page.html') return;
  const { policy } = context.query;
  const trustedTypes = policy?.startsWith('trusted-types')
    ? "; require-trusted-types-for 'script'"
    : '';
  const workers =
    policy === 'no-worker'
      ? STRICT_CSP.replace("worker-src 'self'", "worker-src 'none'")
      : STRICT_CSP;
  context.set('Content-Security-Policy', workers + trustedTypes);
}

// `/test/hostile/stall/…` is a server that answers only after 5 s: for the fetch timeout tests.
async function stallingServer(context, next) {
  if (!context.path.startsWith('/test/hostile/stall/')) return next();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  context.status = 504;
}

// `/test/hostile/blip/<run>/<path>` serves `/<path>`, but answers the first request for each
// file with 503: a network blip that one retry must get past. `/test/hostile/blip-log/<run>`
// answers how many times each file of that run was asked for.
const requests = new Map();
function blippingServer(context, next) {
  const log = /^\/test\/hostile\/blip-log\/([^/]+)$/.exec(context.path);
  if (log) {
    const prefix = `/test/hostile/blip/${log[1]}`;
    context.body = Object.fromEntries(
      [...requests]
        .filter(([path]) => path.startsWith(prefix + '/'))
        .map(([path, count]) => [path.slice(prefix.length), count]),
    );
    return undefined;
  }
  const match = /^\/test\/hostile\/blip\/[^/]+(\/.*)$/.exec(context.path);
  if (!match) return next();
  const count = (requests.get(context.path) ?? 0) + 1;
  requests.set(context.path, count);
  if (count === 1) {
    context.status = 503;
    // The test runner marks every file cacheable for a year, failures too: a path without an
    // extension keeps it from this answer, which no real server would let a cache keep.
    context.path = '/blip-failure';
    return undefined;
  }
  context.url = match[1];
  return next();
}

export default {
  rootDir: '.',
  middleware: [sourceWorker, distCopy, cspHeaders, stallingServer, blippingServer],
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  // One page at a time: a background tab gets no rendering updates (IntersectionObserver, rAF).
  concurrency: 1,
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    seedrandomAsEsm(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // The WASM backend ships its Emscripten glue (and TF.js some helpers) as CommonJS.
    commonjs({
      include: [
        '**/node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/**',
        '**/node_modules/long/**',
      ],
      strictRequires: false,
    }),
  ],
  // TEST_FILES=glob runs only those files (in the WASM browser), for working on one part.
  groups: [
    {
      name: 'wasm',
      files:
        process.env.TEST_FILES ??
        'test/{models,data,runtime,worker,components,teaching,hostile}/**/*.test.ts',
      browsers: [chromium()],
    },
    {
      name: 'webgpu',
      files: 'test/webgpu/**/*.test.ts',
      browsers: [chromium(['--enable-unsafe-webgpu'])],
    },
  ].filter((group) => !process.env.TEST_FILES || group.name === 'wasm'),
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: false }),
    summaryReporter(),
  ],
};
