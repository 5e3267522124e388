/**
 * The types <gan-arena>'s parts and the element share, apart from the element: the `round`
 * event's detail, `fineTune`'s options, who moves in a round, and how many samples each view
 * keeps. Pages read the first two through the element's module.
 */
import type { FineTuneSettings } from '../../src/runtime/training-result.js';

/** The `round` event's detail: the round's number and both losses. */
export interface RoundDetail {
  round: number;
  dLoss: number;
  gLoss: number;
}

export type GanFineTuneOptions = FineTuneSettings;

/** D and G updates in a round. */
export type RoundSteps = { dSteps: number; gSteps: number };

/** The network that moved in the last round. */
export type Mover = 'discriminator' | 'generator' | 'both';

/** Samples the trainer keeps for each view: points of the plane, or digits of the sheet. */
export const VIEW_POINTS = { '2d': 512, digits: 64 } as const;
