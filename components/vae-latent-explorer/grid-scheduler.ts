/**
 * Draws the explorer's grid of decoded codes. Requests while a draw is under way coalesce into one
 * more draw with the latest centre, sweep and size, so dragging a slider or fine-tuning never
 * queues up decodes the reader would not see. A reactive controller: taken off the page, it stops
 * after the draw in progress, and draws what it skipped when it is back.
 */
import type { ReactiveController } from 'lit';
import { gridCodes } from '../../src/data/latent-grid.js';
import { digitSheet, DIGIT_SIZE } from '../../src/data/digit-image.js';
import type { ExplorerContext } from './context.js';

export class GridScheduler implements ReactiveController {
  #dirty = false;
  #drawing: Promise<void> | undefined;
  /** A redraw was dropped when the element left the page. */
  #skipped = false;

  constructor(private readonly context: ExplorerContext) {
    context.host.addController(this);
  }

  /** Redraws the grid; calls while a draw is running coalesce into one more draw. */
  request(): Promise<void> {
    this.#dirty = true;
    this.#drawing ??= this.#drawWhileDirty().finally(() => (this.#drawing = undefined));
    return this.#drawing;
  }

  hostConnected(): void {
    if (!this.#skipped) return;
    this.#skipped = false;
    void this.request();
  }

  hostDisconnected(): void {
    this.#skipped = this.#dirty || this.#drawing !== undefined;
    this.#dirty = false;
  }

  async #drawWhileDirty(): Promise<void> {
    const { context } = this;
    await context.host.updateComplete;
    while (this.#dirty) {
      const model = context.model();
      if (!model) return; // released: the next model draws its own grid
      this.#dirty = false;
      const sweep = context.sweep();
      const { gridSize } = sweep;
      const pixels = await model.call('decode', gridCodes(sweep), gridSize * gridSize);
      const canvas = context.root().querySelector<HTMLCanvasElement>('canvas.grid');
      if (!canvas) return;
      const side = gridSize * DIGIT_SIZE;
      if (canvas.width !== side) canvas.width = canvas.height = side;
      canvas.getContext('2d')!.putImageData(digitSheet(pixels, gridSize, gridSize), 0, 0);
    }
  }
}
