// The `readme-snippets` check: the page that tells users how to use the package with each bundler
// shows the consumer fixtures' files character for character, so its snippets cannot drift from
// what test/consumers/run.mjs builds and type-checks.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The document with the snippets, from the repository root. */
export const SNIPPETS_DOCUMENT = 'docs/bundlers.md';
/** The heading of its section that holds them (the section ends at the next heading of its level). */
export const SNIPPETS_HEADING = '## Use it with';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

// [fixture file, what of it the document shows]: a whole file, a line, or a package.json script.
const SNIPPETS = [
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

/** The section under SNIPPETS_HEADING, or undefined when the document has none. */
function snippetsSection() {
  const text = readFileSync(join(root, SNIPPETS_DOCUMENT), 'utf8');
  const start = text.indexOf(SNIPPETS_HEADING);
  if (start < 0) return undefined;
  const marker = `\n${SNIPPETS_HEADING.split(' ')[0]} `;
  const end = text.indexOf(marker, start + marker.length - 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** What of `file` the document must show, or undefined when the fixture no longer has it. */
function expectedSnippet(file, kind, arg) {
  const text = readFileSync(join(here, file), 'utf8');
  if (kind === 'file') return text.trim();
  if (kind === 'script') return JSON.parse(text).scripts[arg];
  return text
    .split('\n')
    .map((l) => l.trim())
    .includes(arg)
    ? arg
    : undefined;
}

/** Runs the check: its problems (none when it passes) and a one-line summary. */
export function checkReadmeSnippets() {
  const section = snippetsSection();
  if (section === undefined)
    return {
      problems: [`${SNIPPETS_DOCUMENT} has no "${SNIPPETS_HEADING}…" section`],
      summary: '',
    };
  const problems = [];
  for (const [file, kind, arg] of SNIPPETS) {
    const snippet = expectedSnippet(file, kind, arg);
    if (snippet === undefined) problems.push(`${file} no longer contains ${arg}`);
    else if (!section.includes(snippet))
      problems.push(
        `the section of ${SNIPPETS_DOCUMENT} lacks ${file}${kind === 'script' ? ` (script ${arg})` : ''} verbatim`,
      );
  }
  return {
    problems,
    summary: `${SNIPPETS.length} snippets found verbatim in ${SNIPPETS_DOCUMENT}`,
  };
}
