// Event detail types shared by every element (see the events of docs/reference/, generated from the manifest).
import type { BackendName } from '../../src/runtime/config.js';

export interface ModelReadyDetail {
  backend: BackendName;
  loadMs: number;
}
export interface ModelErrorDetail {
  message: string;
  cause?: unknown;
}
export interface TrainProgressDetail {
  step: number;
  totalSteps: number;
  losses: Record<string, number>;
}
export interface TrainEndDetail {
  steps: number;
  losses: Record<string, number>;
  aborted: boolean;
}

export interface GenerativeElementEventMap {
  'model-ready': CustomEvent<ModelReadyDetail>;
  'model-error': CustomEvent<ModelErrorDetail>;
  'train-progress': CustomEvent<TrainProgressDetail>;
  'train-end': CustomEvent<TrainEndDetail>;
}

declare global {
  interface HTMLElementEventMap {
    'model-ready': CustomEvent<ModelReadyDetail>;
    'model-error': CustomEvent<ModelErrorDetail>;
    'train-progress': CustomEvent<TrainProgressDetail>;
    'train-end': CustomEvent<TrainEndDetail>;
  }
}
