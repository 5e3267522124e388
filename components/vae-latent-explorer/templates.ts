/**
 * <vae-latent-explorer>'s templates: the layout, the source (starters, drawing pad, numbers), the
 * sliders of the fixed dimensions, the grid with the map beside it, the interpolation and the
 * fine-tuning panel. They are functions of the explorer's context and parts (view.ts), which keep
 * the state; the controls call the element's public API, through the context, where it has one.
 */
import { html, nothing } from 'lit';
import { renderHeading } from '../shared/element-heading.js';
import { format, formatNumber } from '../shared/i18n.js';
import { cssProperties } from '../shared/css-properties.js';
import { paintImage } from '../shared/paint-image.js';
import { renderCodeMap } from './code-map.js';
import { renderGrid } from './grid-template.js';
import type { ExplorerView } from './view.js';

/** Sliders reach this many standard deviations either side of 0. */
const SLIDER_LIMIT = 5;

export function renderExplorer(view: ExplorerView) {
  const { context } = view;
  const s = context.strings();
  const ready = context.ready();
  const side = context.shows('source') || context.shows('sliders');
  const mapPoints = context.mapPoints();
  const { dims } = context.sweep();
  const [a, b] = dims;
  const map =
    context.showMap() && mapPoints.length
      ? renderCodeMap(
          mapPoints,
          dims,
          context.code(),
          format(s.mapLabel, { a, b, count: mapPoints.length }),
          s.mapTitle,
        )
      : nothing;
  const main = html`<div>
    ${renderGrid(view, ready)} ${map}
    ${context.shows('interpolation') ? renderInterpolation(view, ready) : nothing}
  </div>`;
  return html`
    <div part="base">
      ${renderHeading(context, s.title, s.intro)} ${context.status()}
      ${
        side
          ? html`<div class="layout">
              <div>
                ${context.shows('source') ? renderSource(view, ready) : nothing}
                ${context.shows('sliders') ? renderSliders(view) : nothing}
              </div>
              ${main}
            </div>`
          : main
      }
      ${context.shows('training') || context.shows('weights') ? renderTraining(view, ready) : nothing}
    </div>
  `;
}

function renderSource({ context, source }: ExplorerView, ready: boolean) {
  const s = context.strings();
  const lang = context.lang();
  const { numbers } = source;
  return html`<div role="group" part="source" aria-label=${s.source}>
    <h3>${s.starters}</h3>
    <div class="starters">
      ${source.starters.map(
        (starter, i) =>
          html`<button
            type="button"
            ?disabled=${!ready}
            aria-pressed=${i === source.selected ? 'true' : 'false'}
            aria-label=${format(s.starterLabel, { n: i + 1, label: starter.label })}
            @click=${() => source.starterClicked(i)}
          >
            <canvas ${paintImage(starter.image)}></canvas>
          </button>`,
      )}
    </div>
    ${source.pickingInterpolationTarget ? html`<p class="note">${s.interpolateHint}</p>` : nothing}
    <div class="pad-row">
      <ge-draw-pad .label=${s.drawHere}></ge-draw-pad>
      <div class="pad-actions">
        <button
          type="button"
          class="primary"
          ?disabled=${!ready}
          @click=${() => source.encodeDrawing()}
        >
          ${s.encodeDrawing}
        </button>
        <button type="button" @click=${() => source.pad?.clear()}>${s.clear}</button>
        <label class="row"
          ><span>${s.upload}</span>
          <input
            type="file"
            accept="image/*"
            ?disabled=${!ready}
            @change=${(event: Event) => source.upload(event)}
        /></label>
      </div>
    </div>
    ${
      numbers
        ? html`<h3>${s.numbers}</h3>
            <dl class="numbers">
              <dt>${s.reconstruction}</dt>
              <dd class="reconstruction">${formatNumber(lang, numbers.reconstruction)}</dd>
              <dt>${s.klTerm}</dt>
              <dd class="kl">${formatNumber(lang, numbers.kl)}</dd>
            </dl>
            <p class="note">${s.numbersNote}</p>`
        : nothing
    }
  </div>`;
}

function renderSliders({ context, source }: ExplorerView) {
  const s = context.strings();
  const [a, b] = context.sweep().dims;
  const code = context.code();
  const dims = Array.from(code.keys());
  const { posterior } = source;
  const onSlider = (dim: number, event: Event) => {
    const next = Float32Array.from(context.code());
    next[dim] = Number((event.target as HTMLInputElement).value);
    context.setCode(next);
  };
  const randomCode = () =>
    context.setCode(Array.from({ length: context.code().length }, () => context.normal()));
  return html`<div role="group" part="sliders" aria-label=${s.fixedDims}>
    <h3>${s.fixedDims}</h3>
    <div class="sliders">
      ${dims.map((d) => {
        const swept = d === a || d === b;
        const label = format(s.dim, { n: d });
        return html`<label class=${swept ? 'swept' : ''} for="dim-${d}"
            >${label}${swept ? ` (${s.swept})` : ''}</label
          >
          <input
            id="dim-${d}"
            type="range"
            min=${-SLIDER_LIMIT}
            max=${SLIDER_LIMIT}
            step="0.01"
            .value=${String(code[d])}
            ?disabled=${swept}
            @input=${(event: Event) => onSlider(d, event)}
          />
          <output for="dim-${d}">${formatNumber(context.lang(), code[d], 2)}</output>
          ${
            context.showNoise() && posterior
              ? html`<span></span>
                  <div
                    class="sigma"
                    title=${s.noise}
                    ${cssProperties({ width: `${Math.min(100, (Math.exp(posterior.logVar[d] / 2) / SLIDER_LIMIT) * 50)}%` })}
                  ></div>
                  <span></span>`
              : nothing
          }`;
      })}
    </div>
    <button type="button" @click=${randomCode}>N(0, I)</button>
  </div>`;
}

function renderInterpolation({ context, source }: ExplorerView, ready: boolean) {
  const s = context.strings();
  return html`<div role="group" part="interpolation" aria-label=${s.interpolation}>
    <h3>${s.interpolation}</h3>
    <button
      type="button"
      ?disabled=${!ready || !source.digit}
      aria-pressed=${source.pickingInterpolationTarget ? 'true' : 'false'}
      @click=${() => source.togglePickingInterpolationTarget()}
    >
      ${s.interpolateTo}
    </button>
    <div class="strip">
      ${source.interpolation.map((image) => html`<canvas ${paintImage(image)}></canvas>`)}
    </div>
  </div>`;
}

function renderTraining(view: ExplorerView, ready: boolean) {
  const { context } = view;
  const s = context.strings();
  return html`<details part="training">
    <summary>${s.fineTune}</summary>
    ${context.shows('training') ? renderFineTune(view, ready) : nothing}
    ${context.shows('weights') ? context.renderWeightControls('vae-digits', ready) : nothing}
  </details>`;
}

function renderFineTune({ context, source, fineTuning }: ExplorerView, ready: boolean) {
  const s = context.strings();
  const training = context.isTraining();
  const progress = fineTuning.progress;
  const count = fineTuning.trainingSet.length;
  return html`<div class="row">
      <button
        type="button"
        ?disabled=${!ready || !source.pad}
        @click=${() => fineTuning.addDrawing()}
      >
        ${s.addDrawing}
      </button>
      <label
        >${s.addFiles}
        <input
          type="file"
          accept="image/*"
          multiple
          ?disabled=${!ready}
          @change=${(event: Event) => fineTuning.addFiles(event)}
      /></label>
      <span>${format(s.trainingSet, { count })}</span>
      <button type="button" ?disabled=${training || !count} @click=${() => fineTuning.clear()}>
        ${s.clearTrainingSet}
      </button>
    </div>
    <div class="row">
      <label
        >${s.steps} <input class="train-steps" type="number" min="1" max="5000" value="100"
      /></label>
      <button
        type="button"
        class="primary"
        ?disabled=${!ready || training || !count}
        @click=${() => fineTuning.start()}
      >
        ${s.startTraining}
      </button>
      <button type="button" ?disabled=${!training} @click=${() => context.stopTraining()}>
        ${s.stop}
      </button>
    </div>
    ${progress.render(({ step, totalSteps, losses }) =>
      format(s.loss, {
        step,
        total: totalSteps,
        loss: formatNumber(context.lang(), losses.loss),
        kl: formatNumber(context.lang(), losses.kl),
      }),
    )}`;
}
