/**
 * The model's prediction for one pixel, drawn as bars (SVG): one bar per palette colour, in that
 * colour, as tall as its probability (1-of-N made visible); for a sigmoid model, its R, G and B
 * means and a swatch of the colour they make.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { Palette } from '../../src/data/palette.js';
import { cssProperties } from '../shared/css-properties.js';

export interface BarsInput {
  encoding: 'one-hot' | 'sigmoid';
  palette: Palette;
  /** N probabilities, or an RGB mean in [0, 1]. */
  values: ArrayLike<number>;
  /** The palette index (one-hot) drawn at this pixel, if drawn. */
  drawnIndex?: number;
  /** Accessible names: per palette colour (one-hot) and the sigmoid swatch. */
  colourName: (index: number) => string;
  meanColourName: string;
}

const HEIGHT = 60;

export function renderPredictionBars(input: BarsInput): TemplateResult {
  const { values, palette } = input;
  if (input.encoding === 'sigmoid') {
    const rgb = [0, 1, 2].map((k) => Math.round(Math.min(1, Math.max(0, values[k])) * 255));
    const channels = ['#dc2626', '#16a34a', '#2563eb'];
    return html`<div class="bars sigmoid">
      <svg
        viewBox="0 0 66 ${HEIGHT}"
        role="img"
        aria-label=${`${input.meanColourName}: R ${rgb[0]}, G ${rgb[1]}, B ${rgb[2]}`}
      >
        ${[0, 1, 2].map((k) => {
          const h = Math.min(1, Math.max(0, values[k])) * HEIGHT;
          return svg`<rect x=${k * 22 + 2} y=${HEIGHT - h} width="18" height=${h} fill=${channels[k]}></rect>`;
        })}
      </svg>
      <span
        class="swatch"
        title=${input.meanColourName}
        ${cssProperties({ background: `rgb(${rgb.join(',')})` })}
      ></span>
    </div>`;
  }
  const n = values.length;
  const width = Math.max(4, Math.floor(320 / n));
  let best = 0;
  for (let k = 1; k < n; k++) if (values[k] > values[best]) best = k;
  return html`<div class="bars">
    <svg
      viewBox="0 0 ${n * width} ${HEIGHT + 6}"
      role="img"
      aria-label=${`${input.colourName(best)}: ${Math.round(values[best] * 100)}%`}
    >
      ${Array.from({ length: n }, (_, k) => {
        const h = Math.max(0.5, values[k] * HEIGHT);
        const [r, g, b] = palette[k];
        return svg`<rect x=${k * width + 0.5} y=${HEIGHT - h} width=${width - 1} height=${h}
            fill="rgb(${r},${g},${b})" stroke="#9ca3af" stroke-width="0.5"><title>${input.colourName(k)}: ${(values[k] * 100).toFixed(1)}%</title></rect>
          ${k === input.drawnIndex ? svg`<rect x=${k * width + 0.5} y=${HEIGHT + 2} width=${width - 1} height="3" fill="currentColor"></rect>` : nothing}`;
      })}
    </svg>
  </div>`;
}
