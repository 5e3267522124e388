/**
 * The trainer's settings as <gan-arena>'s attributes give them: the defaults of each mode, and an
 * update's changed attributes folded into the settings in use. Only what changed is read and
 * checked again; a new mode brings its own default learning rates and tricks. Also what
 * `fineTune`'s options change.
 */
import type { Parsed } from '../shared/parsed.js';
import type { GanSettings } from '../../src/worker/gan-proxy.js';
import type { GanLoss } from '../../src/models/choices.js';
import type { FineTuneSettings } from '../../src/runtime/training-result.js';
import {
  BATCH_SIZE,
  DEFAULT_LEARNING_RATES,
  parseBatchSize,
  parseLearningRate,
  parseLoss,
  parseSteps,
  type ArenaMode,
  type ArenaProblem,
} from './attributes.js';

export function defaultSettings(mode: ArenaMode): GanSettings {
  const rates = DEFAULT_LEARNING_RATES[mode];
  return {
    learningRateD: rates.d,
    learningRateG: rates.g,
    batchSize: BATCH_SIZE.default,
    dSteps: 1,
    gSteps: 1,
    loss: 'non-saturating',
    ...modeSpecificSettings(mode),
  };
}

/** Digits use the tricks the bundled networks were trained with; the 2-d game is left plain. */
function modeSpecificSettings(mode: ArenaMode): Pick<GanSettings, 'realLabel' | 'emaDecay'> {
  return mode === 'digits'
    ? { realLabel: 0.9, emaDecay: 0.98 }
    : { realLabel: 1, emaDecay: undefined };
}

/** `fineTune`'s learning rate (for both networks) and batch size, as changes to the settings. */
export function fineTuneChanges(options: FineTuneSettings): Partial<GanSettings> {
  const changes: Partial<GanSettings> = {};
  if (options.learningRate !== undefined)
    changes.learningRateD = changes.learningRateG = options.learningRate;
  if (options.batchSize !== undefined)
    changes.batchSize = Math.min(
      BATCH_SIZE.max,
      Math.max(BATCH_SIZE.min, Math.round(options.batchSize)),
    );
  return changes;
}

/** How the element reads its attributes for the settings. */
export interface SettingsAttributes {
  /** Whether the property changed in this update (`dSteps`, `lrD`, `mode`, …). */
  changed(property: string): boolean;
  /** The attribute's text. */
  text(attribute: string): string | null;
  /** Reports a value the element cannot use (shown in the page) and gives the value to use. */
  check<T>(attribute: string, parsed: Parsed<T, ArenaProblem>): T;
}

/** The settings after an update: changed attributes re-read, a new mode's defaults applied. */
export function settingsAfterUpdate(
  current: GanSettings,
  mode: ArenaMode,
  { changed, text, check }: SettingsAttributes,
): GanSettings {
  const rates = DEFAULT_LEARNING_RATES[mode];
  return {
    ...current,
    dSteps: changed('dSteps') ? check('d-steps', parseSteps(text('d-steps'))) : current.dSteps,
    gSteps: changed('gSteps') ? check('g-steps', parseSteps(text('g-steps'))) : current.gSteps,
    learningRateD:
      changed('lrD') || changed('mode')
        ? check('lr-d', parseLearningRate(text('lr-d'), rates.d))
        : current.learningRateD,
    learningRateG:
      changed('lrG') || changed('mode')
        ? check('lr-g', parseLearningRate(text('lr-g'), rates.g))
        : current.learningRateG,
    batchSize: changed('batchSize')
      ? check('batch-size', parseBatchSize(text('batch-size')))
      : current.batchSize,
    loss: changed('loss') ? check<GanLoss>('loss', parseLoss(text('loss'))) : current.loss,
    ...(changed('mode') ? modeSpecificSettings(mode) : {}),
  };
}
