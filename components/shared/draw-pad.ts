/**
 * <ge-draw-pad>: a square canvas to draw a digit on with mouse, pen or finger. Light ink on a
 * dark background, like MNIST. Fires `draw-end` after each stroke.
 */
import { LitElement, css, html } from 'lit';
import { defineElement } from './define.js';

export class DrawPad extends LitElement {
  static override properties = { label: { type: String } };
  static override styles = css`
    :host {
      display: inline-block;
    }
    canvas {
      width: var(--ge-pad-size, 140px);
      height: var(--ge-pad-size, 140px);
      background: #000;
      border-radius: 4px;
      touch-action: none;
      cursor: crosshair;
      display: block;
    }
    canvas:focus-visible {
      outline: 2px solid var(--ge-accent, #2563eb);
      outline-offset: 2px;
    }
  `;

  label = 'Drawing pad';
  private drawing = false;
  private hasInk = false;
  private last: { x: number; y: number } | null = null;
  private static readonly SIDE = 280;

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  get isEmpty(): boolean {
    return !this.hasInk;
  }

  clear(): void {
    const context = this.canvas.getContext('2d')!;
    context.fillStyle = '#000';
    context.fillRect(0, 0, DrawPad.SIDE, DrawPad.SIDE);
    this.hasInk = false;
  }

  /** Draws an image into the pad (e.g. a starting digit to edit), scaled to fill it. */
  show(image: ImageData): void {
    const scratch = new OffscreenCanvas(image.width, image.height);
    scratch.getContext('2d')!.putImageData(image, 0, 0);
    const context = this.canvas.getContext('2d')!;
    context.imageSmoothingEnabled = true;
    context.drawImage(scratch, 0, 0, DrawPad.SIDE, DrawPad.SIDE);
    this.hasInk = true;
  }

  toImageData(): ImageData {
    return this.canvas.getContext('2d')!.getImageData(0, 0, DrawPad.SIDE, DrawPad.SIDE);
  }

  override firstUpdated(): void {
    this.clear();
  }

  override render() {
    return html`<canvas
      width=${DrawPad.SIDE}
      height=${DrawPad.SIDE}
      role="img"
      aria-label=${this.label}
      @pointerdown=${this.onDown}
      @pointermove=${this.onMove}
      @pointerup=${this.onUp}
      @pointercancel=${this.onUp}
    ></canvas>`;
  }

  private point(event: PointerEvent) {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * DrawPad.SIDE,
      y: ((event.clientY - rect.top) / rect.height) * DrawPad.SIDE,
    };
  }

  private onDown = (event: PointerEvent) => {
    this.drawing = true;
    this.canvas.setPointerCapture?.(event.pointerId);
    this.last = this.point(event);
    this.stroke(this.last);
  };

  private onMove = (event: PointerEvent) => {
    if (this.drawing) this.stroke(this.point(event));
  };

  private onUp = () => {
    if (!this.drawing) return;
    this.drawing = false;
    this.last = null;
    this.dispatchEvent(new CustomEvent('draw-end', { bubbles: true, composed: true }));
  };

  private stroke(to: { x: number; y: number }) {
    const context = this.canvas.getContext('2d')!;
    context.strokeStyle = '#fff';
    context.lineWidth = 22;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    const from = this.last ?? to;
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y);
    context.stroke();
    this.last = to;
    this.hasInk = true;
  }
}

defineElement('ge-draw-pad', DrawPad);

declare global {
  interface HTMLElementTagNameMap {
    'ge-draw-pad': DrawPad;
  }
}
