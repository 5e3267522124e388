/**
 * The messages between the page and the models' worker (and, in the fallback, the same messages
 * passed in the page). The page holds handles; the worker holds the model wrappers behind them.
 * Big numbers travel as typed arrays (transferred, not copied, where the sender lets them go).
 */
import type { BackendName, BackendPreference } from '../runtime/config.js';
import type { Problem } from '../runtime/problem.js';
import type { TrainingProgress } from '../runtime/step-loop.js';
import type { BundledWeights } from '../runtime/weights-source.js';
import type { ModelKind } from './served-types.js';

export type { ModelKind };

/** The handle of the host's image service (see image-inputs.ts); models have handles from 1 up. */
export const IMAGE_SERVICE = 0;

/** Page-wide settings the worker's copy of the runtime needs. */
export interface RuntimeSettings {
  backend: BackendPreference;
  assetBase?: string;
  fetchTimeoutMs?: number;
  /** Tests only: treat a software WebGPU adapter as hardware, so `auto` measures it. */
  measureSoftwareAdapter?: boolean;
}

export interface RuntimeInfo {
  backend: BackendName;
  /** Why a preferred backend was skipped or dropped, for the element's status line. */
  notes: string[];
  /** `auto` started on WASM beside a WebGPU adapter not measured yet (see backend-choice.ts). */
  measureOn?: string;
}

/** What `auto` measured: the median time of one representative step per backend, and the winner. */
export interface BackendMeasurement {
  adapter: string;
  ms: Partial<Record<BackendName, number>>;
  winner: BackendName;
}

export type Request =
  | { type: 'start'; id: number; settings: RuntimeSettings }
  /** The arguments of the kind's maker in served-models.ts (typed there, data here). */
  | { type: 'create'; id: number; handle: number; kind: ModelKind; args: unknown[] }
  | {
      type: 'call';
      id: number;
      handle: number;
      method: string;
      args: unknown[];
      /** The call takes a training's callbacks: progress messages and an abort. */
      training?: { progress: boolean };
    }
  /** Stops the training started by call `id` at its next step. */
  | { type: 'abort'; id: number }
  /** Frees a handle's model once the calls on it have settled. */
  | { type: 'release'; handle: number }
  | { type: 'memory'; id: number }
  /** After the first output: time the live models on each backend and keep the faster (`auto`). */
  | { type: 'measure'; id: number }
  /** Starts downloading bundled weights now, while the runtime starts; a later load takes them. */
  | { type: 'prefetch'; sources: BundledWeights[] };

export type Reply =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'progress'; id: number; progress: TrainingProgress };

/** An Error as data: its name, message and problem code survive the trip, and so does its cause. */
export interface SerializedError {
  name: string;
  message: string;
  problem?: Problem;
  /** Other own fields (e.g. a SentenceInputError's count). */
  fields?: Record<string, unknown>;
  cause?: SerializedError;
}
