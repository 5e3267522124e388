/**
 * The painting loop: asks every panel's painting (in the worker) for the next pixel and redraws
 * the canvases once per animation frame, or after `speed` pixels, or at `speed="instant"` every
 * few milliseconds so the page stays responsive. It waits where it is while paused. Off screen, a
 * drawing the element started itself (autoplay) or the reader started (a button) waits too; one
 * the page's script asked for (`generate()`, `complete()`) goes on without the animation, so
 * that it always answers. A newer drawing cancels an older one, whose promise then rejects with
 * PaintingCancelled.
 */
import type { ReactiveController } from 'lit';
import { format } from '../shared/i18n.js';
import { yieldToBrowser } from '../../src/runtime/step-loop.js';
import { indicesToValues, rgbToImageData, valuesToRgb } from '../../src/data/pixel-images.js';
import type { CanvasContext } from './context.js';
import { imageSizeOf, panelKeysOf } from './painters.js';
import { drawPanels, saturationOf, type Panel } from './panel.js';
import type { PredictionView } from './prediction-view.js';
import type { GenerateEndDetail, PixelRnnPanelResult } from './types.js';

/** Longest a burst of `speed="instant"` drawing holds the main thread before yielding. */
const INSTANT_SLICE_MS = 12;

/** A drawing was replaced by a newer one (or the model changed): not a problem to show. */
export class PaintingCancelled extends Error {}

/** Rows 0 … fromRow−1 of `given` (palette indices) are kept; the model draws the rest. */
export interface PaintOptions {
  given?: Int32Array;
  fromRow?: number;
  /** Wait while the element is off screen (autoplay, the reader's buttons); default: go on. */
  holdOffScreen?: boolean;
}

/** A frame, or 100 ms where frames do not come (a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class PaintingScheduler implements ReactiveController {
  /** The panels on show: the drawing in progress or the last one finished. */
  #panels: Panel[] = [];
  #paused = false;
  #progressText = '';
  #resumePainting: (() => void) | undefined;
  /** Bumped to cancel the painting in progress. */
  #run = 0;
  #painting: Promise<unknown> | undefined;

  constructor(
    private readonly context: CanvasContext,
    private readonly prediction: PredictionView,
  ) {
    context.host.addController(this);
  }

  get panels(): readonly Panel[] {
    return this.#panels;
  }

  /** Whether a drawing is under way (paused or not). */
  get drawing(): boolean {
    return this.#painting !== undefined;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** "Pixel n of N", then "finished". */
  get progressText(): string {
    return this.#progressText;
  }

  /** Holds the drawing in progress after the current pixel. */
  pause(): void {
    if (this.#painting) this.#setPaused(true);
  }

  resume(): void {
    this.#setPaused(false);
    this.#resumePainting?.();
  }

  /** Cancels the drawing in progress (it stops at its next pixel). */
  cancel(): void {
    this.#run++;
    this.#setPaused(false);
    this.#resumePainting?.();
  }

  /** The element left the page: the drawing in progress stops (releaseModel waits for it). */
  hostDisconnected(): void {
    this.cancel();
  }

  /** Cancels the drawing in progress and waits until it has stopped. */
  async stop(): Promise<void> {
    this.cancel();
    await this.#painting?.catch(() => undefined);
  }

  /** Frees the paintings of the panels on show (the painters are going). */
  disposePanels(): void {
    for (const panel of this.#panels) panel.painting.dispose();
    this.#setPanels([]);
  }

  /** Empty panels and no progress: nothing drawn yet. */
  clear(): void {
    this.#setPanels([]);
    this.#setProgress('');
  }

  /** Runs one drawing on every panel; a newer drawing cancels an older one. */
  async paint(options: PaintOptions): Promise<PixelRnnPanelResult[]> {
    this.cancel();
    await this.#painting?.catch(() => undefined);
    const run = this.#run;
    const task = this.#paintRun(run, options);
    this.#painting = task;
    try {
      return await task;
    } finally {
      if (this.#painting === task) this.#painting = undefined;
    }
  }

  async #paintRun(run: number, options: PaintOptions): Promise<PixelRnnPanelResult[]> {
    const { settings, painters } = this.context;
    for (const panel of this.#panels) panel.painting.dispose();
    this.#setPanels([]);
    const panels = await Promise.all(
      panelKeysOf(settings).map(async (key): Promise<Panel> => {
        const painter = painters.get(key)!;
        const format = painters.formatOf(key);
        const painting = await painter.startPainting({
          count: settings.count,
          temperature: settings.temperature,
          seed: this.context.nextSeed(),
          given: options.given ? indicesToValues(options.given, format) : undefined,
          fromRow: options.fromRow ?? 0,
        });
        return { key, painter, format, painting, nll: null, saturation: null };
      }),
    );
    if (run !== this.#run) throw this.#cancelled(panels);
    this.#setPanels(panels);
    this.prediction.reset();
    this.context.clearError('generate');
    await this.context.host.updateComplete;
    const size = imageSizeOf(settings);
    const total = size * size;
    let drawnSinceFrame = 0;
    let sliceStart = performance.now();
    while (!panels.every((p) => p.painting.done)) {
      if (run !== this.#run) throw this.#cancelled(panels);
      if (this.#paused) {
        this.#redraw(panels);
        await new Promise<void>((resolve) => (this.#resumePainting = resolve));
        this.#resumePainting = undefined;
        continue;
      }
      const onScreen = this.context.isOnScreen();
      if (!onScreen && options.holdOffScreen) {
        // The drawing waits where it is, and goes on when the element is back.
        this.#redraw(panels);
        await this.context.whenOnScreen();
        continue;
      }
      let position = { row: 0, column: 0 };
      for (const panel of panels) if (!panel.painting.done) position = await panel.painting.step();
      drawnSinceFrame++;
      this.prediction.showDrawn(position);
      // Off screen nobody watches: draw as fast as `speed="instant"` (no frames come anyway).
      const instant = settings.speed === 'instant' || !onScreen;
      if (
        instant
          ? performance.now() - sliceStart > INSTANT_SLICE_MS
          : drawnSinceFrame >= (settings.speed as number)
      ) {
        this.#setProgress(
          format(this.context.strings().drawing, {
            pixel: position.row * imageSizeOf(settings) + position.column + 1,
            total,
          }),
        );
        this.#redraw(panels);
        await (instant ? yieldToBrowser() : nextFrame());
        drawnSinceFrame = 0;
        sliceStart = performance.now();
      }
    }
    if (run !== this.#run) throw this.#cancelled(panels);
    for (const panel of panels) {
      panel.nll = Array.from(await panel.painter.call('nll', panel.painting.images));
      panel.saturation = saturationOf(
        panel.painting.images.map((values) => valuesToRgb(values, panel.format)),
      );
    }
    this.#setProgress(this.context.strings().finished);
    this.#redraw(panels);
    this.context.host.requestUpdate();
    const results = panels.map((panel) => ({
      encoding: panel.format.encoding,
      images: panel.painting.images.map((values) =>
        rgbToImageData(valuesToRgb(values, panel.format), panel.format.size),
      ),
      nll: panel.nll!,
    }));
    this.context.emit<GenerateEndDetail>('generate-end', {
      images: results[0].images,
      nll: results[0].nll,
      panels: results,
    });
    return results;
  }

  #cancelled(panels: Panel[]): PaintingCancelled {
    for (const panel of panels) panel.painting.dispose();
    if (this.#panels === panels) this.#setPanels([]);
    return new PaintingCancelled('The drawing was replaced by a newer one.');
  }

  #redraw(panels: Panel[]): void {
    drawPanels(this.context.root(), panels);
    this.context.host.requestUpdate();
  }

  // The template reads these: each change asks the element to render again.
  #setPanels(panels: Panel[]): void {
    this.#panels = panels;
    this.context.host.requestUpdate();
  }

  #setPaused(paused: boolean): void {
    this.#paused = paused;
    this.context.host.requestUpdate();
  }

  #setProgress(text: string): void {
    this.#progressText = text;
    this.context.host.requestUpdate();
  }
}
