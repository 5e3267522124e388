/**
 * <vae-latent-explorer>'s templates: the layout, the source (starters, drawing pad, numbers), the
 * sliders of the fixed dimensions, the grid with the map beside it, the interpolation and the
 * fine-tuning panel. They are functions of the explorer's host and parts, which keep the state;
 * the controls call the element's public API where it has one.
 */
import { html, nothing } from 'lit';
import { format, formatNumber } from '../shared/i18n.js';
import { cssProperties } from '../shared/css-properties.js';
import { paintImage } from '../shared/paint-image.js';
import { renderCodeMap } from './code-map.js';
import type { ExplorerHost } from './explorer-host.js';
import type { FineTuning } from './fine-tuning.js';
import type { GridFocus } from './grid-focus.js';
import { renderGrid } from './grid-template.js';
import type { SourceDigit } from './source-digit.js';

/** Sliders reach this many standard deviations either side of 0. */
const SLIDER_LIMIT = 5;

/** What the templates show: the explorer's state through its host, and its parts. */
export interface ExplorerView {
  host: ExplorerHost;
  source: SourceDigit;
  focus: GridFocus;
  fineTuning: FineTuning;
}

export function renderExplorer(view: ExplorerView) {
  const { host } = view;
  const { explorer } = host;
  const s = host.strings();
  const ready = host.ready();
  const side = host.shows('source') || host.shows('sliders');
  const mapPoints = host.mapPoints();
  const [a, b] = host.sweepDims();
  const map =
    explorer.showMap && mapPoints.length
      ? renderCodeMap(
          mapPoints,
          host.sweepDims(),
          host.code(),
          format(s.mapLabel, { a, b, count: mapPoints.length }),
          s.mapTitle,
        )
      : nothing;
  const main = html`<div>
    ${renderGrid(view, ready)} ${map}
    ${host.shows('interpolation') ? renderInterpolation(view, ready) : nothing}
  </div>`;
  return html`
    <div part="base">
      ${
        host.showsEverything()
          ? html`<h2>${s.title}</h2>
              <p class="intro">${s.intro}</p>`
          : nothing
      }
      ${host.status()}
      ${
        side
          ? html`<div class="layout">
              <div>
                ${host.shows('source') ? renderSource(view, ready) : nothing}
                ${host.shows('sliders') ? renderSliders(view) : nothing}
              </div>
              ${main}
            </div>`
          : main
      }
      ${host.shows('training') || host.shows('weights') ? renderTraining(view, ready) : nothing}
    </div>
  `;
}

function renderSource({ host, source }: ExplorerView, ready: boolean) {
  const s = host.strings();
  const lang = host.lang();
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

function renderSliders({ host, source }: ExplorerView) {
  const { explorer } = host;
  const s = host.strings();
  const [a, b] = host.sweepDims();
  const code = host.code();
  const dims = Array.from(code.keys());
  const { posterior } = source;
  const onSlider = (dim: number, event: Event) => {
    const next = Float32Array.from(host.code());
    next[dim] = Number((event.target as HTMLInputElement).value);
    explorer.setCode(next);
  };
  const randomCode = () =>
    explorer.setCode(Array.from({ length: host.code().length }, () => host.rng().normal()));
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
          <output for="dim-${d}">${formatNumber(host.lang(), code[d], 2)}</output>
          ${
            explorer.showNoise && posterior
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

function renderInterpolation({ host, source }: ExplorerView, ready: boolean) {
  const s = host.strings();
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
  const { host } = view;
  const s = host.strings();
  return html`<details part="training">
    <summary>${s.fineTune}</summary>
    ${host.shows('training') ? renderFineTune(view, ready) : nothing}
    ${host.shows('weights') ? host.weightControls(ready) : nothing}
  </details>`;
}

function renderFineTune({ host, source, fineTuning }: ExplorerView, ready: boolean) {
  const s = host.strings();
  const training = host.isTraining();
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
      <button type="button" ?disabled=${!training} @click=${() => host.explorer.stopTraining()}>
        ${s.stop}
      </button>
    </div>
    ${progress.render(({ step, totalSteps, losses }) =>
      format(s.loss, {
        step,
        total: totalSteps,
        loss: formatNumber(host.lang(), losses.loss),
        kl: formatNumber(host.lang(), losses.kl),
      }),
    )}`;
}
