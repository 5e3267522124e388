// Creating elements in tests: in the page with loading="eager", their model-error messages
// collected, and removed after each test once their tensors are freed; or idle, in a hidden box.
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

let idleBox: HTMLElement | undefined;

/**
 * `tag` with `attributes`, rendered, in a box the page never shows: with loading="lazy" (the
 * default) it never starts its model, so its attributes and UI can be checked without one.
 */
export async function idleElement<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  attributes: Record<string, string> = {},
): Promise<T> {
  if (!idleBox) {
    idleBox = document.createElement('div');
    idleBox.style.display = 'none';
    document.body.append(idleBox);
  }
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  idleBox.append(el);
  await el.updateComplete;
  return el;
}

/** A pointer event of `type` on `target`, at a fraction (fx, fy) of its box from the top left. */
export function pointerAt(target: Element, type: string, fx: number, fy: number): void {
  const rect = target.getBoundingClientRect();
  target.dispatchEvent(
    new PointerEvent(type, {
      clientX: rect.left + fx * rect.width,
      clientY: rect.top + fy * rect.height,
      pointerId: 1,
      bubbles: true,
    }),
  );
}
