/**
 * What an element's parts (its controllers and templates) may use of the element: the services
 * of GenerativeElement, made once by `createContext()`, read live (every call reads the element
 * as it is now: its language, its random stream, whether it is on screen). Each element's
 * context.ts extends this with its own state; no part imports its element.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import type { TrainProgressDetail } from './events.js';
import type { Lang } from './i18n.js';

export interface ElementContext<Strings> {
  /** The element, as the host its controllers add themselves to. */
  readonly host: ReactiveControllerHost & HTMLElement;
  /** The element's UI strings in its language. */
  strings(): Strings;
  lang(): Lang;
  /** Whether a part (a `controls` token) is rendered. */
  shows(part: string): boolean;
  /** Whether `controls` shows every part. */
  showsEverything(): boolean;
  /** The model can be used: ready, or fine-tuning. */
  ready(): boolean;
  isOnScreen(): boolean;
  whenOnScreen(): Promise<void>;
  isTraining(): boolean;
  /** A seed from the element's random stream (`seed` makes it repeatable). */
  nextSeed(): number;
  /** The element's shadow root: its canvases, inputs and drawing pad. */
  root(): ParentNode;
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
  /** The status line and the error box. */
  status(): TemplateResult;
}
