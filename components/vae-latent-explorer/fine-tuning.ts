/**
 * Fine-tuning the explorer's VAE on the reader's own digits: the training set built from drawings
 * and uploads, the run with its progress, and afterwards the source and the map encoded again by
 * the changed encoder. The grid is redrawn every 20 steps, so the reader sees the decoder move.
 */
import { imageToDigit } from '../../src/data/digit-image.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import type { DrawPad } from '../shared/draw-pad.js';
import type { ExplorerHost } from './explorer-host.js';
import type { GridScheduler } from './grid-scheduler.js';
import type { SourceDigit } from './source-digit.js';
import { TrainingProgress } from '../shared/training-progress.js';

export class FineTuning {
  #trainingSet: Float32Array[] = [];
  readonly #progress: TrainingProgress;

  constructor(
    private readonly host: ExplorerHost,
    private readonly grid: GridScheduler,
    private readonly source: SourceDigit,
  ) {
    this.#progress = new TrainingProgress(host);
  }

  /** The digits the panel's training runs on. */
  get trainingSet(): readonly Float32Array[] {
    return this.#trainingSet;
  }
  get progress(): TrainingProgress {
    return this.#progress;
  }

  /** Fine-tunes on `digits`; then the source and the map are encoded again. */
  async train(digits: Float32Array[], options: FineTuneSettings): Promise<TrainingResult> {
    const { host } = this;
    if (digits.length === 0) throw new RangeError(host.strings().emptyTrainingSet);
    const steps = Math.max(1, Math.min(Math.round(options.steps ?? 100), 100000));
    const result = await host.runTraining(
      (signal, report) =>
        host.model()!.train(
          'fineTune',
          [
            digits,
            {
              steps,
              learningRate: options.learningRate ?? 1e-4,
              batchSize: options.batchSize,
              seed: host.rng().nextSeed(),
            },
          ],
          {
            signal,
            onProgress: (progress) => {
              report(progress);
              this.#progress.record(progress);
              if (progress.step % 20 === 0) void this.grid.request();
            },
          },
        ),
      options.signal,
    );
    await this.source.encodeAgain();
    if (host.explorer.showMap && host.explorer.isConnected) await host.encodeMap();
    return result;
  }

  /** The drawing on the pad joins the training set. */
  async addDrawing(): Promise<void> {
    const pad = this.host.root().querySelector<DrawPad>('ge-draw-pad');
    if (!pad || pad.isEmpty) return;
    await this.host.guard('training', async () => {
      this.#add([await imageToDigit(pad.toImageData())]);
      pad.clear();
    });
  }

  /** The picked image files join the training set. */
  async addFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    await this.host.guard('training', async () => {
      this.#add(await Promise.all(files.map((file) => imageToDigit(file))));
    });
  }

  clear(): void {
    this.#trainingSet = [];
    this.host.requestUpdate();
  }

  /** The panel's Start: trains on the training set for the steps in the panel. */
  start(): void {
    const steps = Number(
      this.host.root().querySelector<HTMLInputElement>('input.train-steps')?.value ?? 100,
    );
    void this.host.guard('training', () => this.train(this.#trainingSet, { steps }));
  }

  #add(digits: Float32Array[]): void {
    this.#trainingSet = [...this.#trainingSet, ...digits];
    this.host.requestUpdate();
  }
}
