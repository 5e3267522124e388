/**
 * What <vae-latent-explorer>'s templates show: the element's state through its context, and the
 * parts that keep the rest (the source digit, the grid's focus, the fine-tuning). The templates
 * read it and call the parts' and the context's actions; they keep no state of their own.
 */
import type { ExplorerContext } from './context.js';
import type { FineTuning } from './fine-tuning.js';
import type { GridFocus } from './grid-focus.js';
import type { SourceDigit } from './source-digit.js';

export interface ExplorerView {
  context: ExplorerContext;
  source: SourceDigit;
  focus: GridFocus;
  fineTuning: FineTuning;
}
