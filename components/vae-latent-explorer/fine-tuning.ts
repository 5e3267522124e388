/**
 * Fine-tuning the explorer's VAE on the reader's own digits: the training set built from drawings
 * and uploads, the run with its progress, and afterwards the source and the map encoded again by
 * the changed encoder. The grid is redrawn every 20 steps, so the reader sees the decoder move.
 */
import { fineTuneNumbers } from '../shared/fine-tune-numbers.js';
import { imageToDigit } from '../../src/data/digit-image.js';
import type { FineTuneSettings, TrainingResult } from '../../src/runtime/training-result.js';
import type { DrawPad } from '../shared/draw-pad.js';
import type { ExplorerContext } from './context.js';
import type { GridScheduler } from './grid-scheduler.js';
import type { SourceDigit } from './source-digit.js';
import { TrainingProgress } from '../shared/training-progress.js';

export class FineTuning {
  #trainingSet: Float32Array[] = [];
  readonly #progress: TrainingProgress;

  constructor(
    private readonly context: ExplorerContext,
    private readonly grid: GridScheduler,
    private readonly source: SourceDigit,
  ) {
    this.#progress = new TrainingProgress(context.host);
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
    const { context } = this;
    if (digits.length === 0) throw new RangeError(context.strings().emptyTrainingSet);
    const result = await context.runTraining(
      (signal, report) =>
        context
          .model()!
          .train(
            'fineTune',
            [
              digits,
              fineTuneNumbers(options, { steps: 100, learningRate: 1e-4 }, context.nextSeed()),
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
    if (context.showMap() && context.host.isConnected) await context.encodeMap();
    return result;
  }

  /** The drawing on the pad joins the training set. */
  async addDrawing(): Promise<void> {
    const pad = this.context.root().querySelector<DrawPad>('ge-draw-pad');
    if (!pad || pad.isEmpty) return;
    await this.context.guard('training', async () => {
      this.#add([await imageToDigit(pad.toImageData())]);
      pad.clear();
    });
  }

  /** The picked image files join the training set. */
  async addFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    await this.context.guard('training', async () => {
      this.#add(await Promise.all(files.map((file) => imageToDigit(file))));
    });
  }

  clear(): void {
    this.#trainingSet = [];
    this.context.host.requestUpdate();
  }

  /** The panel's Start: trains on the training set for the steps in the panel. */
  start(): void {
    const steps = Number(
      this.context.root().querySelector<HTMLInputElement>('input.train-steps')?.value ?? 100,
    );
    void this.context.guard('training', () => this.train(this.#trainingSet, { steps }));
  }

  #add(digits: Float32Array[]): void {
    this.#trainingSet = [...this.#trainingSet, ...digits];
    this.context.host.requestUpdate();
  }
}
