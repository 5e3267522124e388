/**
 * What <gan-arena>'s templates (templates.ts, side-panel.ts) read: the arena's context, and the
 * parts that keep the game's state. A file of its own, so the templates can share it without
 * importing one another.
 */
import type { ArenaContext } from './context.js';
import type { RealDataChoice } from './real-data.js';
import type { ArenaRounds } from './rounds.js';
import type { ArenaViews } from './views.js';

export interface ArenaView {
  context: ArenaContext;
  rounds: ArenaRounds;
  real: RealDataChoice;
  views: ArenaViews;
}
