/**
 * The GenerativeElement services an element's parts use: the reactive controllers and templates
 * that an element keeps in files of their own. The services are protected on the element (they
 * are not public API), so the element hands them over in one object of arrow functions, and a
 * part never reaches into the element's internals. Each call reads the element as it is now
 * (its language, its seed's random stream, whether it is on screen).
 */
import type { TemplateResult } from 'lit';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import type { TrainProgressDetail } from './events.js';
import type { Lang } from './i18n.js';

export interface ElementServices<S> {
  /** The element's UI strings in its language. */
  strings(): S;
  lang(): Lang;
  /** Whether a part (a `controls` token) is rendered. */
  shows(part: string): boolean;
  isOnScreen(): boolean;
  whenOnScreen(): Promise<void>;
  isTraining(): boolean;
  /** A seed from the element's random stream (`seed` makes it repeatable). */
  nextSeed(): number;
  /** Resolves once the model is usable, starting it if it was waiting for the viewport. */
  modelReady(): Promise<void>;
  /** Runs a UI action, showing any failure inside the element (under `key`) instead of throwing. */
  guard(key: string, action: () => Promise<unknown>): Promise<void>;
  showError(key: string, message: string, cause?: unknown): void;
  clearError(key: string): void;
  /** A problem as the reader should see it, in the element's language. */
  describe(cause: unknown): string;
  emit<T>(name: string, detail: T): void;
  /** Runs `train` with an AbortSignal, status, and the train-progress / train-end events. */
  runTraining<T extends TrainingResult>(
    train: (signal: AbortSignal, report: (progress: TrainProgressDetail) => void) => Promise<T>,
    outerSignal?: AbortSignal,
  ): Promise<T>;
  stopTraining(): void;
  /** The weights controls every element shows (save, load, export, bundled, files). */
  renderWeightControls(storageName: string, ready: boolean): TemplateResult;
}
