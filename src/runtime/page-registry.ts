/**
 * One record per page, shared by every copy of the package that the page loads (two bundles
 * that each include generative-elements, a CDN copy beside an npm one...). TF.js keeps its engine
 * and kernel registry on the global object, so two copies starting two runtimes would fight over
 * them; through this record the second copy finds the first's runtime and settings and reuses them.
 */
import type { BackendPreference } from './backend-names.js';

export interface PageRegistry {
  /** The package version of the copy that created the record. */
  readonly version: string;
  readonly settings: {
    backend?: BackendPreference;
    assetBase?: string;
    fetchTimeoutMs?: number;
    worker?: boolean;
    /** Tests only: let `auto` measure a software WebGPU adapter as if it were hardware. */
    measureSoftwareAdapter?: boolean;
  };
  /** The page's one connection to its models (in the worker, or in the page), see connection.ts. */
  connection?: unknown;
  /** The page's one TF.js runtime, once an element has started it (see backend.ts). */
  runtime?: Promise<unknown>;
  /** How many copies of the package have loaded on this page. */
  copies: number;
}

const KEY = Symbol.for('generative-elements.page');
export const PACKAGE_VERSION = '0.2.0';

let registered = false;

export function pageRegistry(): PageRegistry {
  const global = globalThis as typeof globalThis & { [KEY]?: PageRegistry };
  global[KEY] ??= { version: PACKAGE_VERSION, settings: {}, copies: 0 };
  const registry = global[KEY];
  if (!registered) {
    registered = true;
    registry.copies += 1;
    if (registry.copies === 2) {
      console.warn(
        `generative-elements: the package is loaded twice on this page (versions ${registry.version} and ${PACKAGE_VERSION}); ` +
          "the second copy reuses the first one's elements and runtime. Import it once to save the download.",
      );
    }
  }
  return registry;
}
