// Writes what exposes each element of components/registry.json, so that a new element is its
// folder plus one registry entry: the classes and public types the package's entry re-exports
// (src/element-exports.ts), the server build's stand-ins (src/server-stand-ins.ts) and package.json's
// `exports` of `generative-elements/<tag>`. `npm run build` runs it first; `--check` writes
// nothing and fails if a file is not what the registry gives (test/package/ runs that).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { ELEMENTS } from './registry.mjs';

const GENERATED =
  '// Written by tools/write-entry.mjs from components/registry.json: edit those, not this.';

/** src/element-exports.ts: each element's class and public types, for the package's entry. */
function elementExports() {
  const lines = ELEMENTS.map(({ tag, className, types }) => {
    const from = `'../components/${tag}/${tag}.js'`;
    const typeLine = types.length ? `\nexport type { ${types.join(', ')} } from ${from};` : '';
    return `export { ${className} } from ${from};${typeLine}`;
  });
  return `${GENERATED}\n${lines.join('\n')}\n`;
}

/** src/server-stand-ins.ts: an empty class per element, for the server build (src/server.ts). */
function serverStandIns() {
  const lines = ELEMENTS.map(({ className }) => `export class ${className} {}`);
  return `${GENERATED}\n${lines.join('\n')}\n`;
}

/** package.json with one `exports` entry per element, after "." and in the registry's order. */
function packageSource(text) {
  const pkg = JSON.parse(text);
  const elementEntries = Object.fromEntries(
    ELEMENTS.map(({ tag }) => [
      `./${tag}`,
      {
        types: `./dist/types/components/${tag}/${tag}.d.ts`,
        node: './dist/server.js',
        default: `./dist/${tag}.js`,
      },
    ]),
  );
  const others = Object.entries(pkg.exports).filter(
    ([key, target]) =>
      key === '.' || !(typeof target === 'object' && /\/components\//.test(target.types ?? '')),
  );
  const [root, ...rest] = others;
  pkg.exports = Object.fromEntries([root, ...Object.entries(elementEntries), ...rest]);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const check = process.argv.includes('--check');
const stale = [];
for (const [file, make] of [
  ['src/element-exports.ts', () => elementExports()],
  ['src/server-stand-ins.ts', () => serverStandIns()],
  ['package.json', (text) => packageSource(text)],
]) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // In the house style, so that the files are the same after `npm run format`.
  const options = await prettier.resolveConfig(file);
  const wanted = await prettier.format(make(text), { ...options, filepath: file });
  if (text === wanted) continue;
  if (check) stale.push(file);
  else writeFileSync(file, wanted);
}
if (stale.length) {
  console.error(
    `Not what components/registry.json gives: ${stale.join(', ')} (run node tools/write-entry.mjs)`,
  );
  process.exit(1);
}
