/**
 * The panel beside <gan-arena>'s game: the playback buttons with the players' update counts,
 * the settings form, and the readout and charts of the game so far.
 */
import { html, nothing } from 'lit';
import { formatNumber } from '../shared/i18n.js';
import type { ToyDistribution } from '../../src/data/toy-distributions.js';
import { BATCH_SIZE } from './attributes.js';
import type { ArenaView } from './arena-view.js';
import type { ArenaContext } from './context.js';

export function renderSidePanel(view: ArenaView) {
  return html`<div>
    ${renderControls(view)}
    ${view.context.shows('charts') ? html`${renderReadout(view)} ${renderCharts(view)}` : nothing}
  </div>`;
}

function renderControls(view: ArenaView) {
  const { context } = view;
  const { actions } = context;
  const s = context.strings();
  const ready = context.ready();
  const running = context.running();
  // A click leaves no unhandled rejection in the page; the element shows its own problems.
  const quietly = (action: () => Promise<unknown>) => () => void action().catch(() => undefined);
  const exportWeights = () =>
    void actions.exportWeights().catch((e) => context.showError('weights', context.describe(e), e));
  const playback = context.shows('playback');
  const weights = context.shows('weights');
  return html`<div part="controls">
    ${
      playback || weights
        ? html`<div class="controls">
            ${
              playback
                ? html`<button
                      type="button"
                      class="primary"
                      ?disabled=${!ready || context.isTraining()}
                      @click=${() => context.setRunning(!context.running())}
                      aria-pressed=${running ? 'true' : 'false'}
                    >
                      ${running ? s.pause : s.play}
                    </button>
                    <button
                      type="button"
                      ?disabled=${!ready || running}
                      @click=${quietly(() => actions.step())}
                    >
                      ${s.step}
                    </button>
                    <button
                      type="button"
                      ?disabled=${!ready}
                      @click=${quietly(() => actions.reset())}
                    >
                      ${s.reset}
                    </button>
                    <button
                      type="button"
                      class="step-d"
                      ?disabled=${!ready || context.isTraining()}
                      @click=${quietly(() => actions.stepDiscriminator())}
                    >
                      ${s.stepDiscriminator}
                    </button>
                    <button
                      type="button"
                      class="step-g"
                      ?disabled=${!ready || context.isTraining()}
                      @click=${quietly(() => actions.stepGenerator())}
                    >
                      ${s.stepGenerator}
                    </button>
                    ${renderPlayers(view)}`
                : nothing
            }
            ${weights ? html`<button type="button" ?disabled=${!ready} @click=${exportWeights}>${s.exportWeights}</button>` : nothing}
          </div>`
        : nothing
    }
    ${context.shows('settings') ? renderSettings(context) : nothing}
  </div>`;
}

function renderSettings(context: ArenaContext) {
  const s = context.strings();
  const st = context.settings();
  /** A listener that sets the attribute to the input's value. */
  const setAttributeFrom = (attribute: string) => (event: Event) =>
    context.host.setAttribute(
      attribute,
      (event.target as HTMLInputElement | HTMLSelectElement).value,
    );
  const number = (
    attribute: string,
    label: string,
    value: number,
    step: string,
    min: string,
    max: string,
  ) =>
    html`<label for=${attribute}>${label}</label>
      <input
        id=${attribute}
        type="number"
        step=${step}
        min=${min}
        max=${max}
        .value=${String(value)}
        @change=${setAttributeFrom(attribute)}
      />`;
  return html`<div class="settings">
    ${
      context.mode() === '2d'
        ? html`<label for="distribution">${s.distribution}</label>
            <select id="distribution" @change=${setAttributeFrom('distribution')}>
              ${(Object.keys(s.distributions) as ToyDistribution[]).map(
                (d) =>
                  html`<option value=${d} ?selected=${d === context.distribution()}>
                    ${s.distributions[d]}
                  </option>`,
              )}
            </select>`
        : nothing
    }
    <label for="loss">${s.loss}</label>
    <select id="loss" @change=${setAttributeFrom('loss')}>
      ${(['non-saturating', 'minimax'] as const).map((l) => html`<option value=${l} ?selected=${l === st.loss}>${s.losses[l]}</option>`)}
    </select>
    ${number('d-steps', s.dSteps, st.dSteps, '1', '0', '20')}
    ${number('g-steps', s.gSteps, st.gSteps, '1', '0', '20')}
    ${number('lr-d', s.lrD, st.learningRateD, 'any', '0', '1')}
    ${number('lr-g', s.lrG, st.learningRateG, 'any', '0', '1')}
    ${number('batch-size', s.batchSize, st.batchSize, '1', String(BATCH_SIZE.min), String(BATCH_SIZE.max))}
  </div>`;
}

/** G3 · D2, with the network that moved last marked: the lecture's G0 → D0 → G1 sequence. */
function renderPlayers(view: ArenaView) {
  const s = view.context.strings();
  const { updates, lastMoved } = view.rounds;
  const moved = (player: 'generator' | 'discriminator') =>
    lastMoved === player || lastMoved === 'both';
  return html`<p class="players" aria-live="polite">
    <span class=${moved('generator') ? 'moved' : ''}>G${updates.g}</span> ·
    <span class=${moved('discriminator') ? 'moved' : ''}>D${updates.d}</span>
    ${lastMoved ? html`<span class="note">${s.movedLast[lastMoved]}</span>` : nothing}
  </p>`;
}

function renderReadout({ context, rounds }: ArenaView) {
  const s = context.strings();
  const { history, coverage } = rounds;
  const last = (values: number[]) =>
    values.length ? formatNumber(context.lang(), values[values.length - 1], 3) : '–';
  return html`<dl class="readout">
    <dt>${s.round}</dt>
    <dd class="round">${context.trainer()?.rounds ?? 0}</dd>
    <dt>${s.roundsPerSecond}</dt>
    <dd>${rounds.roundsPerSecond}</dd>
    <dt>${s.dLoss}</dt>
    <dd>${last(history.dLoss)}</dd>
    <dt>${s.gLoss}</dt>
    <dd>${last(history.gLoss)}</dd>
    ${
      context.mode() === '2d'
        ? html`<dt>${s.divergence}</dt>
            <dd>${last(history.divergence)}</dd>`
        : nothing
    }
    ${
      coverage
        ? html`<dt>${s.modes}</dt>
            <dd class="coverage">${coverage.covered} / ${coverage.modes}</dd>`
        : nothing
    }
  </dl>`;
}

function renderCharts({ context, rounds }: ArenaView) {
  const s = context.strings();
  const { history } = rounds;
  return html`<div part="charts">
    <ge-line-chart
      .label=${s.lossChart}
      x-label=${s.rounds}
      .series=${[
        { label: s.dLoss, color: '#2563eb', values: history.dLoss },
        { label: s.gLoss, color: '#ea580c', values: history.gLoss },
      ]}
    ></ge-line-chart>
    <p class="note">${s.dLossNote}</p>
    ${
      context.mode() === '2d'
        ? html`<ge-line-chart
            .label=${s.divergenceChart}
            x-label=${s.frames}
            .series=${[{ label: s.divergence, color: '#9333ea', values: history.divergence }]}
          ></ge-line-chart>`
        : nothing
    }
  </div>`;
}
