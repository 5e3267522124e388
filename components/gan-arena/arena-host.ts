/**
 * What <gan-arena>'s parts and templates may read and ask of the element: its state, read live
 * (a part never keeps a copy that could go stale), and the few element services they use. The
 * element makes one and hands it to each part, so no part needs the element's private members.
 */
import type { TemplateResult } from 'lit';
import type { GanProxy, GanSettings } from '../../src/worker/gan-proxy.js';
import type { Point, ToyDistribution } from '../../src/data/toy-distributions.js';
import type { Lang } from '../shared/i18n.js';
import type { ArenaMode } from './attributes.js';
import type { STRINGS } from './strings.js';
import type { GanArena } from './gan-arena.js';

export type ArenaStrings = (typeof STRINGS)[Lang];

export interface ArenaHost {
  /** The element itself, for its public API. */
  readonly arena: GanArena;
  /** The networks, or undefined before they are made and once released. */
  trainer(): GanProxy | undefined;
  mode(): ArenaMode;
  distribution(): ToyDistribution;
  /** The points the user placed for `custom`. */
  customPoints(): readonly Point[];
  setCustomPoints(points: Point[]): void;
  settings(): GanSettings;
  strings(): ArenaStrings;
  lang(): Lang;
  /** A seed from the element's generator (the `seed` attribute makes a run repeatable). */
  nextSeed(): number;
  /** The element's shadow root: its canvases and drawing pad. */
  root(): ParentNode;
  /** Renders the element again: state a part keeps has changed. */
  requestUpdate(): void;
  /** Resolves once the networks can be used, starting them if they were waiting. */
  modelReady(): Promise<void>;
  emit<T>(name: string, detail: T): void;
  /** Shows a problem inside the element (and sends `model-error`); `key` says which one. */
  showError(key: string, message: string, cause?: unknown): void;
  clearError(key: string): void;
  describe(cause: unknown): string;
  /** Fine-tuning is under way. */
  isTraining(): boolean;
  /** Whether the element is in the viewport of a visible tab. */
  isOnScreen(): boolean;

  // For the templates:
  /** The networks can be used: ready, or fine-tuning. */
  ready(): boolean;
  /** Whether the `controls` attribute shows this part of the controls. */
  shows(part: string): boolean;
  showsEverything(): boolean;
  /** The status line and the error box. */
  status(): TemplateResult;
}
