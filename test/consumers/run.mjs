// Consumer tests: the packed package (`npm pack`) installed in fresh fixture apps, each built or
// served the way a new user would, then opened in headless Chromium. A browser check passes when
// every one of the four elements reaches `ready` with no response >= 400, no failed request, no
// request to another origin, no HTML answered for a .wasm/.json/.bin request, and no uncaught
// page error. `types` passes when `tsc --noEmit` exits 0 (TypeScript 7, strict, no skipLibCheck,
// React 19 JSX); `ssr-import` when every entry imports in Node without a DOM; `readme-snippets`
// when the usage section (readme-snippets.mjs names the document) shows the fixtures' files verbatim.
// Checks: plain-html vite-build vite-dev webpack esbuild rollup types ssr-import readme-snippets.
//
//   node test/consumers/run.mjs                     # every check
//   node test/consumers/run.mjs vite-build webpack  # some checks
//
// Environment: CHROME_PATH (default /usr/bin/chromium); CONSUMERS_TARBALL=path/to.tgz to test a
// tarball packed elsewhere instead of packing this project; CONSUMERS_KEEP=1 keeps the temp
// folders (their path is printed). The last line is `N passed, N failed`.
//
// Here: the checks and the loop that runs them. Beside it: fixtures.mjs (packing, installing),
// check-kinds.mjs (what each kind of check does), page-check.mjs (the browser half),
// readme-snippets.mjs, and their helpers (processes.mjs, static-server.mjs, output-lines.mjs).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importInNode, openInBrowser, typecheckApp } from './check-kinds.mjs';
import { fixtureInstaller, packProject } from './fixtures.mjs';
import { TAGS } from '../../tools/registry.mjs';
import { seconds } from './output-lines.mjs';
import { closeBrowser } from './page-check.mjs';
import { checkReadmeSnippets } from './readme-snippets.mjs';

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
  // The usage section's snippets are the fixtures' files, character for character.
  'readme-snippets': { readme: true },
};

/** Installs the check's fixture (and starts installing the next one), then runs the check. */
async function runInstalled(check, install, nextFixture, timing) {
  const installing = install(check.fixture);
  if (nextFixture) install(nextFixture).catch(() => {});
  const { dir, ms } = await installing;
  timing.push(`install ${seconds(ms)}`);
  if (check.nodeImport) return importInNode(check.nodeImport, dir, timing);
  if (check.typecheck) return typecheckApp(check.typecheck, dir, timing);
  return openInBrowser(check, dir, TAGS, timing);
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
  const install = fixtureInstaller(work, tarball);

  // Install the next fixture while the current one is built and checked.
  const order = names.map((n) => CHECKS[n].fixture);
  for (const [i, name] of names.entries()) {
    const check = CHECKS[name];
    const started = Date.now();
    const timing = [];
    let problems = [];
    let details = [];
    let summary = '';
    try {
      const nextFixture = order.slice(i + 1).find(Boolean);
      ({ problems, details, summary } = check.readme
        ? { ...checkReadmeSnippets(), details: [] }
        : await runInstalled(check, install, nextFixture, timing));
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

  await closeBrowser();
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
