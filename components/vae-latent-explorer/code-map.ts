/**
 * The map beside the grid (`show-map`): the bundled test digits encoded, each drawn in the plane
 * of the two swept dimensions as its mean with the ellipse of one σ, coloured by its class. Where
 * the ellipses of two digits overlap, the decoder has learned to make something between them:
 * the lecture's intuition for why a VAE's codes are smooth.
 */
import { svg, html, type TemplateResult } from 'lit';
import { cssProperties } from '../shared/css-properties.js';
import type { MapPoint } from './types.js';

/** Ten classes, ten colours distinguishable by most readers (Tableau 10). */
export const CLASS_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#6b6b6b',
];

/** Half-width of the plane shown, in standard deviations of the prior. */
const EXTENT = 4;

export function renderCodeMap(
  points: MapPoint[],
  dims: readonly [number, number],
  centre: Float32Array,
  label: string,
  title: string,
): TemplateResult {
  const [a, b] = dims;
  const y = (value: number) => -value; // up is positive
  return html`<figure class="code-map" part="map">
    <figcaption>${title}</figcaption>
    <svg viewBox="${-EXTENT} ${-EXTENT} ${2 * EXTENT} ${2 * EXTENT}" role="img" aria-label=${label}>
      <line x1=${-EXTENT} y1="0" x2=${EXTENT} y2="0" stroke="#9ca3af" stroke-width="0.02"></line>
      <line x1="0" y1=${-EXTENT} x2="0" y2=${EXTENT} stroke="#9ca3af" stroke-width="0.02"></line>
      ${points.map(
        (
          p,
        ) => svg`<ellipse cx=${p.mean[a]} cy=${y(p.mean[b])} rx=${Math.exp(p.logVar[a] / 2)} ry=${Math.exp(p.logVar[b] / 2)}
            fill=${CLASS_COLOURS[p.label]} fill-opacity="0.12" stroke=${CLASS_COLOURS[p.label]} stroke-width="0.03"></ellipse>
          <circle cx=${p.mean[a]} cy=${y(p.mean[b])} r="0.07" fill=${CLASS_COLOURS[p.label]}></circle>`,
      )}
      <path
        d="M ${centre[a] - 0.2} ${y(centre[b])} h 0.4 M ${centre[a]} ${y(centre[b]) - 0.2} v 0.4"
        stroke="#111827"
        stroke-width="0.06"
      ></path>
    </svg>
    <div class="map-legend">
      ${CLASS_COLOURS.map((colour, digit) => html`<span><span class="dot" ${cssProperties({ background: colour })}></span>${digit}</span>`)}
    </div>
  </figure>`;
}
