// Writes the reference from dist/custom-elements.json (which `cem analyze` reads from the
// elements' code and JSDoc), so the docs cannot drift from the code: dist/docs/*.html (an index
// and one page per element, with a live example) and the committed markdown in docs/reference/.
// Then copies the lecture pages and the embed page into dist/ beside the package, with their
// script pointed at the files beside them. Run by `npm run build` after `cem analyze`.
//
//   node tools/write-docs.mjs           # write everything
//   node tools/write-docs.mjs --check   # write nothing; fail if docs/reference/ is not what it would write
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { htmlReference } from './docs/html.mjs';
import { describeElement, readElements } from './docs/manifest.mjs';
import { REFERENCE_DIR, markdownReference } from './docs/markdown.mjs';

const LECTURES = ['lecture.html', 'lecture.zh-Hans.html'];

const elements = readElements().map(describeElement);
const markdown = markdownReference(elements);

/** The files in docs/reference/ that differ from, lack, or are not in what the manifest gives. */
function staleReferenceFiles() {
  const committed = existsSync(REFERENCE_DIR) ? readdirSync(REFERENCE_DIR) : [];
  const names = new Set([...committed, ...Object.keys(markdown)]);
  return [...names].sort().filter((name) => {
    const path = `${REFERENCE_DIR}/${name}`;
    return (
      !(name in markdown) || !existsSync(path) || readFileSync(path, 'utf8') !== markdown[name]
    );
  });
}

if (process.argv.includes('--check')) {
  const stale = staleReferenceFiles();
  if (stale.length > 0) {
    console.error(
      `${REFERENCE_DIR}/ is not what the manifest gives (${stale.join(', ')}): run \`npm run build\` and commit it`,
    );
    process.exit(1);
  }
  console.log(`${REFERENCE_DIR}/: ${Object.keys(markdown).length} files, as the manifest gives`);
  process.exit(0);
}

mkdirSync('dist/docs', { recursive: true });
for (const [name, text] of Object.entries(htmlReference(elements)))
  writeFileSync(`dist/docs/${name}`, text);

mkdirSync(REFERENCE_DIR, { recursive: true });
for (const [name, text] of Object.entries(markdown))
  writeFileSync(`${REFERENCE_DIR}/${name}`, text);

// The embed page for course platforms, beside the package's script.
writeFileSync(
  'dist/embed.html',
  readFileSync('demo/embed.html', 'utf8').replaceAll('../dist/', './'),
);
writeFileSync('dist/embed.js', readFileSync('demo/embed.js', 'utf8'));

// The lecture pages, served from dist/ itself: the script beside them, the demo as demo.html.
for (const name of LECTURES) {
  const text = readFileSync(`demo/${name}`, 'utf8')
    .replaceAll('../dist/', './')
    .replaceAll('href="index.html"', 'href="demo.html"');
  writeFileSync(`dist/${name}`, text);
}
console.log(
  `dist/docs/: index and ${elements.length} element pages; ${REFERENCE_DIR}/: ${Object.keys(markdown).length} files; dist/: ${LECTURES.join(', ')}, embed.html`,
);
