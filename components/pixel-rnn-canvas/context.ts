/**
 * What the parts of <pixel-rnn-canvas> (its controllers and templates) share with the element:
 * the attribute values in use, the painters, and the element's services. The element updates
 * `settings` in place in `willUpdate`, so every part reads the values in use now.
 */
import type { ElementContext } from '../shared/element-context.js';
import type { Lang } from '../shared/i18n.js';
import type { Dataset, Encoding, Speed } from './attributes.js';
import type { PainterSet } from './painters.js';
import type { STRINGS } from './strings.js';

export type CanvasStrings = (typeof STRINGS)[Lang];

/** The parsed attributes in use (a bad value is replaced by its fallback). */
export interface CanvasSettings {
  dataset: Dataset;
  encoding: Encoding;
  /** `compare` as in use: only the emoji models can be compared. */
  comparing: boolean;
  temperature: number;
  speed: Speed;
  count: number;
}

export interface CanvasContext extends ElementContext<CanvasStrings> {
  readonly settings: CanvasSettings;
  readonly painters: PainterSet;
}
