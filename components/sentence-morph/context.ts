/**
 * What the parts of <sentence-morph> (its controllers and templates) share with the element: the
 * attribute values in use, the model, and the element's services. The element updates
 * `settings` in place in `willUpdate`, so every part reads the values in use now.
 */
import type { ElementContext } from '../shared/element-context.js';
import type { Lang } from '../shared/i18n.js';
import type { Decoding } from '../../src/models/choices.js';
import type { MorpherProxy } from '../../src/worker/morpher-proxy.js';
import type { STRINGS } from './strings.js';

export type MorphStrings = (typeof STRINGS)[Lang];

/** The parsed attributes in use (a bad value is replaced by its fallback). */
export interface MorphSettings {
  steps: number;
  decoding: Decoding;
}

/** The two sentence boxes. */
export type InputSide = 'from' | 'to';

export interface MorphContext extends ElementContext<MorphStrings> {
  readonly settings: MorphSettings;
  /** The model, once loaded (undefined while the element is off the page). */
  morpher(): MorpherProxy | undefined;
}
