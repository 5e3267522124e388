// Checks of the built package as a consumer gets it (run after `npm run build`, in Node):
// server-side import, declarations that stand alone, the manifest's elements, and the published
// files. The reference generated from the manifest is checked in docs.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ELEMENTS, TAGS } from '../../tools/registry.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));

test('importing the package where there is no DOM (server-side rendering) does not throw', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  for (const specifier of [
    'generative-elements',
    ...TAGS.map((tag) => `generative-elements/${tag}`),
  ]) {
    const module = await import(specifier);
    assert.equal(typeof module.configure, 'function', specifier);
    assert.doesNotThrow(() => module.configure({ backend: 'wasm' }));
    for (const name of ['VaeLatentExplorer', 'GanArena', 'PixelRnnCanvas', 'SentenceMorph'])
      assert.equal(typeof module[name], 'function');
  }
});

/** Every module specifier a declaration file imports, following relative ones. */
function declarationImports(entry) {
  const seen = new Set();
  const foreign = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g,
    )) {
      const specifier = match[1];
      if (!specifier.startsWith('.'))
        foreign.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      else visit(path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.d.ts'));
    }
  };
  visit(path.resolve(entry));
  return { files: seen.size, foreign: [...foreign].sort() };
}

test('the public declarations mention no TF.js or WebGPU types: only lit (and react for the JSX entry)', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target !== 'object' || !target.types) continue;
    const { files, foreign } = declarationImports(target.types);
    const allowed = subpath === './jsx' ? ['lit', 'lit-html', 'react'] : ['lit', 'lit-html'];
    assert.ok(files > 0);
    assert.deepEqual(
      foreign.filter((name) => !allowed.includes(name)),
      [],
      `${subpath} imports ${foreign.join(', ')}`,
    );
  }
  assert.deepEqual(
    Object.keys(pkg.dependencies),
    ['lit'],
    'a consumer installs lit (for the types) and nothing else',
  );
});

test('custom-elements.json describes the four elements', () => {
  const tags = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((declaration) => declaration.tagName);
  assert.deepEqual(tags.sort(), [...TAGS].sort());
});

test('the page registry names the version in package.json', () => {
  const registry = readFileSync('src/runtime/page-registry.ts', 'utf8');
  assert.match(registry, new RegExp(`PACKAGE_VERSION = '${pkg.version.replaceAll('.', '\\.')}'`));
});

test('the published files: a licence, the manifest, maps without sources, at most 10 MB', () => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
  )[0];
  const names = packed.files.map((file) => file.path);
  for (const required of [
    'LICENSE',
    'README.md',
    'package.json',
    pkg.customElements,
    'dist/types/jsx.d.ts',
    'dist/THIRD_PARTY_LICENSES.txt',
  ]) {
    assert.ok(names.includes(required), `the package ships ${required}`);
  }
  assert.ok(packed.size <= 10 * 1024 * 1024, `tarball ${(packed.size / 1e6).toFixed(1)} MB`);
  for (const map of readdirSync('dist').filter((file) => file.endsWith('.map'))) {
    assert.equal(JSON.parse(readFileSync(`dist/${map}`, 'utf8')).sourcesContent, undefined, map);
  }
  assert.ok(existsSync('dist/weights/vae-digits/weights.bin'));
});

test('the entry, the server build and package.json expose every element of components/registry.json', () => {
  // tools/write-entry.mjs writes them from the registry; --check fails if one is not what it gives.
  execFileSync(process.execPath, ['tools/write-entry.mjs', '--check'], { stdio: 'pipe' });
  for (const { tag, className } of ELEMENTS) {
    const source = readFileSync(`components/${tag}/${tag}.ts`, 'utf8');
    assert.match(
      source,
      new RegExp(`defineElement\\('${tag}', ${className}\\)`),
      `${tag} defines itself`,
    );
  }
});
