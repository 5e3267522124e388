// Child processes of the consumer checks: a command run to its end, and a dev server kept running
// until stopped. Each runs in its own process group, so a timeout or a stop ends its children too.
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { seconds } from './output-lines.mjs';

/** Runs a command; resolves with {code, output} (stdout and stderr interleaved). */
export function run(cmd, args, cwd, { timeoutMs = 600_000 } = {}) {
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

/** A port that is free on 127.0.0.1 (the system picks it). */
export function freePort() {
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

/** Starts `npm run <script>` as a dev server on a free port and waits until it answers. */
export async function startDevServer(cwd, script) {
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
