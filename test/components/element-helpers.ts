// Creating elements in tests: in the page with loading="eager", their model-error messages
// collected, and removed after each test once their tensors are freed.
import { nextEvent, settledTensorCount } from '../helpers.js';

type Tag = 'vae-latent-explorer' | 'gan-arena' | 'pixel-rnn-canvas' | 'sentence-morph';

/** `tag` with loading="eager" and `attributes`, in the page; waits for `waitFor` unless null. */
export async function createElement<K extends Tag>(
  tag: K,
  attributes: Record<string, string> = {},
  waitFor: 'model-ready' | null = 'model-ready',
) {
  const element = document.createElement(tag);
  element.setAttribute('loading', 'eager');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const errors: string[] = [];
  element.addEventListener('model-error', (event) => errors.push(event.detail.message));
  const ready = waitFor ? nextEvent(element, waitFor) : null;
  document.body.append(element);
  if (ready) await ready;
  return { element, errors };
}

/**
 * Inside a describe(): a function that creates `tag` like createElement, with `defaults` under
 * the attributes it is given, and removes every element it made after each test.
 */
export function elementMaker<K extends Tag>(tag: K, defaults: Record<string, string> = {}) {
  const created: HTMLElementTagNameMap[K][] = [];
  afterEach(async () => {
    created.splice(0).forEach((element) => element.remove());
    await settledTensorCount();
  });
  return async (
    attributes: Record<string, string> = {},
    waitFor: 'model-ready' | null = 'model-ready',
  ) => {
    const result = await createElement(tag, { ...defaults, ...attributes }, waitFor);
    created.push(result.element);
    return result;
  };
}
