// The package's elements, as components/registry.json lists them: the one place a new element is
// named. The build (rollup entries, the manifest's public tags, the docs' live examples) and the
// package and consumer tests read it from here.
import { readFileSync } from 'node:fs';

const REGISTRY = new URL('../components/registry.json', import.meta.url);

/** Every element: its tag, its class name and the live example of its reference page. */
export const ELEMENTS = JSON.parse(readFileSync(REGISTRY, 'utf8')).elements;

/** The tags, in the registry's order. */
export const TAGS = ELEMENTS.map((element) => element.tag);

/** An element's source file: components/<tag>/<tag>.ts. */
export const sourceOf = (tag) => `components/${tag}/${tag}.ts`;
