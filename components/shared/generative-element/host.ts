/**
 * The element as its parts (model lifecycle, training session, weights...) see it. The members
 * they need are protected on GenerativeElement, so the element hands them over as closures:
 * every call still goes through the element, and a subclass that overrides one is obeyed.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BackendPreference } from '../../../src/runtime/config.js';
import type { ElementState } from '../shareable-state.js';
import type { SHARED_STRINGS } from '../strings.js';
import type { BundledWeights, WeightsSource } from '../../../src/runtime/weights-source.js';
import type { ElementContext } from '../element-context.js';

export type Phase = 'idle' | 'loading' | 'ready' | 'training';

export type SharedStrings = (typeof SHARED_STRINGS)['en'];

/** What the parts use of the element's public API. */
export interface PublicElement extends HTMLElement, ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  readonly backend: BackendPreference;
  readonly weights: string | null;
  readonly loading: 'lazy' | 'eager';
  readonly ready: Promise<void>;
  loadWeights(source: WeightsSource): Promise<void>;
  saveWeights(name: string): Promise<void>;
  exportWeights(): Promise<void>;
  stopTraining(): void;
  setState(state: ElementState): void;
  shareLink(): string;
}

/** What the element's own parts use, and its subclass's parts get (see ./context.ts). */
export type SharedServices = Omit<
  ElementContext<unknown>,
  'host' | 'strings' | 'ready' | 'root' | 'stopTraining' | 'renderWeightControls'
>;

export interface ElementHost extends SharedServices {
  readonly element: PublicElement;
  getPhase(): Phase;
  setPhase(phase: Phase): void;
  setStatusText(text: string): void;
  strings(): SharedStrings;
  loadModel(source: string | null): Promise<void>;
  weightsToPrefetch(): BundledWeights[];
  drawFirstOutput(): Promise<void>;
  releaseModel(): Promise<void>;
  applyWeights(source: WeightsSource): Promise<void>;
  /** The first output is drawn: the poster goes. */
  firstOutputDrawn(): void;
  startModel(): Promise<void>;
  rebuilding(work: () => Promise<void>): Promise<void>;
  updateStatus(message?: string): void;
}
