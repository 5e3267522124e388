/**
 * Errors across the worker boundary. A structured clone keeps only an Error's name and message;
 * the elements also need its problem code (to say it in their language), its cause, and the
 * class the page can check for (WeightsError, SentenceInputError, AbortError, RangeError…).
 */
import { WeightsError } from '../runtime/weights-error.js';
import { SentenceInputError, type SentenceProblem } from '../data/sentence-input.js';
import { ImageInputError } from '../data/digit-image.js';
import type { Problem } from '../runtime/problem.js';
import type { SerializedError } from './protocol.js';

const KEPT_FIELDS = ['problem', 'count', 'limit', 'url', 'status'];

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error) && !(error instanceof DOMException))
    return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const key of KEPT_FIELDS) {
    const value: unknown = Reflect.get(error, key);
    // A problem object goes in `problem`; a SentenceInputError's problem is a word, kept as a field.
    if (value === undefined || (key === 'problem' && typeof value === 'object')) continue;
    fields[key] = value;
  }
  const problem: unknown = Reflect.get(error, 'problem');
  return {
    name: error.name,
    message: error.message,
    ...(isProblem(problem) ? { problem } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(error.cause !== undefined && depth < 4
      ? { cause: serializeError(error.cause, depth + 1) }
      : {}),
  };
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
  );
}

const STANDARD: Record<string, ErrorConstructor> = {
  RangeError,
  TypeError,
  SyntaxError,
};

export function reviveError(data: SerializedError): Error {
  const cause = data.cause ? reviveError(data.cause) : undefined;
  const options = cause ? { cause } : undefined;
  let error: Error;
  if (data.name === 'AbortError') {
    error = new DOMException(data.message, 'AbortError');
  } else if (data.name === 'WeightsError') {
    error = new WeightsError(data.message, { cause, problem: data.problem });
  } else if (data.name === 'ImageInputError') {
    error = new ImageInputError(data.message, options);
  } else if (data.name === 'SentenceInputError') {
    const { problem, count, limit } = data.fields ?? {};
    error = new SentenceInputError(
      isSentenceProblem(problem) ? problem : 'empty',
      typeof count === 'number' ? count : 0,
      typeof limit === 'number' ? limit : 0,
    );
  } else {
    error = new (STANDARD[data.name] ?? Error)(data.message, options);
    if (!(data.name in STANDARD)) error.name = data.name;
    if (data.problem) Object.assign(error, { problem: data.problem });
  }
  if (data.fields) {
    for (const [key, value] of Object.entries(data.fields)) {
      if (!(key in error)) Object.assign(error, { [key]: value });
    }
  }
  return error;
}

const SENTENCE_PROBLEMS: readonly unknown[] = [
  'empty',
  'tooManyWords',
  'tooLong',
] satisfies SentenceProblem[];

function isSentenceProblem(value: unknown): value is SentenceProblem {
  return SENTENCE_PROBLEMS.includes(value);
}
