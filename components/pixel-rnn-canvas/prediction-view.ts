/**
 * The prediction beside the canvases: the distribution the model predicted for one pixel, the
 * one just drawn or, while the pointer is over a drawn pixel, that one.
 */
import { html, nothing } from 'lit';
import { format } from '../shared/i18n.js';
import type { CanvasContext } from './context.js';
import { imageSizeOf } from './painters.js';
import type { Panel } from './panel.js';
import { renderPredictionBars } from './prediction-bars.js';

/** A pixel of one image of one panel. */
interface Focus {
  panel: number;
  image: number;
  row: number;
  column: number;
}

export class PredictionView {
  /** The pixel just drawn (of the first image of the first panel). */
  #drawn: Focus | null = null;
  /** The drawn pixel under the pointer; it wins over the one just drawn. */
  #hover: Focus | null = null;

  constructor(
    private readonly context: CanvasContext,
    /** The panels on show (the painting scheduler owns them). */
    private readonly panels: () => readonly Panel[],
  ) {}

  /** Forgets both pixels: they belonged to a drawing that is gone. */
  reset(): void {
    this.#drawn = null;
    this.#hover = null;
    this.context.host.requestUpdate();
  }

  showDrawn(position: { row: number; column: number }): void {
    this.#drawn = { panel: 0, image: 0, ...position };
    this.context.host.requestUpdate();
  }

  /** Follows the pointer over a canvas; only pixels already drawn have a prediction to show. */
  onHover(event: PointerEvent, panel: number, image: number): void {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const shown = this.panels()[panel];
    const size = shown?.format.size ?? imageSizeOf(this.context.settings);
    const column = Math.min(
      size - 1,
      Math.max(0, Math.floor(((event.clientX - rect.left) / rect.width) * size)),
    );
    const row = Math.min(
      size - 1,
      Math.max(0, Math.floor(((event.clientY - rect.top) / rect.height) * size)),
    );
    const predictions = shown?.painting.predictions[image];
    const depth = shown?.painter.distributionDepth ?? 1;
    this.#hover =
      predictions && !Number.isNaN(predictions[(row * size + column) * depth])
        ? { panel, image, row, column }
        : null;
    this.context.host.requestUpdate();
  }

  onLeave(): void {
    this.#hover = null;
    this.context.host.requestUpdate();
  }

  render() {
    const s = this.context.strings();
    const focus = this.#hover ?? this.#drawn;
    const panel = focus ? this.panels()[focus.panel] : undefined;
    let body = html`<p class="note">${s.predictionHint}</p>`;
    if (focus && panel) {
      const { size, palette, encoding } = panel.format;
      const depth = panel.painter.distributionDepth;
      const pixel = focus.row * size + focus.column;
      const values = panel.painting.predictions[focus.image].subarray(
        pixel * depth,
        (pixel + 1) * depth,
      );
      if (!Number.isNaN(values[0])) {
        const drawnIndex =
          encoding === 'one-hot' ? panel.painting.images[focus.image][pixel] : undefined;
        const colourName = (k: number) =>
          panel.key === 'digits' ? (k === 1 ? s.ink : s.paper) : format(s.colour, { n: k + 1 });
        body = html`<p class="where">
            ${format(s.predictionAt, { image: focus.image + 1, row: focus.row + 1, column: focus.column + 1 })}
          </p>
          ${renderPredictionBars({ encoding, palette, values, drawnIndex, colourName, meanColourName: s.meanColour })}
          ${drawnIndex !== undefined ? html`<p class="note">${format(s.drew, { value: colourName(drawnIndex) })}</p>` : nothing}
          <p class="note">${s.predictionHint}</p>`;
      }
    }
    return html`<aside class="prediction" part="prediction" aria-label=${s.prediction}>
      <h3>${s.prediction}</h3>
      ${body}
    </aside>`;
  }
}
