/** The GAN trainer (models/gan-trainer.ts) as the arena sees it: the same calls, run by the host. */
import type { GanSettings, PlaneView, RoundLosses } from '../models/plain-types.js';
import type { RealData } from '../data/real-samples.js';
import { RemoteModel } from './remote-model.js';

export type { GanSettings, PlaneView, RoundLosses };

interface GanInfo {
  rounds: number;
  weightBytes: number;
}

export class GanProxy extends RemoteModel<GanInfo> {
  /** Rounds played since the networks were made or reset (as of the last answer). */
  rounds = 0;

  static async open(
    mode: '2d' | 'digits',
    settings: GanSettings,
    seed: number,
    viewSamples: number,
  ): Promise<GanProxy> {
    const { connection, handle, info } = await RemoteModel.create<GanInfo>('gan', [
      mode,
      settings,
      seed,
      viewSamples,
    ]);
    return new GanProxy(connection, handle, info);
  }

  /** Where real samples come from; later calls see the change (calls keep their order). */
  setRealData(data: RealData): Promise<void> {
    return this.call('setRealData', [data]);
  }

  /** New learning rates, batch size, steps or loss, from the next round on. */
  updateSettings(changes: Partial<GanSettings>): Promise<void> {
    return this.call('updateSettings', [changes]);
  }

  async reset(seed: number): Promise<void> {
    await this.call('reset', [seed]);
    this.rounds = 0;
  }

  /** One round (or, with `only`, one player's steps); its losses. */
  async round(only?: { dSteps: number; gSteps: number }): Promise<RoundLosses> {
    const { rounds, ...losses } = await this.call<RoundLosses & { rounds: number }>('round', [
      only,
    ]);
    this.rounds = rounds;
    return losses;
  }

  /** Rounds for about `budgetMs` in one message (the 2-d game's frame); their losses. */
  async play(budgetMs: number, maxRounds: number): Promise<RoundLosses[]> {
    const { played, rounds } = await this.call<{ played: RoundLosses[]; rounds: number }>('play', [
      budgetMs,
      maxRounds,
    ]);
    this.rounds = rounds;
    return played;
  }

  sample(n: number, options: { ema?: boolean; seed?: number } = {}): Promise<Float32Array> {
    return this.call('sample', [n, options]);
  }

  fixedSamples(
    options: { ema?: boolean } = {},
  ): Promise<{ samples: Float32Array; realness: Float32Array }> {
    return this.call('fixedSamples', [options]);
  }

  latentWalk(
    steps: number,
    seeds: [number, number],
    options: { ema?: boolean } = {},
  ): Promise<Float32Array> {
    return this.call('latentWalk', [steps, seeds, options]);
  }

  planeView(decisionSize: number, domain: readonly [number, number]): Promise<PlaneView> {
    return this.call('planeView', [decisionSize, domain]);
  }
}
