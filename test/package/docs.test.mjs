// Checks of the written docs (run after `npm run build`, in Node): the committed reference in
// docs/reference/ is what tools/write-docs.mjs writes from the current custom-elements.json, and
// every relative link in the markdown points at a file (and heading) that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

test('docs/reference/ is what tools/write-docs.mjs writes from the current manifest', () => {
  // Throws with the tool's message (the files that differ) when it exits non-zero.
  execFileSync('node', ['tools/write-docs.mjs', '--check'], { stdio: 'pipe' });
});

/** README.md, CONTRIBUTING.md and every markdown file under docs/. */
function markdownFiles() {
  const inDocs = readdirSync('docs', { recursive: true })
    .map((name) => path.join('docs', name))
    .filter((file) => file.endsWith('.md'));
  return ['README.md', 'CONTRIBUTING.md', ...inDocs];
}

const withoutFences = (text) => text.replace(/^\s*```[\s\S]*?^\s*```/gm, '');

/** The text a reader sees as prose: fenced blocks and code spans removed. */
const withoutCode = (text) => withoutFences(text).replace(/`[^`\n]*`/g, '');

/** GitHub's anchors for a file's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchors(file) {
  const seen = new Map();
  const found = new Set();
  // A heading's code spans count: `## \`<gan-arena>\`` is #gan-arena.
  for (const [, heading] of withoutFences(readFileSync(file, 'utf8')).matchAll(/^#+ (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replaceAll(' ', '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

test('every relative link in README.md, CONTRIBUTING.md and docs/ points at a file that exists', () => {
  const broken = [];
  for (const file of markdownFiles()) {
    const prose = withoutCode(readFileSync(file, 'utf8'));
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [relative, anchor] = target.split('#');
      const linked = relative === '' ? file : path.join(path.dirname(file), relative);
      if (!existsSync(linked)) broken.push(`${file}: ${target} (no such file)`);
      else if (anchor && statSync(linked).isFile() && linked.endsWith('.md')) {
        if (!anchors(linked).has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
      }
    }
  }
  assert.deepEqual(broken, []);
});
