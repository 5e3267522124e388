/**
 * The top of every element's layout: its title and introduction, shown only when every part is
 * (`controls="all"`, the default).
 */
import { html, nothing } from 'lit';
import type { ElementContext } from './element-context.js';

export function renderHeading(context: ElementContext<unknown>, title: string, intro: string) {
  return context.showsEverything()
    ? html`<h2>${title}</h2>
        <p class="intro">${intro}</p>`
    : nothing;
}
