// The package as a user gets it (`npm pack`, or the tarball in CONSUMERS_TARBALL) and the fixture
// apps it is installed in: a fresh copy of each fixture, installed once however many checks use it.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** The tarball to test: CONSUMERS_TARBALL, else this project packed (built first if need be). */
export async function packProject() {
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

/**
 * A function that installs `tarball` in a copy of a fixture under `work` and resolves with
 * {dir, ms}; each fixture is copied and installed once, on the first call for it.
 */
export function fixtureInstaller(work, tarball) {
  const installs = new Map(); // fixture -> Promise<{dir, ms}>
  return (fixture) => {
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
}
