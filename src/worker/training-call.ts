/**
 * A fineTune call as a message: the numbers of its options travel; its signal and progress
 * callback stay in the page and reach the host as abort, gate and progress messages.
 */
import type { FineTuneOptions } from '../runtime/step-loop.js';
import type { CallOptions } from './connection.js';

export function trainingCall(
  method: string,
  data: unknown[],
  options: FineTuneOptions,
): [string, unknown[], CallOptions] {
  const { signal, onProgress, ...numbers } = options;
  return [
    method,
    [...data, numbers],
    { signal: signal ?? new AbortController().signal, onProgress },
  ];
}
