/**
 * What <vae-latent-explorer>'s parts and templates may read and ask of the element: its state,
 * read live (a part never keeps a copy that could go stale), and the few element services they
 * use. The element makes one and hands it to each part, so no part needs its private members.
 */
import type { TemplateResult } from 'lit';
import type { RemoteModel } from '../../src/worker/remote-model.js';
import type { SweepSpec } from '../../src/data/latent-grid.js';
import type { Rng } from '../../src/runtime/random.js';
import type { TrainingResult } from '../../src/runtime/training-result.js';
import type { TrainProgressDetail } from '../shared/events.js';
import type { Lang } from '../shared/i18n.js';
import type { MapPoint } from './code-map.js';
import type { STRINGS } from './strings.js';
import type { VaeLatentExplorer } from './vae-latent-explorer.js';

export type ExplorerStrings = (typeof STRINGS)[Lang];

export interface ExplorerHost {
  /** The element itself, for its public API. */
  readonly explorer: VaeLatentExplorer;
  /** The VAE, or undefined before it is made and once released. */
  model(): RemoteModel<'digit-vae'> | undefined;
  /** The centre code, as the element keeps it (read it, change it with `setCode`). */
  code(): Float32Array;
  /** The two swept dimensions in use. */
  sweepDims(): [number, number];
  /** Cells per side of the grid in use. */
  gridSize(): number;
  /** The grid around the centre code: the swept dimensions, cells per side and range. */
  sweep(): SweepSpec;
  /** The starters' codes for `show-map`. */
  mapPoints(): MapPoint[];
  strings(): ExplorerStrings;
  lang(): Lang;
  /** The element's random numbers (the `seed` attribute makes a run repeatable). */
  rng(): Rng;
  /** The element's shadow root: its grid canvas and drawing pad. */
  root(): ParentNode;
  /** Renders the element again: state a part keeps has changed. */
  requestUpdate(): void;
  /** Runs `action`; a failure is shown inside the element under `key`, and cleared by a success. */
  guard(key: string, action: () => Promise<unknown>): Promise<void>;
  /** Runs a training with an AbortSignal, status, and the train-progress / train-end events. */
  runTraining(
    train: (
      signal: AbortSignal,
      onProgress: (p: TrainProgressDetail) => void,
    ) => Promise<TrainingResult>,
    outerSignal?: AbortSignal,
  ): Promise<TrainingResult>;
  /** Encodes the starters again for the map. */
  encodeMap(): Promise<void>;
  /** Fine-tuning is under way. */
  isTraining(): boolean;

  // For the templates:
  /** The model can be used: ready, or fine-tuning. */
  ready(): boolean;
  /** Whether the `controls` attribute shows this part of the controls. */
  shows(part: string): boolean;
  showsEverything(): boolean;
  /** The status line and the error box. */
  status(): TemplateResult;
  /** The weights buttons (save, load, export). */
  weightControls(ready: boolean): TemplateResult;
}
