// The package's tags, read from components/registry.json (the one place they are listed), for
// the browser tests that go over every element.
import { fetchJson, repoFile } from './helpers.js';

interface Registry {
  elements: { tag: string; className: string }[];
}

const registry = await fetchJson<Registry>(repoFile('components/registry.json'));

/** Every element's tag, sorted. */
export const TAGS: readonly string[] = registry.elements.map(({ tag }) => tag).sort();
