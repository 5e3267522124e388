/**
 * What the parts of <pixel-rnn-canvas> (its controllers and templates) share with the element:
 * the attribute values in use, the painters, and the element's services. The element updates
 * `settings` in place in `willUpdate`, so every part reads the values in use now.
 */
import type { ElementContext } from '../shared/element-context.js';
import type { Lang } from '../shared/i18n.js';
import type { CanvasSettings } from './types.js';
import type { PainterSet } from './painters.js';
import type { STRINGS } from './strings.js';

export type CanvasStrings = (typeof STRINGS)[Lang];

export interface CanvasContext extends ElementContext<CanvasStrings> {
  readonly settings: CanvasSettings;
  readonly painters: PainterSet;
}
