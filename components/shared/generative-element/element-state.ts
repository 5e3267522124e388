/**
 * An element's shareable state (see ../shareable-state.ts) read from and written to its
 * attributes, the link that carries it, and the `share` part that copies that link.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import {
  checkState,
  MAX_LINK_LENGTH,
  stateFragment,
  stateFromFragment,
  type ElementState,
} from '../shareable-state.js';
import { attributesOf } from './attribute-texts.js';
import { format } from '../i18n.js';
import type { ElementHost } from './host.js';

/**
 * Every attribute given (as attribute, or as property before the element wrote it back), plus
 * what the element adds. Never weights.
 */
export function readState(
  element: LitElement,
  attributeText: (attribute: string) => string | null,
  extras: () => Record<string, unknown>,
): ElementState {
  const attributes: Record<string, string> = {};
  for (const name of attributesOf(element.constructor as typeof LitElement).keys()) {
    const text = element.getAttribute(name) ?? attributeText(name);
    if (text !== null) attributes[name] = text;
  }
  const added = extras();
  return Object.keys(added).length ? { attributes, extras: added } : { attributes };
}

/**
 * Sets the state's attributes and removes the others (but `loading`: a shared link should not
 * make a page load eagerly or lazily); returns the extras, for the element to check and apply.
 */
export function writeAttributes(element: LitElement, state: ElementState): Record<string, unknown> {
  const checked = checkState(state);
  const known = attributesOf(element.constructor as typeof LitElement);
  const unknown = Object.keys(checked.attributes).filter((name) => !known.has(name));
  if (unknown.length)
    throw new RangeError(`setState: this element has no attribute ${unknown.join(', ')}.`);
  for (const name of known.keys()) {
    if (name in checked.attributes) element.setAttribute(name, checked.attributes[name]);
    else if (name !== 'loading') element.removeAttribute(name);
  }
  return checked.extras ?? {};
}

/** The page URL with the state of the element `id` in its fragment, if short enough for a link. */
export function shareLinkFor(id: string, state: () => ElementState): string {
  if (!id)
    throw new Error(
      'shareLink: give the element an id, so the link can say which element it is for.',
    );
  const fragment = stateFragment(id, state());
  const link = `${location.href.split('#')[0]}#${fragment}`;
  if (link.length > MAX_LINK_LENGTH)
    throw new RangeError(
      `shareLink: the link would be ${link.length} characters, more than ${MAX_LINK_LENGTH}.`,
    );
  return link;
}

/** The state the page URL's fragment holds for the element `id`, if any (an Error if unreadable). */
function stateInPageUrl(id: string): ElementState | Error | undefined {
  if (!id || !location.hash) return undefined;
  return stateFromFragment(location.hash, id);
}

/**
 * On connection, an element with an id takes its state from the page URL's fragment, if there
 * is one; a state it cannot use is shown, under 'state'.
 */
export function applyStateFromUrl(host: ElementHost): void {
  const state = stateInPageUrl(host.element.id);
  if (state === undefined) return;
  try {
    if (state instanceof Error) throw state;
    host.element.setState(state);
    host.clearError('state');
  } catch (cause) {
    host.showError(
      'state',
      format(host.strings().badState, { reason: host.describe(cause) }),
      cause,
    );
  }
}

/** The `share` part: a button that copies the link, and the last link made, to select by hand. */
export function renderShareRow(
  host: ElementHost,
  sharedLink: string,
  remember: (link: string) => void,
): TemplateResult {
  const s = host.strings();
  const copy = () =>
    host.guard('share', async () => {
      const link = host.element.shareLink();
      remember(link);
      await navigator.clipboard?.writeText(link).catch(() => undefined);
    });
  return html`<div class="row share">
    <button type="button" @click=${copy}>${s.copyLink}</button>
    ${sharedLink ? html`<input type="text" readonly aria-label=${s.copyLink} .value=${sharedLink} />` : nothing}
  </div>`;
}
