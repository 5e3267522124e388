/**
 * Registers a tag once per page. A second copy of the package on the same page (two bundles
 * that each include it) finds the tag already defined by the first copy and leaves it: the
 * page keeps one implementation, one runtime, and one warning (see page-registry.ts).
 */
import { pageRegistry } from '../../src/runtime/page-registry.js';

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  pageRegistry();
  if (!customElements.get(tag)) customElements.define(tag, element);
}
