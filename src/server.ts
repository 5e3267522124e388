// Written by tools/write-entry.mjs from components/registry.json: edit those, not this.
/**
 * What `import 'generative-elements'` gives where there is no DOM: server-side rendering in
 * Astro, Next.js, Eleventy or Node itself. It defines no element and loads no model; the
 * browser build registers the tags when the page runs. `configure()` is accepted and ignored,
 * and the element classes are empty stand-ins, so shared code can import them without a guard.
 * (package.json maps the `node` export condition to this file.)
 */
import type { GenerativeElementsConfig } from './runtime/config.js';

export function configure(_options: GenerativeElementsConfig): void {}

export class VaeLatentExplorer {}
export class GanArena {}
export class PixelRnnCanvas {}
export class SentenceMorph {}
