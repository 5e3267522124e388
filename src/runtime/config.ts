/**
 * Page-wide settings: which backend to prefer and where the assets (.wasm binaries, bundled
 * weights) live. Assets are found relative to this module's own URL, so a copied `dist/` folder
 * works from any path of any static host, offline.
 */
export type BackendName = 'webgpu' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

export interface GenerativeElementsConfig {
  /** Backend preference for the page's one TF.js runtime. Default: each element's `backend` attribute, else 'auto'. */
  backend?: BackendPreference;
  /** Base URL of the dist/ folder holding the .wasm files and weights/. Default: next to this module. */
  assetBase?: string | URL;
}

const settings: { backend?: BackendPreference; assetBase: URL } = {
  assetBase: new URL('./', import.meta.url),
};

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm', 'cpu'];

/** Call before the first element upgrades (optional). */
export function configure(options: GenerativeElementsConfig): void {
  if (options.backend !== undefined) {
    if (!BACKEND_PREFERENCES.includes(options.backend)) {
      throw new TypeError(`configure: backend must be one of ${BACKEND_PREFERENCES.join(', ')}, got "${options.backend}"`);
    }
    settings.backend = options.backend;
  }
  if (options.assetBase !== undefined) {
    const base = new URL(String(options.assetBase), document.baseURI);
    settings.assetBase = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  }
}

export function configuredBackend(): BackendPreference | undefined {
  return settings.backend;
}

/** Absolute URL of a packaged asset, e.g. assetUrl('weights/vae-digits/model.json'). */
export function assetUrl(path: string): string {
  return new URL(path, settings.assetBase).href;
}
