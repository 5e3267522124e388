/**
 * The PixelRNN painter (models/pixel-rnn-painter.ts) as the element sees it. A painting draws in
 * the host; each step brings back the new pixel of every image, and the page keeps the images and
 * the predictions so far for drawing, the bars and the hover view.
 */
import type { Palette } from '../data/palette.js';
import type { PixelValues } from '../data/pixel-images.js';
import type { PaintingOptions } from '../models/plain-types.js';
import type { PixelRnnConfig } from '../models/pixel-rnn-config.js';
import type { ModelConnection, ModelHandle } from './connection.js';
import { createInHost, RemoteModel } from './remote-model.js';
import type { PaintedPixel } from './served-models.js';
import type { InfoOf } from './served-types.js';

export type { PaintingOptions, PixelValues };

export class PainterProxy extends RemoteModel<'pixel-painter'> {
  static async open(config: PixelRnnConfig): Promise<PainterProxy> {
    return new PainterProxy(...(await createInHost('pixel-painter', [config])));
  }

  get config(): PixelRnnConfig {
    return this.info.config;
  }

  /** The colours the weights were trained with (from the weights file), if any. */
  get palette(): Palette | undefined {
    return this.info.palette;
  }

  /** Numbers per pixel in a PixelValues array: 1 (index) or 3 (RGB). */
  get valueDepth(): number {
    return this.info.valueDepth;
  }

  /** Numbers per pixel in a predicted distribution: N probabilities or an RGB mean. */
  get distributionDepth(): number {
    return this.info.distributionDepth;
  }

  /** A drawing of `options.count` images, made in the host, mirrored here as it goes. */
  async startPainting(options: PaintingOptions): Promise<PaintingProxy> {
    const [, handle, start] = await createInHost('painting', [this.handle.id, options]);
    return new PaintingProxy(this.connection, handle, this, start);
  }
}

/**
 * One drawing of `count` images in progress, mirrored in the page pixel by pixel. The host draws
 * a row's worth of pixels per message, and the next batch while the page shows this one, so the
 * page never waits a round trip per pixel; `step()` reveals them one at a time.
 */
export class PaintingProxy {
  readonly count: number;
  readonly fromRow: number;
  /** Per image, its pixels so far (not yet drawn: 0). */
  readonly images: PixelValues[];
  /** Per image, the model's prediction at every drawn pixel (NaN where not drawn yet). */
  readonly predictions: Float32Array[];
  /** Pixels the host has drawn that the page has not revealed yet. */
  private readonly drawnAhead: PaintedPixel[] = [];
  private fetching: Promise<void> | undefined;
  private hostDone: boolean;
  private position_: { row: number; column: number };
  private released = false;
  private readonly width: number;
  private readonly batch: number;
  private readonly valueDepth: number;
  private readonly distributionDepth: number;

  constructor(
    private readonly connection: ModelConnection,
    private readonly handle: ModelHandle<'painting'>,
    painter: PainterProxy,
    start: InfoOf<'painting'>,
  ) {
    const { height, width } = painter.config;
    this.count = start.count;
    this.fromRow = start.fromRow;
    // A copy: in the page's own host the painting's arrays run ahead of what is revealed.
    this.images = start.images.map((image) => image.slice());
    this.hostDone = start.done;
    this.position_ = start.position;
    this.width = width;
    this.batch = width;
    this.valueDepth = painter.valueDepth;
    this.distributionDepth = painter.distributionDepth;
    this.predictions = Array.from({ length: this.count }, () =>
      new Float32Array(height * width * this.distributionDepth).fill(NaN),
    );
  }

  get done(): boolean {
    return this.hostDone && this.drawnAhead.length === 0;
  }

  /** The pixel the next step draws. */
  get position(): { row: number; column: number } {
    return this.position_;
  }

  /** Draws (reveals) the next pixel of every image; returns where. */
  async step(): Promise<{ row: number; column: number }> {
    if (this.drawnAhead.length === 0 && !this.hostDone) await this.fetchAhead();
    const pixel = this.drawnAhead.shift();
    if (!pixel) return this.position_;
    this.apply(pixel);
    this.position_ = nextPixel(pixel, this.width);
    // Ask for the next batch while this one is shown.
    if (this.drawnAhead.length < this.batch / 2 && !this.hostDone) void this.fetchAhead();
    if (this.done) this.dispose();
    return { row: pixel.row, column: pixel.column };
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    this.connection.release(this.handle);
  }

  /** One request for the next batch of pixels at a time. */
  private fetchAhead(): Promise<void> {
    this.fetching ??= this.connection
      .call(this.handle, 'steps', [this.batch])
      .then(({ drawn, done }) => {
        this.drawnAhead.push(...drawn);
        this.hostDone = done;
      })
      .finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private apply({ row, column, values, predictions }: PaintedPixel): void {
    const pixel = row * this.width + column;
    for (let i = 0; i < this.count; i++) {
      this.images[i].set(values[i], pixel * this.valueDepth);
      this.predictions[i].set(predictions[i], pixel * this.distributionDepth);
    }
  }
}

function nextPixel(
  { row, column }: { row: number; column: number },
  width: number,
): { row: number; column: number } {
  return column + 1 < width ? { row, column: column + 1 } : { row: row + 1, column: 0 };
}
