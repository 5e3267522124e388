/**
 * The template of one model's panel: a canvas per image (the painting scheduler paints them),
 * the cursor at the next pixel, the line under the given rows, and once drawn, −log p(x) and the
 * colours' saturation beside the held-out images'.
 */
import { html, nothing } from 'lit';
import { format, formatNumber } from '../shared/i18n.js';
import { cssProperties } from '../shared/css-properties.js';
import type { ModelKey } from './assets.js';
import type { CanvasContext } from './context.js';
import { MODELS } from './painters.js';
import type { Panel, Saturation } from './panel.js';
import type { PredictionView } from './prediction-view.js';

export interface DrawingPanelInput {
  context: CanvasContext;
  key: ModelKey;
  /** The panel's place in the row (0: the main model). */
  index: number;
  /** Its drawing, if one has started for this model. */
  panel: Panel | undefined;
  /** The held-out images' saturation, if loaded. */
  dataSaturation: Saturation | undefined;
  /** Follows the pointer over the canvases. */
  prediction: PredictionView;
}

export function renderDrawingPanel(input: DrawingPanelInput) {
  const { context, key, index: p, panel, dataSaturation, prediction } = input;
  const s = context.strings();
  const { count } = context.settings;
  const config = MODELS[key].config;
  const size = config.height;
  const title =
    key === 'digits' ? s.digitsPanel : config.encoding === 'one-hot' ? s.oneHot : s.sigmoid;
  const note =
    key === 'digits'
      ? s.digitsNote
      : config.encoding === 'one-hot'
        ? format(s.oneHotNote, { n: config.paletteSize })
        : s.sigmoidNote;
  const columns = Math.ceil(Math.sqrt(count));
  const position = panel && !panel.painting.done ? panel.painting.position : null;
  const lang = context.lang();
  return html`<div
    role="group"
    class="panel ${key === 'digits' ? 'dark' : ''}"
    part="panel"
    data-encoding=${config.encoding}
    aria-label=${title}
  >
    <h3>${title}</h3>
    <p class="note">${note}</p>
    <div class="images" ${cssProperties({ '--columns': String(columns) })}>
      ${Array.from(
        { length: count },
        (_, i) =>
          html`<div class="image">
            <canvas
              data-panel=${p}
              data-image=${i}
              width=${size}
              height=${size}
              role="img"
              aria-label=${format(s.imageLabel, { n: i + 1, count })}
              @pointermove=${(event: PointerEvent) => prediction.onHover(event, p, i)}
              @pointerleave=${() => prediction.onLeave()}
            ></canvas>
            ${
              position
                ? html`<div
                    class="cursor"
                    ${cssProperties({
                      left: `${(position.column / size) * 100}%`,
                      top: `${(position.row / size) * 100}%`,
                      width: `${100 / size}%`,
                      height: `${100 / size}%`,
                    })}
                  ></div>`
                : nothing
            }
            ${
              panel && panel.painting.fromRow > 0
                ? html`<div
                    class="given-line"
                    ${cssProperties({ top: `${(panel.painting.fromRow / size) * 100}%` })}
                  ></div>`
                : nothing
            }
          </div>`,
      )}
    </div>
    ${
      panel?.nll
        ? html`<p class="numbers">
            <span class="nll"
              >${format(config.encoding === 'sigmoid' ? s.nllDensity : s.nll, { value: formatNumber(lang, mean(panel.nll)) })}</span
            >
            ${
              key === 'digits' || !panel.saturation
                ? nothing
                : html`<br /><span class="saturation"
                      >${format(s.saturation, {
                        all: formatNumber(lang, panel.saturation.all, 2),
                        coloured: formatNumber(lang, panel.saturation.coloured, 2),
                      })}</span
                    >
                    ${
                      dataSaturation
                        ? html`<br /><span class="note"
                              >${format(s.dataSaturation, {
                                all: formatNumber(lang, dataSaturation.all, 2),
                                coloured: formatNumber(lang, dataSaturation.coloured, 2),
                              })}</span
                            >`
                        : nothing
                    }`
            }
          </p>`
        : nothing
    }
  </div>`;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
