/**
 * What <gan-arena>'s parts (its controllers and templates) may read and ask of the element:
 * GenerativeElement's services, the arena's state, read live (a part never keeps a copy that
 * could go stale), and the element's public actions the buttons call. No part imports the element.
 */
import type { GanProxy, GanSettings } from '../../src/worker/gan-proxy.js';
import type { Point, ToyDistribution } from '../../src/data/toy-distributions.js';
import type { ElementContext } from '../shared/element-context.js';
import type { Lang } from '../shared/i18n.js';
import type { ArenaMode } from './attributes.js';
import type { STRINGS } from './strings.js';

export type ArenaStrings = (typeof STRINGS)[Lang];

/** The element's public methods the buttons call: a button does what the page's script can. */
export interface ArenaActions {
  step(): Promise<unknown>;
  reset(): Promise<void>;
  stepDiscriminator(): Promise<unknown>;
  stepGenerator(): Promise<unknown>;
  exportWeights(): Promise<void>;
}

export interface ArenaContext extends ElementContext<ArenaStrings> {
  /** The networks, or undefined before they are made and once released. */
  trainer(): GanProxy | undefined;
  /** The `mode`, `distribution` and training settings in use (a bad value gives its fallback). */
  mode(): ArenaMode;
  distribution(): ToyDistribution;
  settings(): GanSettings;
  /** The points the user placed for `custom`. */
  customPoints(): readonly Point[];
  setCustomPoints(points: Point[]): void;
  /** Whether the game plays (the `running` attribute). */
  running(): boolean;
  setRunning(running: boolean): void;
  /** Whether the networks run in the page's worker (null until started). */
  runsInWorker(): boolean | null;
  readonly actions: ArenaActions;
}
