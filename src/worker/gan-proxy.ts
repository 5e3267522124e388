/**
 * The GAN trainer (models/gan-trainer.ts) as the arena holds it: its calls (`call('sample', …)`),
 * plus the count of rounds played, which the page keeps from the answers of the calls that play.
 */
import type { GanSettings, PlaneView, RoundLosses } from '../models/plain-types.js';
import { createInHost, RemoteModel } from './remote-model.js';
import type { CreateArgs } from './served-types.js';

export type { GanSettings, PlaneView, RoundLosses };

export class GanProxy extends RemoteModel<'gan'> {
  /** Rounds played since the networks were made or reset (as of the last answer). */
  rounds = 0;

  static async open(...args: CreateArgs<'gan'>): Promise<GanProxy> {
    return new GanProxy(...(await createInHost('gan', args)));
  }

  async reset(seed: number): Promise<void> {
    await this.call('reset', seed);
    this.rounds = 0;
  }

  /** One round (or, with `only`, one player's steps); its losses. */
  async round(only?: { dSteps: number; gSteps: number }): Promise<RoundLosses> {
    const { rounds, ...losses } = await this.call('round', only);
    this.rounds = rounds;
    return losses;
  }

  /** Rounds for about `budgetMs` in one message (the 2-d game's frame); their losses. */
  async play(budgetMs: number, maxRounds: number): Promise<RoundLosses[]> {
    const { played, rounds } = await this.call('play', budgetMs, maxRounds);
    this.rounds = rounds;
    return played;
  }
}
