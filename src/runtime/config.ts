/**
 * Page-wide settings: which backend to prefer, where the packaged assets live, whether the models
 * run in a worker, and how long a fetch may take. They live in the page-global registry, so a
 * second copy of the package on the same page shares them (see page-registry.ts).
 */
import { pageRegistry } from './page-registry.js';
import type { BundledWeights } from './weights-source.js';

import type { BackendName, BackendPreference } from './backend-names.js';

export type { BackendName, BackendPreference };

export interface GenerativeElementsConfig {
  /** Backend preference for the page's one TF.js runtime. Default: each element's `backend` attribute, else 'auto'. */
  backend?: BackendPreference;
  /**
   * Base URL of a folder holding a copy of the package's `dist/` (its `.wasm` files and
   * `weights/`). Default: the URLs the package's modules reference themselves, which bundlers
   * (Vite, webpack) emit and rewrite. Set it when the JavaScript is served without its assets,
   * for example one file from a CDN.
   */
  assetBase?: string | URL;
  /** How long a request (weights, .wasm, data) may take before it fails with a message; default 30 000 ms. */
  fetchTimeoutMs?: number;
  /**
   * `false` keeps the models on the page's main thread. Default: one module worker per page runs
   * them (the main thread when no worker can start, e.g. under `worker-src 'none'`).
   */
  worker?: boolean;
}

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm', 'cpu'];

/** Call before the first element upgrades (optional). */
export function configure(options: GenerativeElementsConfig): void {
  const settings = pageRegistry().settings;
  if (options.backend !== undefined) {
    if (!BACKEND_PREFERENCES.includes(options.backend)) {
      throw new TypeError(
        `configure: backend must be one of ${BACKEND_PREFERENCES.join(', ')}, got "${options.backend}"`,
      );
    }
    settings.backend = options.backend;
  }
  if (options.fetchTimeoutMs !== undefined) {
    if (!(Number.isFinite(options.fetchTimeoutMs) && options.fetchTimeoutMs > 0)) {
      throw new TypeError(
        `configure: fetchTimeoutMs must be a positive number of milliseconds, got ${String(options.fetchTimeoutMs)}`,
      );
    }
    settings.fetchTimeoutMs = options.fetchTimeoutMs;
  }
  if (options.worker !== undefined) {
    if (typeof options.worker !== 'boolean')
      throw new TypeError(`configure: worker must be true or false, got ${String(options.worker)}`);
    settings.worker = options.worker;
  }
  if (options.assetBase !== undefined) {
    const base = new URL(
      String(options.assetBase),
      globalThis.document?.baseURI ?? globalThis.location?.href,
    );
    settings.assetBase = base.href.endsWith('/') ? base.href : `${base.href}/`;
  }
}

export function configuredBackend(): BackendPreference | undefined {
  return pageRegistry().settings.backend;
}

/**
 * The URL of a packaged file. `emitted` is the module's own literal
 * `new URL('…', import.meta.url)`, which bundlers see, copy and rewrite; `distPath` is the
 * file's place inside `dist/`, used instead when the page set `configure({ assetBase })`.
 */
export function packagedAsset(distPath: string, emitted: URL): string {
  const base = pageRegistry().settings.assetBase;
  return base ? new URL(distPath, base).href : emitted.href;
}

/** A bundled model's weights: its folder in dist/weights/ and the literal URLs of its two files. */
export function packagedWeights(folder: string, manifest: URL, shard: URL): BundledWeights {
  return {
    manifest: packagedAsset(`weights/${folder}/model.json`, manifest),
    shards: { 'weights.bin': packagedAsset(`weights/${folder}/weights.bin`, shard) },
  };
}
