/**
 * <ge-line-chart>: a few series over time as an SVG polyline chart (losses, divergences).
 * Set `.series` to [{label, color, values}]; long series are thinned to the chart's width.
 */
import { LitElement, css, html, svg } from 'lit';
import { defineElement } from './define.js';
import { cssProperties } from './css-properties.js';

export interface ChartSeries {
  label: string;
  color: string;
  values: readonly number[];
}

const WIDTH = 300;
const HEIGHT = 120;
const PAD = { left: 34, right: 6, top: 6, bottom: 16 };

export class LineChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    label: { type: String },
    xLabel: { type: String, attribute: 'x-label' },
  };
  static override styles = css`
    :host {
      display: block;
      font-size: 11px;
      color: var(--ge-muted, #6b7280);
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
      overflow: visible;
    }
    svg text {
      font-size: 6px;
    }
    .legend {
      display: flex;
      gap: 10px;
      flex-wrap: wrap;
    }
    .swatch {
      display: inline-block;
      width: 10px;
      height: 3px;
      vertical-align: middle;
      margin-right: 4px;
    }
  `;

  series: ChartSeries[] = [];
  label = '';
  xLabel = '';

  override render() {
    const finite = this.series.flatMap((s) => s.values.filter(Number.isFinite));
    const lo = finite.length ? Math.min(0, ...finite) : 0;
    const hi = finite.length ? Math.max(...finite, lo + 1e-6) : 1;
    const longest = Math.max(1, ...this.series.map((s) => s.values.length));
    const x = (i: number) =>
      PAD.left + (i / Math.max(1, longest - 1)) * (WIDTH - PAD.left - PAD.right);
    const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
    const stride = Math.max(1, Math.ceil(longest / (WIDTH - PAD.left - PAD.right)));
    const line = (values: readonly number[]) => {
      const points: string[] = [];
      for (let i = 0; i < values.length; i += stride)
        if (Number.isFinite(values[i]))
          points.push(`${x(i).toFixed(1)},${y(values[i]).toFixed(1)}`);
      const last = values.length - 1;
      if (last >= 0 && last % stride !== 0 && Number.isFinite(values[last]))
        points.push(`${x(last).toFixed(1)},${y(values[last]).toFixed(1)}`);
      return points.join(' ');
    };
    return html`
      <div class="legend">
        ${this.series.map((s) => {
          const last = s.values[s.values.length - 1];
          return html`<span
            ><span class="swatch" ${cssProperties({ background: s.color })}></span
            >${s.label}${last !== undefined ? `: ${last.toFixed(3)}` : ''}</span
          >`;
        })}
      </div>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this.label}>
        <line
          x1=${PAD.left}
          y1=${HEIGHT - PAD.bottom}
          x2=${WIDTH - PAD.right}
          y2=${HEIGHT - PAD.bottom}
          stroke="currentColor"
          stroke-width="0.5"
        />
        <line
          x1=${PAD.left}
          y1=${PAD.top}
          x2=${PAD.left}
          y2=${HEIGHT - PAD.bottom}
          stroke="currentColor"
          stroke-width="0.5"
        />
        <text x=${PAD.left - 3} y=${PAD.top + 8} text-anchor="end" fill="currentColor">
          ${hi.toPrecision(3)}
        </text>
        <text x=${PAD.left - 3} y=${HEIGHT - PAD.bottom} text-anchor="end" fill="currentColor">
          ${lo.toPrecision(3)}
        </text>
        <text x=${WIDTH - PAD.right} y=${HEIGHT - 3} text-anchor="end" fill="currentColor">
          ${this.xLabel} ${longest}
        </text>
        ${this.series.map((s) => svg`<polyline points=${line(s.values)} fill="none" stroke=${s.color} stroke-width="1.5" />`)}
      </svg>
    `;
  }
}

defineElement('ge-line-chart', LineChart);

declare global {
  interface HTMLElementTagNameMap {
    'ge-line-chart': LineChart;
  }
}
