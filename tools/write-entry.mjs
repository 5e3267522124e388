// Writes what exposes each element of components/registry.json, so that a new element is its
// folder plus one registry entry: the package's entry (src/generative-elements.ts: the classes
// and their public types), the server build's stand-ins (src/server.ts) and package.json's
// `exports` of `generative-elements/<tag>`. `npm run build` runs it first; `--check` writes
// nothing and fails if a file is not what the registry gives (test/package/ runs that).
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { ELEMENTS } from './registry.mjs';

const GENERATED =
  '// Written by tools/write-entry.mjs from components/registry.json: edit those, not this.';

function entrySource() {
  const elements = ELEMENTS.map(({ tag, className, types }) => {
    const from = `'../components/${tag}/${tag}.js'`;
    const typeLine = types.length ? `\nexport type { ${types.join(', ')} } from ${from};` : '';
    return `export { ${className} } from ${from};${typeLine}`;
  });
  return `${GENERATED}
/**
 * generative-elements: registers every element. Import a single tag's entry
 * (e.g. \`generative-elements/vae-latent-explorer\`) to load only what that tag needs.
 */
export {
  configure,
  type GenerativeElementsConfig,
  type BackendName,
  type BackendPreference,
} from './runtime/config.js';
${elements.join('\n')}
export type {
  ModelReadyDetail,
  ModelErrorDetail,
  TrainProgressDetail,
  TrainEndDetail,
  GenerativeElementEventMap,
} from '../components/shared/events.js';
`;
}

function serverSource() {
  return `${GENERATED}
/**
 * What \`import 'generative-elements'\` gives where there is no DOM: server-side rendering in
 * Astro, Next.js, Eleventy or Node itself. It defines no element and loads no model; the
 * browser build registers the tags when the page runs. \`configure()\` is accepted and ignored,
 * and the element classes are empty stand-ins, so shared code can import them without a guard.
 * (package.json maps the \`node\` export condition to this file.)
 */
import type { GenerativeElementsConfig } from './runtime/config.js';

export function configure(_options: GenerativeElementsConfig): void {}

${ELEMENTS.map(({ className }) => `export class ${className} {}`).join('\n')}
`;
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
  ['src/generative-elements.ts', () => entrySource()],
  ['src/server.ts', () => serverSource()],
  ['package.json', (text) => packageSource(text)],
]) {
  const text = readFileSync(file, 'utf8');
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
