/**
 * The layout of <pixel-rnn-canvas>: title, playback controls, the drawing panels beside the
 * prediction view, then the completion and training panels. Each panel's own template is in the
 * part that owns it (drawing-panel.ts, prediction-view.ts, completion-panel.ts, training-panel.ts).
 */
import { html, nothing } from 'lit';
import { renderHeading } from '../shared/element-heading.js';
import type { CompletionPanel } from './completion-panel.js';
import type { CanvasContext } from './context.js';
import { renderDrawingPanel } from './drawing-panel.js';
import { panelKeysOf } from './painters.js';
import type { PaintingScheduler } from './painting-scheduler.js';
import type { PredictionView } from './prediction-view.js';
import type { TrainingPanel } from './training-panel.js';

/** What the element's layout shows: its context, its parts, and its two playback actions. */
export interface CanvasElementView {
  context: CanvasContext;
  painting: PaintingScheduler;
  prediction: PredictionView;
  completion: CompletionPanel;
  training: TrainingPanel;
  generate(): void;
  togglePause(): void;
}

export function renderCanvasElement(view: CanvasElementView) {
  const { context, painting, prediction, completion, training } = view;
  const s = context.strings();
  const ready = context.ready();
  return html`
    <div part="base">
      ${renderHeading(context, s.title, s.intro)} ${context.status()}
      ${
        context.shows('playback')
          ? html`<div class="controls">
              <button
                type="button"
                class="primary generate"
                ?disabled=${!ready || context.isTraining()}
                @click=${view.generate}
              >
                ${s.generate}
              </button>
              <button
                type="button"
                class="pause"
                ?disabled=${!painting.drawing}
                @click=${view.togglePause}
              >
                ${painting.paused ? s.resume : s.pause}
              </button>
              <span class="progress" aria-live="off">${painting.progressText}</span>
            </div>`
          : nothing
      }
      <div class="layout">
        <div class="panels" part="panels">
          ${panelKeysOf(context.settings).map((key, index) =>
            renderDrawingPanel({
              context,
              key,
              index,
              panel: painting.panels[index]?.key === key ? painting.panels[index] : undefined,
              dataSaturation: completion.dataSaturation,
              prediction,
            }),
          )}
        </div>
        ${context.shows('prediction') ? prediction.render() : nothing}
      </div>
      ${context.shows('completion') ? completion.render(ready) : nothing}
      ${context.shows('training') || context.shows('weights') ? training.render(ready) : nothing}
      <p class="credit">${context.settings.dataset === 'emoji' ? s.emojiCredit : s.digitsCredit}</p>
    </div>
  `;
}
