// Rollup plugin: every `new URL('<relative path>', import.meta.url)` in our own modules names a
// file the package ships (weights, .wasm binaries). The plugin copies that file into dist/ and
// rewrites the literal to point at the copy, so dist/ holds the same literal pattern that Vite,
// webpack and browsers resolve: `new URL('./weights/vae-digits/model.json', import.meta.url)`.
// All chunks sit at the root of dist/, so './' + the file's place in dist/ is right for each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MagicString from 'magic-string';

const WORKER_ENTRIES = new Set(['./model-worker.js']);
const ASSET_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Where a source file goes in dist/: weights keep their folder, a .wasm binary sits at the top. */
function placeInDist(file, root) {
  const fromRoot = path.relative(root, file).split(path.sep).join('/');
  if (fromRoot.startsWith('weights/')) return fromRoot;
  if (/node_modules\/@tensorflow\/tfjs-backend-wasm\/dist\/[^/]+\.wasm$/.test(file))
    return path.basename(file);
  return null;
}

export function packagedAssets({ root = process.cwd() } = {}) {
  const emitted = new Set();
  return {
    name: 'packaged-assets',
    buildStart() {
      emitted.clear();
    },
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null;
      const magic = new MagicString(code);
      let changed = false;
      for (const match of code.matchAll(ASSET_URL)) {
        // A module of ours (the worker) is an entry of its own, beside every chunk in dist/.
        if (WORKER_ENTRIES.has(match[2])) continue;
        const file = path.resolve(path.dirname(id), match[2]);
        const fileName = placeInDist(file, root);
        if (!fileName)
          this.error(
            `${path.relative(root, id)}: ${match[2]} is not a packaged asset (weights/ or a tfjs .wasm binary)`,
          );
        if (!emitted.has(fileName)) {
          emitted.add(fileName);
          this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
        }
        magic.overwrite(
          match.index,
          match.index + match[0].length,
          `new URL('./${fileName}', import.meta.url)`,
        );
        changed = true;
      }
      return changed ? { code: magic.toString(), map: magic.generateMap({ hires: true }) } : null;
    },
  };
}
