/**
 * <gan-arena>'s templates: the layout, the game (the 2-d plane, or the digits with their walk and
 * the user's own digits) and, beside it, the side panel. They are functions of the arena's context
 * and parts, which keep the state; the buttons call the element's public API where it has one.
 */
import { html, nothing } from 'lit';
import { renderHeading } from '../shared/element-heading.js';
import { format } from '../shared/i18n.js';
import { cssProperties } from '../shared/css-properties.js';
import { DIGIT_SIZE } from '../../src/data/digit-image.js';
import type { ArenaView } from './arena-view.js';
import type { ArenaContext } from './context.js';
import { pointUnderPointer } from './real-data.js';
import { FAKE_COLOUR, REAL_COLOUR } from './plane-view.js';
import { SAMPLE_COLUMNS } from './views.js';
import { renderSidePanel } from './side-panel.js';

export function renderArena(view: ArenaView) {
  const { context } = view;
  const s = context.strings();
  const side = ['playback', 'settings', 'weights', 'charts'].some((part) => context.shows(part));
  return html`<div part="base">
    ${renderHeading(context, s.title, context.mode() === '2d' ? s.intro2d : s.introDigits)}
    ${context.status()}
    <div class="layout ${side ? '' : 'single'}">
      <div>${context.mode() === '2d' ? renderPlane(context) : renderDigits(view)}</div>
      ${side ? renderSidePanel(view) : nothing}
    </div>
  </div>`;
}

function renderPlane(context: ArenaContext) {
  const s = context.strings();
  const custom = context.distribution() === 'custom';
  // With `distribution="custom"`, pressing or dragging on the plane adds real points.
  const onPointer = (event: PointerEvent) => {
    if (context.mode() !== '2d' || context.distribution() !== 'custom') return;
    if (event.type === 'pointermove' && event.buttons === 0) return;
    context.setCustomPoints([...context.customPoints(), pointUnderPointer(event)]);
  };
  return html`<canvas
      part="plane"
      class="plane ${custom ? 'custom' : ''}"
      width="400"
      height="400"
      role="img"
      aria-label=${s.planeLabel}
      @pointerdown=${onPointer}
      @pointermove=${onPointer}
    ></canvas>
    <div class="legend">
      <span
        ><span class="dot" ${cssProperties({ background: REAL_COLOUR })}></span
        >${s.legendReal}</span
      >
      <span
        ><span class="dot" ${cssProperties({ background: FAKE_COLOUR })}></span
        >${s.legendFake}</span
      >
      <span
        ><span class="dot" ${cssProperties({ background: '#db2777' })}></span
        >${s.legendArrows}</span
      >
      <span>${s.legendMap}</span>
    </div>
    ${
      custom
        ? html`<p class="note">${s.customHint}</p>
            <button type="button" @click=${() => context.setCustomPoints([])}>
              ${s.clearPoints}
            </button>`
        : nothing
    }`;
}

function renderDigits(view: ArenaView) {
  const s = view.context.strings();
  return html`<h3>${s.samples}</h3>
    <canvas
      part="samples"
      class="sheet"
      width=${SAMPLE_COLUMNS * DIGIT_SIZE}
      height=${SAMPLE_COLUMNS * (DIGIT_SIZE + 4)}
      role="img"
      aria-label=${s.samples}
    ></canvas>
    <p class="note">${s.samplesNote}</p>
    ${view.context.shows('samples') ? renderWalk(view) : nothing}
    ${view.context.shows('training') ? renderOwnDigits(view) : nothing}`;
}

function renderWalk(view: ArenaView) {
  const s = view.context.strings();
  return html`<h3>${s.latentWalk}</h3>
    <canvas part="walk" class="strip walk" role="img" aria-label=${s.latentWalk}></canvas>
    <button type="button" @click=${() => void view.views.newWalk()}>${s.newWalk}</button>`;
}

function renderOwnDigits(view: ArenaView) {
  const s = view.context.strings();
  const { real } = view;
  const mine = real.trainOnMine;
  return html`<h3>${s.trainOn}</h3>
    <div class="row" role="radiogroup" aria-label=${s.trainOn}>
      <label
        ><input
          type="radio"
          name="train-on"
          .checked=${!mine}
          @change=${() => real.trainOn(false)}
        />
        ${s.trainOnBundled}</label
      >
      <label
        ><input type="radio" name="train-on" .checked=${mine} @change=${() => real.trainOn(true)} />
        ${s.trainOnMine}</label
      >
    </div>
    <div class="row">
      <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
      <div>
        <button type="button" @click=${() => real.addDrawing()}>${s.addDrawing}</button>
        <label class="row"
          >${s.addFiles}
          <input
            type="file"
            accept="image/*"
            multiple
            @change=${(event: Event) => real.addFiles(event)}
        /></label>
        <p class="note">${format(s.yourDigits, { count: real.userDigits })}</p>
      </div>
    </div>`;
}
