/**
 * The templates of <sentence-morph>: the element's layout, the morph controls (morph, swap,
 * steps, decoding) and the decoded path, its changed words marked and its unknown words flagged.
 */
import { html, nothing } from 'lit';
import { renderHeading } from '../shared/element-heading.js';
import { format } from '../shared/i18n.js';
import { displayToken, joinsPrevious } from '../../src/data/tokenizer.js';
import { DECODINGS, STEPS } from './attributes.js';
import type { MorphContext } from './context.js';
import type { MorphScheduler, PathLine } from './morph-scheduler.js';
import type { SentenceInputs } from './sentence-inputs.js';
import type { TrainingPanel } from './training-panel.js';

/** What the element's layout shows: its context and its parts. */
export interface MorphElementView {
  context: MorphContext;
  inputs: SentenceInputs;
  morphing: MorphScheduler;
  training: TrainingPanel;
  setSteps(value: string): void;
  setDecoding(value: string): void;
}

export function renderMorphElement(view: MorphElementView) {
  const { context, inputs, morphing, training } = view;
  const s = context.strings();
  const ready = context.ready();
  return html`
    <div part="base">
      ${renderHeading(context, s.title, s.intro)}
      ${
        context.shows('inputs')
          ? html`<div class="inputs" part="inputs">
              ${inputs.render('from', ready)} ${inputs.render('to', ready)}
            </div>`
          : nothing
      }
      ${
        context.shows('inputs') || context.shows('settings')
          ? renderControls({
              context,
              ready,
              busy: morphing.busy,
              onMorph: () => void morphing.morphShown(),
              onSwap: () => inputs.swap(),
              onStepsChange: (event) => view.setSteps((event.target as HTMLInputElement).value),
              onDecodingChange: (event) =>
                view.setDecoding((event.target as HTMLSelectElement).value),
            })
          : nothing
      }
      ${context.status()} ${renderPath(context, morphing.path, morphing.busy, morphing.remembered)}
      ${context.shows('training') || context.shows('weights') ? training.render(ready) : nothing}
      <p class="credit">${s.credit}</p>
    </div>
  `;
}

export interface ControlsInput {
  context: MorphContext;
  ready: boolean;
  /** A morph is under way. */
  busy: boolean;
  onMorph(): void;
  onSwap(): void;
  onStepsChange(event: Event): void;
  onDecodingChange(event: Event): void;
}

export function renderControls(input: ControlsInput) {
  const { context, ready, busy } = input;
  const s = context.strings();
  const { steps, decoding } = context.settings;
  return html`<div class="controls">
    ${
      context.shows('inputs')
        ? html`<button
              type="button"
              class="primary morph"
              ?disabled=${!ready || busy}
              @click=${() => input.onMorph()}
            >
              ${busy ? s.morphing : s.morphButton}
            </button>
            <button type="button" class="swap" ?disabled=${!ready} @click=${() => input.onSwap()}>
              ${s.swap}
            </button>`
        : nothing
    }
    ${
      context.shows('settings')
        ? html`<label
              >${s.stepsLabel}
              <input
                class="steps"
                type="number"
                min=${STEPS.min}
                max=${STEPS.max}
                .value=${String(steps)}
                @change=${(event: Event) => input.onStepsChange(event)}
              />
            </label>
            <label
              >${s.decodingLabel}
              <select class="decoding" @change=${(event: Event) => input.onDecodingChange(event)}>
                ${DECODINGS.map((d) => html`<option value=${d} ?selected=${d === decoding}>${s.decodings[d]}</option>`)}
              </select>
            </label>`
        : nothing
    }
  </div>`;
}

/** `remembered`: the path is one remembered from earlier, shown while the model loads. */
export function renderPath(
  context: MorphContext,
  path: readonly PathLine[],
  busy: boolean,
  remembered = false,
) {
  const s = context.strings();
  if (!path.length) return nothing;
  const last = path.length - 1;
  const vocabulary = remembered ? undefined : context.morpher()?.vocabulary;
  return html`<div
    role="group"
    class="path ${remembered ? 'remembered' : ''}"
    part="path"
    aria-busy=${busy || remembered ? 'true' : 'false'}
  >
    <h3>${s.pathTitle}</h3>
    <p class="note">
      ${remembered ? html`<span class="remembered-note">${s.rememberedPath}</span>` : nothing}
      ${s.pathHelp}
      <span class="legend"
        ><mark class="changed">${s.changedLegend}</mark>
        <span class="unknown">${s.unknownLegend}</span></span
      >
    </p>
    <ol>
      ${path.map(
        (line, i) =>
          html`<li class=${i === 0 || i === last ? 'end' : 'point'}>
            <span class="where"
              >${i === 0 ? s.endFrom : i === last ? s.endTo : format(s.point, { i, n: last - 1 })}</span
            >
            <span class="sentence"
              >${line.tokens.map((token, j) => {
                const unknown = vocabulary !== undefined && !vocabulary.has(token);
                const word = unknown
                  ? html`<span class="unknown" title=${s.unknownWord}>${token}</span>`
                  : displayToken(token, j);
                return html`${j > 0 && !joinsPrevious(token) ? ' ' : ''}${line.changed[j] ? html`<mark class="changed">${word}</mark>` : word}`;
              })}</span
            >
          </li>`,
      )}
    </ol>
  </div>`;
}
