/**
 * What `import 'generative-elements'` gives where there is no DOM: server-side rendering in
 * Astro, Next.js, Eleventy or Node itself. It defines no element and loads no model; the
 * browser build registers the tags when the page runs. `configure()` is accepted and ignored,
 * and the element classes are empty stand-ins, so shared code can import them without a guard.
 * (package.json maps the `node` export condition to this file.)
 */
import type { GenerativeElementsConfig } from './runtime/config.js';

export function configure(_options: GenerativeElementsConfig): void {}

// An empty class for every element of components/registry.json.
export * from './server-stand-ins.js';
