/**
 * The attributes every element shares besides `weights` and `poster`: `backend`, `seed`,
 * `loading` and `controls`. Each is kept as the text the reader gave and parsed on every read,
 * so a bad value can be reported once it is checked and a good one set later simply works.
 */
import type { LitElement } from 'lit';
import { BACKEND_PREFERENCES, type BackendPreference } from '../../../src/runtime/config.js';
import { controlsText, parseControls, type ParsedControls } from '../controls.js';
import { format } from '../i18n.js';
import { AttributeTexts, parseSeed } from './attribute-texts.js';
import { clip } from './describe-problem.js';
import type { ElementHost } from './host.js';

/** An attribute check, as `report` takes it: attribute, valid, fallback, reason. */
export type AttributeCheck = [attribute: string, valid: boolean, fallback: string, reason: string];

/** An element class, with its static `controlParts`. */
interface WithControlParts {
  controlParts: readonly string[];
}

export class SharedAttributes {
  readonly texts: AttributeTexts;
  /** `controls` parsed once per text: templates ask `shows()` many times per render. */
  #parsedControls: { text: string | null; parsed: ParsedControls } | undefined;

  constructor(
    private readonly host: LitElement,
    /** The element's closures (made after this part): its strings and error display. */
    private readonly services: () => Pick<ElementHost, 'strings' | 'showError' | 'clearError'>,
  ) {
    this.texts = new AttributeTexts(host);
  }

  /** The part tokens `controls` can name, in display order: the element class's `controlParts`. */
  knownParts(): readonly string[] {
    return (this.host.constructor as unknown as WithControlParts).controlParts;
  }

  /** An unknown value means `auto`. */
  backend(): BackendPreference {
    const text = this.texts.get('backend');
    return BACKEND_PREFERENCES.includes(text as BackendPreference)
      ? (text as BackendPreference)
      : 'auto';
  }

  /** null when unset, undefined when unusable. */
  seed(): number | null | undefined {
    return parseSeed(this.texts.get('seed'));
  }

  loading(): 'lazy' | 'eager' {
    return this.texts.get('loading') === 'eager' ? 'eager' : 'lazy';
  }

  controls(): ParsedControls {
    const text = this.texts.get('controls');
    if (this.#parsedControls?.text !== text)
      this.#parsedControls = { text, parsed: parseControls(text, this.knownParts()) };
    return this.#parsedControls.parsed;
  }

  /** The canonical `controls` text of what is shown. */
  controlsText(): string {
    return controlsText(this.controls().shown, this.knownParts());
  }

  /** The checks of the attributes in `changed`, in a fixed order. */
  checks(changed: ReadonlyMap<PropertyKey, unknown>): AttributeCheck[] {
    const s = this.services().strings();
    const text = (attribute: string) => this.texts.get(attribute);
    const checks: AttributeCheck[] = [];
    if (changed.has('backend')) {
      const valid = text('backend') === null || text('backend') === this.backend();
      checks.push(['backend', valid, 'auto', s.unknownBackend]);
    }
    if (changed.has('loading')) {
      const valid = text('loading') === null || text('loading') === this.loading();
      checks.push(['loading', valid, 'lazy', s.expectedLoading]);
    }
    if (changed.has('controls')) {
      const { unknown } = this.controls();
      const known = this.knownParts();
      const reason = format(s.unknownParts, { unknown: unknown.join(' '), known: known.join(' ') });
      checks.push(['controls', unknown.length === 0, this.controlsText(), reason]);
    }
    if (changed.has('seed'))
      checks.push(['seed', this.seed() !== undefined, s.randomSeed, s.expectedInteger]);
    return checks;
  }

  /** Records whether an attribute's value is usable; if not, shows why and what is used instead. */
  report(...[attribute, valid, fallback, reason]: AttributeCheck): void {
    const key = `attribute:${attribute}`;
    const { showError, clearError } = this.services();
    if (valid) clearError(key);
    else showError(key, this.problem(attribute, reason, fallback));
  }

  /** Why an attribute's text cannot be used, and what is used instead. */
  problem(attribute: string, reason: string, fallback: string): string {
    const value = clip(this.texts.get(attribute) ?? '');
    return format(this.services().strings().badAttribute, { attribute, value, reason, fallback });
  }
}
