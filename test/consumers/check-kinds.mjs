// The kinds of check run in an installed fixture: importing the package's entries in Node (as
// server-side rendering does), type-checking the app, and building or serving it and opening it
// in the browser. Each adds its timings to `timing` and resolves with {problems, details, summary};
// a step that cannot go on (a failed build) throws.
import { join } from 'node:path';
import { checkPage } from './page-check.mjs';
import { describeTscErrors, errorLines, seconds, tscDetails } from './output-lines.mjs';
import { run, startDevServer } from './processes.mjs';
import { serveStatic } from './static-server.mjs';

/** Every module in `entries` must import in Node, where there is no DOM, without throwing. */
export async function importInNode(entries, dir, timing) {
  const t = Date.now();
  const script = `for (const m of ${JSON.stringify(entries)}) { try { await import(m); } catch (e) { console.log('FAILED ' + m + ': ' + String(e?.stack ?? e).split('\\n').slice(0, 2).join(' ')); process.exitCode = 1; } }`;
  const res = await run(process.execPath, ['--input-type=module', '-e', script], dir, {
    timeoutMs: 60_000,
  });
  timing.push(`node ${seconds(Date.now() - t)}`);
  if (res.code === 0)
    return {
      problems: [],
      details: [],
      summary: `${entries.length} entries imported in Node ${process.version} without a DOM`,
    };
  const failures = res.output
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('FAILED'))
    .join(' ; ');
  return {
    problems: [`import in Node (${process.version}) threw: ${failures || errorLines(res.output)}`],
    details: [],
    summary: '',
  };
}

/** `npm run <script>` (tsc --noEmit) must exit 0. */
export async function typecheckApp(script, dir, timing) {
  const t = Date.now();
  const res = await run('npm', ['run', '--silent', script], dir);
  timing.push(`tsc ${seconds(Date.now() - t)}`);
  if (res.code !== 0)
    return { problems: [describeTscErrors(res)], details: tscDetails(res.output), summary: '' };
  return { problems: [], details: [], summary: 'tsc --noEmit: 0 errors' };
}

/** Builds the app if `check.build` says how, serves it (static or dev server), opens it. */
export async function openInBrowser(check, dir, tags, timing) {
  let url;
  let stop;
  let serverLog;
  if (check.build) {
    const t = Date.now();
    const res = await run('npm', ['run', check.build], dir);
    timing.push(`build ${seconds(Date.now() - t)}`);
    if (res.code !== 0) throw new Error(`npm run ${check.build} failed: ${errorLines(res.output)}`);
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
    const result = await checkPage(url, tags, serverLog);
    timing.push(`page ${seconds(Date.now() - t)}`);
    return {
      problems: result.problems,
      details: result.details,
      summary: `${tags.length}/${tags.length} ready (${result.summary}), ${result.requests} requests`,
    };
  } finally {
    await stop();
  }
}
