/** How a problem reads inside an element: in its language when the error carries a code. */
import { format, type Lang } from '../i18n.js';
import { PROBLEM_STRINGS } from '../problem-strings.js';
import type { Problem } from '../../../src/runtime/problem.js';

/** The first coded problem along the error's `cause` chain, in `lang`; else the error's message. */
export function describeProblem(cause: unknown, lang: Lang): string {
  for (let error = cause; error instanceof Error; error = error.cause) {
    const problem = (error as Error & { problem?: Problem }).problem;
    const template = problem && (PROBLEM_STRINGS[lang] as Record<string, string>)[problem.code];
    if (template) return format(template, problem.params ?? {});
  }
  return errorText(cause);
}

/** A value as quoted in a message: at most 60 characters, so a huge attribute cannot flood the page. */
export function clip(text: string, limit = 60): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
