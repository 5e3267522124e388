/**
 * <ge-palette-pad>: paint a small image pixel by pixel in the colours of a palette (the emoji
 * models' 32 colours), for the top rows a PixelRNN completion starts from. Click or drag to paint;
 * the swatches choose the colour. The image is palette indices, row by row.
 */
import { LitElement, css, html } from 'lit';
import type { Palette } from '../../src/data/palette.js';
import { defineElement } from '../shared/define.js';
import { cssProperties } from '../shared/css-properties.js';

export class PalettePad extends LitElement {
  static override properties = {
    palette: { attribute: false },
    size: { type: Number },
    label: { type: String },
    colourLabel: { attribute: false },
    selected: { state: true },
  };
  static override styles = css`
    :host {
      display: inline-flex;
      gap: 8px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    canvas {
      width: var(--ge-pad-size, 160px);
      height: var(--ge-pad-size, 160px);
      image-rendering: pixelated;
      border: 1px solid #d1d5db;
      touch-action: none;
      cursor: crosshair;
    }
    .swatches {
      display: grid;
      grid-template-columns: repeat(8, 18px);
      gap: 2px;
    }
    .swatches button {
      width: 18px;
      height: 18px;
      padding: 0;
      border: 1px solid #9ca3af;
      border-radius: 2px;
      cursor: pointer;
    }
    .swatches button[aria-pressed='true'] {
      outline: 2px solid var(--ge-accent, #2563eb);
      outline-offset: 1px;
    }
  `;

  palette: Palette = [
    [255, 255, 255],
    [0, 0, 0],
  ];
  size = 16;
  label = 'Drawing pad';
  colourLabel: (index: number) => string = (index) => `colour ${index + 1}`;
  private selected = 1;
  private pixels = new Int32Array(0);
  private painting = false;

  /** The painted image as palette indices (0, the lightest colour, where nothing was painted). */
  get indices(): Int32Array {
    return Int32Array.from(this.pixels);
  }

  get isEmpty(): boolean {
    return this.pixels.every((v) => v === 0);
  }

  clear(): void {
    this.pixels = new Int32Array(this.size * this.size);
    this.paint();
  }

  override willUpdate(): void {
    // A new size, or a smaller palette than the painting uses, starts a blank painting.
    const outOfPalette = this.pixels.some((k) => k >= this.palette.length);
    if (this.pixels.length !== this.size * this.size || outOfPalette)
      this.pixels = new Int32Array(this.size * this.size);
    if (this.selected >= this.palette.length) this.selected = this.palette.length - 1;
  }

  override updated(): void {
    this.paint();
  }

  override render() {
    return html`<canvas
        width=${this.size}
        height=${this.size}
        role="img"
        aria-label=${this.label}
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
      ></canvas>
      <div class="swatches" role="group">
        ${this.palette.map(
          ([r, g, b], k) =>
            html`<button
              type="button"
              ${cssProperties({ background: `rgb(${r},${g},${b})` })}
              aria-label=${this.colourLabel(k)}
              aria-pressed=${k === this.selected ? 'true' : 'false'}
              @click=${() => (this.selected = k)}
            ></button>`,
        )}
      </div>`;
  }

  private paint(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    const image = new ImageData(this.size, this.size);
    this.pixels.forEach((k, p) => image.data.set([...this.palette[k], 255], p * 4));
    canvas.getContext('2d')!.putImageData(image, 0, 0);
  }

  private paintAt(event: PointerEvent): void {
    const rect = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * this.size);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * this.size);
    if (x < 0 || y < 0 || x >= this.size || y >= this.size) return;
    this.pixels[y * this.size + x] = this.selected;
    this.paint();
  }

  private onDown = (event: PointerEvent) => {
    this.painting = true;
    (event.currentTarget as HTMLCanvasElement).setPointerCapture?.(event.pointerId);
    this.paintAt(event);
  };

  private onMove = (event: PointerEvent) => {
    if (this.painting) this.paintAt(event);
  };

  private onUp = () => {
    this.painting = false;
  };
}

defineElement('ge-palette-pad', PalettePad);

declare global {
  interface HTMLElementTagNameMap {
    'ge-palette-pad': PalettePad;
  }
}
