/**
 * Attributes as the reader wrote them. Each shared attribute's property parses the text on every
 * read, so the text is what is kept; `willUpdate` then checks it and says what is used instead.
 */
import type { LitElement } from 'lit';

/** Sentinel old value: makes Lit treat every set of an attribute-backed property as a change. */
const ALWAYS_CHANGED = Symbol('always changed');

/** The text each attribute was given, by attribute name, whether set as attribute or property. */
export class AttributeTexts {
  readonly #texts = new Map<string, string | null>();

  constructor(private readonly host: LitElement) {}

  /**
   * Records the text given through the attribute or its property (Lit calls the property's
   * setter for an attribute change) and schedules an update. Every set counts as a change, so
   * setting the same `seed` again re-seeds.
   */
  set(property: string, value: unknown): void {
    const attribute =
      [...attributesOf(this.host.constructor as typeof LitElement)].find(
        ([, p]) => p === property,
      )?.[0] ?? property.toLowerCase();
    // Any value becomes the text the DOM's setAttribute would write: String(value), objects too.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- that conversion is the point
    this.#texts.set(attribute, value === null || value === undefined ? null : String(value));
    this.host.requestUpdate(property, ALWAYS_CHANGED);
  }

  /** The text an attribute was given (by attribute name), or null when unset. */
  get(attribute: string): string | null {
    return this.#texts.get(attribute) ?? null;
  }
}

/** Each element class's attributes (attribute name → property), read once from its Lit declarations. */
const declaredAttributes = new WeakMap<typeof LitElement, Map<string, string>>();

export function attributesOf(element: typeof LitElement): Map<string, string> {
  let attributes = declaredAttributes.get(element);
  if (!attributes) {
    attributes = new Map();
    for (const [property, declaration] of element.elementProperties) {
      if (declaration.state || declaration.attribute === false) continue;
      attributes.set(
        typeof declaration.attribute === 'string'
          ? declaration.attribute
          : String(property).toLowerCase(),
        String(property),
      );
    }
    declaredAttributes.set(element, attributes);
  }
  return attributes;
}

/** A seed: null when unset, undefined when unusable, else the integer. */
export function parseSeed(text: string | null): number | null | undefined {
  if (text === null || text.trim() === '') return null;
  const seed = Number(text);
  return Number.isSafeInteger(seed) ? seed : undefined;
}
