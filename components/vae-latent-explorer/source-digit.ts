/**
 * The digit the explorer's centre code comes from: one of the starter digits, a drawing or an
 * upload. Encoding it gives the centre (its mean), the noise shown with `show-noise` (its σ) and
 * the numbers (its reconstruction loss and KL term). The interpolation runs from it to a starter
 * picked next.
 */
import type { CodeDistribution } from '../../src/models/plain-types.js';
import { imageToDigit, intensitiesToImageData } from '../../src/data/digit-image.js';
import { loadDigitSprite } from '../../src/data/digit-sprite.js';
import type { DrawPad } from '../shared/draw-pad.js';
import { starterDigitsFiles } from './assets.js';
import type { ExplorerContext } from './context.js';
import type { GridScheduler } from './grid-scheduler.js';

export interface Starter {
  digit: Float32Array;
  label: number;
  image: ImageData;
}

export class SourceDigit {
  #starters: Starter[] = [];
  #selected = -1;
  #digit: Float32Array | null = null;
  /** The encoder's output for the source digit (m and σ), for `show-noise`. */
  #posterior: CodeDistribution | null = null;
  #numbers: { reconstruction: number; kl: number } | null = null;
  #interpolation: ImageData[] = [];
  #pickingInterpolationTarget = false;

  constructor(
    private readonly context: ExplorerContext,
    private readonly grid: GridScheduler,
  ) {}

  get starters(): readonly Starter[] {
    return this.#starters;
  }
  /** The starter the source is, or −1 (a drawing or an upload). */
  get selected(): number {
    return this.#selected;
  }
  get digit(): Float32Array | null {
    return this.#digit;
  }
  get posterior(): CodeDistribution | null {
    return this.#posterior;
  }
  get numbers(): { reconstruction: number; kl: number } | null {
    return this.#numbers;
  }
  get interpolation(): readonly ImageData[] {
    return this.#interpolation;
  }
  /** The next starter clicked is where the interpolation goes. */
  get pickingInterpolationTarget(): boolean {
    return this.#pickingInterpolationTarget;
  }

  /** The starter digits, loaded once. */
  async loadStarters(): Promise<void> {
    if (this.#starters.length > 0) return;
    this.#starters = await loadStarters();
    this.context.host.requestUpdate();
  }

  /** The first output: the first starter, or the source again (new weights); else just the grid. */
  async drawFirst(): Promise<void> {
    if (this.#selected < 0 && this.#starters.length > 0) {
      await this.use(this.#starters[0].digit, 0);
    } else if (this.#posterior && this.#digit) {
      await this.use(this.#digit, this.#selected);
    } else {
      await this.grid.request();
    }
  }

  /** The model changed (fine-tuning): the source is encoded again. */
  async encodeAgain(): Promise<void> {
    if (this.#digit && this.context.host.isConnected) await this.use(this.#digit, this.#selected);
  }

  /** Encodes a source digit: its mean becomes the centre, its σ the noise, its losses the numbers. */
  async use(digit: Float32Array, starterIndex: number): Promise<void> {
    const model = this.context.model();
    if (!model) return;
    const [posterior] = await model.call('encode', [digit]);
    this.#digit = digit;
    this.#posterior = posterior;
    this.#selected = starterIndex;
    this.context.host.requestUpdate();
    this.#numbers = await model.call('imageLosses', digit);
    this.context.host.requestUpdate();
    this.context.setCode(posterior.mean);
    await this.context.host.updateComplete;
    await this.grid.request();
  }

  /** A starter was clicked: it becomes the source, or the interpolation's end when one is picked. */
  starterClicked(index: number): void {
    const starter = this.#starters[index];
    if (this.#pickingInterpolationTarget && this.#digit) {
      this.#pickingInterpolationTarget = false;
      this.context.host.requestUpdate();
      const source = this.#digit;
      void this.context.guard('interpolation', async () => {
        const frames = await this.context.interpolate(
          intensitiesToImageData(source),
          intensitiesToImageData(starter.digit),
          10,
        );
        this.#interpolation = frames;
        this.context.host.requestUpdate();
      });
      return;
    }
    void this.context.guard('source', () => this.use(starter.digit, index));
  }

  togglePickingInterpolationTarget(): void {
    this.#pickingInterpolationTarget = !this.#pickingInterpolationTarget;
    this.context.host.requestUpdate();
  }

  /** The drawing pad, when the `source` part is shown. */
  get pad(): DrawPad | null {
    return this.context.root().querySelector('ge-draw-pad');
  }

  encodeDrawing(): void {
    const pad = this.pad;
    if (!pad || pad.isEmpty) return;
    void this.context.guard('source', async () =>
      this.use(await imageToDigit(pad.toImageData()), -1),
    );
  }

  upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.context.guard('source', async () => this.use(await imageToDigit(file), -1));
  }
}

async function loadStarters(): Promise<Starter[]> {
  const sprite = await loadDigitSprite(starterDigitsFiles());
  return sprite.digits.map((digit, i) => ({
    digit,
    label: sprite.labels[i],
    image: intensitiesToImageData(digit),
  }));
}
