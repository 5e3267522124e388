// Bundles a training script (TypeScript, importing ../src) for Node and runs it.
// Usage: node train/run.mjs <vae> [--flags for the script]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const scripts = {
  vae: 'train-vae.ts',
  gan: 'train-gan.ts',
  'pixel-rnn': 'train-pixel-rnn.ts',
  'sentence-vae': 'train-sentence-vae.ts',
  'sentence-preview': 'sentence-preview.ts',
};
const [name, ...args] = process.argv.slice(2);
if (!scripts[name]) {
  console.error(`Unknown model "${name}". Choose one of: ${Object.keys(scripts).join(', ')}`);
  process.exit(2);
}
const outfile = path.join(here, '.build', `${name}.mjs`);
await build({
  entryPoints: [path.join(here, 'src', scripts[name])],
  bundle: true,
  platform: 'node',
  format: 'esm',
  // CommonJS dependencies inside an ES module bundle still call require() and use __filename.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      "const __dirname = __filename.replace(/[\\/][^\\/]*$/, '');",
    ].join('\n'),
  },
  target: 'node20',
  outfile,
  logLevel: 'warning',
  // Bundle TF.js from its ES module sources: one engine instance shared by the library's model
  // code and the script, and the gradient registrations importable like in the browser.
  mainFields: ['module', 'main'],
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
