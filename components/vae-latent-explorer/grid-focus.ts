/**
 * The grid's focused cell, for the pointer and the keyboard: a click re-centres the code on a
 * cell; the arrow keys move the focus (announced to screen readers with the cell's two swept
 * values), Enter or Space re-centres on it, Home goes back to the middle.
 */
import { cellCode } from '../../src/data/latent-grid.js';
import { format, formatNumber } from '../shared/i18n.js';
import type { ExplorerContext } from './context.js';

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export class GridFocus {
  #cell = { row: 4, column: 4 };
  #announcement = '';

  constructor(private readonly context: ExplorerContext) {}

  get cell(): Readonly<{ row: number; column: number }> {
    return this.#cell;
  }
  /** What a screen reader says about the focused cell. */
  get announcement(): string {
    return this.#announcement;
  }

  /** The grid changed size: the focus goes to its middle. */
  centre(gridSize: number): void {
    const middle = Math.floor(gridSize / 2);
    this.#cell = { row: middle, column: middle };
    this.context.host.requestUpdate();
  }

  click(event: MouseEvent): void {
    const size = this.context.sweep().gridSize;
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const column = Math.min(
      size - 1,
      Math.floor(((event.clientX - rect.left) / rect.width) * size),
    );
    const row = Math.min(size - 1, Math.floor(((event.clientY - rect.top) / rect.height) * size));
    this.#cell = { row, column };
    this.context.host.requestUpdate();
    this.#recentre(row, column);
  }

  key(event: KeyboardEvent): void {
    const size = this.context.sweep().gridSize;
    const last = size - 1;
    let { row, column } = this.#cell;
    if (MOVES[event.key]) {
      row = Math.max(0, Math.min(last, row + MOVES[event.key][0]));
      column = Math.max(0, Math.min(last, column + MOVES[event.key][1]));
    } else if (event.key === 'Home') {
      row = column = Math.floor(size / 2);
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.#recentre(row, column);
      const middle = Math.floor(size / 2);
      row = column = middle;
    } else {
      return;
    }
    event.preventDefault();
    this.#cell = { row, column };
    const sweep = this.context.sweep();
    const code = cellCode(sweep, row, column);
    const [a, b] = sweep.dims;
    const lang = this.context.lang();
    this.#announcement = format(this.context.strings().cellAnnouncement, {
      row: row + 1,
      column: column + 1,
      a,
      b,
      x: formatNumber(lang, code[a], 2),
      y: formatNumber(lang, code[b], 2),
    });
    this.context.host.requestUpdate();
  }

  /** The cell's code becomes the centre. */
  #recentre(row: number, column: number): void {
    this.context.setCode(cellCode(this.context.sweep(), row, column));
  }
}
