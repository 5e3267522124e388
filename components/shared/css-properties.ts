/**
 * `<div ${cssProperties({ top: '20%' })}>`: inline styles set through the CSSOM
 * (`element.style.setProperty`), never as a `style` attribute. A page whose CSP says
 * `style-src 'self'` blocks style attributes written from markup (Lit's `style="${…}"` and even
 * `styleMap` on first render), but allows the CSSOM.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssPropertiesDirective extends Directive {
  #applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('cssProperties() belongs on an element: <div ${cssProperties({…})}>');
  }

  render(_properties: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.#applied) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#applied = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
