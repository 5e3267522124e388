/**
 * Shareable state: what a reader set on an element (its attributes, plus what the element adds:
 * a code, points, sentences) as plain JSON, never weights; and the link that carries it in the
 * page URL's fragment, `#<element id>=<state>`, so a teacher can send exactly the figure a slide
 * talks about.
 */
export interface ElementState {
  /** Attribute values by attribute name; an absent attribute is left out. */
  attributes: Record<string, string>;
  /** What the element adds beyond its attributes (see each element's `stateExtras`). */
  extras?: Record<string, unknown>;
}

export const MAX_LINK_LENGTH = 2000;

/** The text after `#` for one element: `id=<URI-encoded JSON>`. */
export function stateFragment(id: string, state: ElementState): string {
  return `${encodeURIComponent(id)}=${encodeURIComponent(JSON.stringify(state))}`;
}

/** The state for `id` in a fragment such as `#a=…&b=…`; undefined when absent, an Error when unreadable. */
export function stateFromFragment(fragment: string, id: string): ElementState | Error | undefined {
  for (const pair of fragment.replace(/^#/, '').split('&')) {
    const split = pair.indexOf('=');
    if (split < 0 || safeDecode(pair.slice(0, split)) !== id) continue;
    try {
      return checkState(JSON.parse(safeDecode(pair.slice(split + 1)) ?? ''));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
  return undefined;
}

/** Checks the shape of a state object (the element then checks each value like an attribute). */
export function checkState(value: unknown): ElementState {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('A state is an object {attributes, extras}.');
  const { attributes, extras } = value as { attributes?: unknown; extras?: unknown };
  if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
    throw new TypeError('A state needs an "attributes" object.');
  for (const [name, text] of Object.entries(attributes)) {
    if (typeof text !== 'string')
      throw new TypeError(`The state's attribute "${name}" must be a string.`);
  }
  if (
    extras !== undefined &&
    (typeof extras !== 'object' || extras === null || Array.isArray(extras))
  ) {
    throw new TypeError('A state\'s "extras" must be an object.');
  }
  return value as ElementState;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
