/**
 * The explorer's grid: the canvas of decoded codes with the focused cell and, with `show-noise`,
 * the encoder's σ drawn over it, and the two menus that choose the swept dimensions.
 */
import { html, nothing, svg } from 'lit';
import { sweepValues } from '../../src/data/latent-grid.js';
import { DIGIT_SIZE } from '../../src/data/digit-image.js';
import { format } from '../shared/i18n.js';
import type { ExplorerContext } from './context.js';
import type { SourceDigit } from './source-digit.js';
import type { ExplorerView } from './view.js';

export function renderGrid({ context, source, focus }: ExplorerView, ready: boolean) {
  const s = context.strings();
  const { gridSize: g, dims } = context.sweep();
  const { row, column } = focus.cell;
  const [a, b] = dims;
  const dimOptions = (selected: number) =>
    Array.from(context.code().keys()).map(
      (d) =>
        html`<option value=${d} ?selected=${d === selected}>${format(s.dim, { n: d })}</option>`,
    );
  // Choosing a dimension the other axis sweeps swaps the two rather than sweeping one twice.
  const onSweepSelect = (axis: 0 | 1, event: Event) => {
    const current = context.sweep().dims;
    const chosen: [number, number] = [...current];
    chosen[axis] = Number((event.target as HTMLSelectElement).value);
    if (chosen[0] === chosen[1]) chosen[1 - axis] = current[axis];
    context.host.setAttribute('sweep-dims', chosen.join(','));
  };
  return html`<div role="group" aria-label=${s.grid}>
    <h3>${s.grid}</h3>
    <div
      class="grid-wrap"
      part="grid"
      tabindex=${ready ? 0 : -1}
      role="application"
      aria-label=${s.gridLabel}
      @click=${(event: MouseEvent) => focus.click(event)}
      @keydown=${(event: KeyboardEvent) => focus.key(event)}
    >
      <canvas class="grid" width=${g * DIGIT_SIZE} height=${g * DIGIT_SIZE}></canvas>
      <svg viewBox="0 0 ${g} ${g}" aria-hidden="true">
        <rect
          part="cell-focus"
          x=${column + 0.04}
          y=${row + 0.04}
          width="0.92"
          height="0.92"
          fill="none"
          stroke="var(--_accent)"
          stroke-width=${0.06}
        />
        ${context.showNoise() ? renderNoiseEllipse(context, source) : nothing}
      </svg>
    </div>
    <p class="visually-hidden" aria-live="polite">${focus.announcement}</p>
    <div class="axes">
      <label
        >${s.sweepX}
        <select @change=${(e: Event) => onSweepSelect(0, e)}>
          ${dimOptions(a)}
        </select></label
      >
      <label
        >${s.sweepY}
        <select @change=${(e: Event) => onSweepSelect(1, e)}>
          ${dimOptions(b)}
        </select></label
      >
    </div>
    <p class="note">${s.gridHelp}</p>
  </div>`;
}

/** One standard deviation of q(c | x) in the two swept dims, around the encoded mean. */
function renderNoiseEllipse(context: ExplorerContext, source: SourceDigit) {
  const { posterior } = source;
  if (!posterior) return nothing;
  const { dims, gridSize, range } = context.sweep();
  const [a, b] = dims;
  const code = context.code();
  const step = (2 * range) / (gridSize - 1);
  const xs = sweepValues(code[a], gridSize, range);
  const ys = sweepValues(code[b], gridSize, range);
  const cx = (posterior.mean[a] - xs[0]) / step + 0.5;
  const cy = gridSize - ((posterior.mean[b] - ys[0]) / step + 0.5);
  // An svg template: inside <svg>, an html one would make an HTML element that draws nothing.
  return svg`<ellipse
    class="noise"
    cx=${cx}
    cy=${cy}
    rx=${Math.exp(posterior.logVar[a] / 2) / step}
    ry=${Math.exp(posterior.logVar[b] / 2) / step}
    fill="none"
    stroke="#f59e0b"
    stroke-width="0.08"
  />`;
}
