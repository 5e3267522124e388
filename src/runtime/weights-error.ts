/** The error every weights problem becomes (no TF.js here: the elements check for it too). */
import type { Problem } from './problem.js';

export class WeightsError extends Error {
  readonly problem?: Problem;
  constructor(message: string, options?: { cause?: unknown; problem?: Problem }) {
    super(message, options);
    this.name = 'WeightsError';
    this.problem = options?.problem;
  }
}
