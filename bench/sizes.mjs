// Download sizes of the built dist/: each entry with the chunks it statically imports, the lazily
// loaded backend chunks, the .wasm binaries and the bundled weights. Sizes are per file, summed
// (each file is fetched and compressed on its own); gzip at level 9.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Minified ES module imports: `import{a as b}from"./x.js"`, `import*as x from"./x.js"`,
// `import x from"./x.js"`, bare `import"./x.js"`, and re-exports `export{..}from"./x.js"`.
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*from\s*|(?=["']))["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

export function fileSize(path) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function sum(dir, files) {
  const total = { files: [...files].sort(), raw: 0, gzip: 0 };
  for (const file of files) {
    const size = fileSize(join(dir, file));
    total.raw += size.raw;
    total.gzip += size.gzip;
  }
  return total;
}

function importsOf(dir, file, pattern) {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(pattern)].map((m) => m[1].replace(/^\.\//, ''));
}

/** The file and everything it statically imports, recursively. */
function staticClosure(dir, file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const dep of importsOf(dir, file, STATIC_IMPORT)) staticClosure(dir, dep, into);
  return into;
}

/** The dynamically imported chunk (reachable from `files`) whose text contains `marker`. */
function findLazyChunk(dir, files, marker) {
  for (const file of files) {
    for (const chunk of importsOf(dir, file, DYNAMIC_IMPORT)) {
      if (readFileSync(join(dir, chunk), 'utf8').includes(marker)) return chunk;
    }
  }
  return null;
}

export function measureSizes(dist) {
  const result = { entries: {}, wasmBinaries: {}, weights: null };
  const jsFiles = readdirSync(dist).filter((f) => f.endsWith('.js'));
  for (const entry of ['generative-elements.js', 'vae-latent-explorer.js']) {
    const staticFiles = staticClosure(dist, entry);
    // The WASM backend chunk is the one that defines setWasmPaths; WebGPU's registers this flag.
    const wasmChunk = findLazyChunk(dist, staticFiles, 'setWasmPaths');
    const webgpuChunk = findLazyChunk(dist, staticFiles, 'WEBGPU_CPU_FORWARD');
    const wasmPage = new Set(staticFiles);
    if (wasmChunk) staticClosure(dist, wasmChunk, wasmPage);
    const webgpuExtra = new Set();
    if (webgpuChunk)
      for (const f of staticClosure(dist, webgpuChunk)) if (!wasmPage.has(f)) webgpuExtra.add(f);
    result.entries[entry] = {
      static: sum(dist, staticFiles),
      staticPlusWasmBackend: sum(dist, wasmPage),
      wasmChunk,
      webgpuChunk: webgpuChunk ? sum(dist, [webgpuChunk]) : null,
      // What switching a WASM page to WebGPU downloads on top (the chunk and its own new deps).
      webgpuExtraOverWasmPage: webgpuChunk ? sum(dist, webgpuExtra) : null,
    };
  }
  result.allJs = sum(dist, jsFiles);
  for (const file of readdirSync(dist)
    .filter((f) => f.endsWith('.wasm'))
    .sort()) {
    result.wasmBinaries[file] = fileSize(join(dist, file));
  }
  result.weights = sum(join(dist, 'weights/vae-digits'), ['model.json', 'weights.bin']);
  return result;
}

/** gzip size of a list of dist files given as URL paths (what a page actually fetched). */
export function sizeOfUrls(dist, urls) {
  const files = [
    ...new Set(
      urls
        .map((u) => new URL(u).pathname)
        .filter((p) => p.startsWith('/dist/') && p.endsWith('.js')),
    ),
  ];
  return sum(
    dist,
    files.map((p) => p.slice('/dist/'.length)),
  );
}
