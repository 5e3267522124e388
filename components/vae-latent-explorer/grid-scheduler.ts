/**
 * Draws the explorer's grid of decoded codes. Requests while a draw is under way coalesce into one
 * more draw with the latest centre, sweep and size, so dragging a slider or fine-tuning never
 * queues up decodes the reader would not see.
 */
import { gridCodes } from '../../src/data/latent-grid.js';
import { digitSheet, DIGIT_SIZE } from '../../src/data/digit-image.js';
import type { ExplorerHost } from './explorer-host.js';

export class GridScheduler {
  #dirty = false;
  #drawing: Promise<void> | undefined;

  constructor(private readonly host: ExplorerHost) {}

  /** Redraws the grid; calls while a draw is running coalesce into one more draw. */
  request(): Promise<void> {
    this.#dirty = true;
    this.#drawing ??= this.#drawWhileDirty().finally(() => (this.#drawing = undefined));
    return this.#drawing;
  }

  async #drawWhileDirty(): Promise<void> {
    const { explorer } = this.host;
    await explorer.updateComplete;
    while (this.#dirty) {
      const model = this.host.model();
      if (!model) return; // released: the next model draws its own grid
      this.#dirty = false;
      const { gridSize } = explorer;
      const pixels = await model.call('decode', gridCodes(this.host.sweep()), gridSize * gridSize);
      const canvas = this.host.root().querySelector<HTMLCanvasElement>('canvas.grid');
      if (!canvas) return;
      const side = gridSize * DIGIT_SIZE;
      if (canvas.width !== side) canvas.width = canvas.height = side;
      canvas.getContext('2d')!.putImageData(digitSheet(pixels, gridSize, gridSize), 0, 0);
    }
  }
}
