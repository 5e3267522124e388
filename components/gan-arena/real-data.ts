/**
 * Where <gan-arena>'s real samples come from: a toy distribution or the points the user placed
 * (2-d), the bundled digits or the user's own, drawn or uploaded (digits). The choice is kept
 * here and sent to the trainer whenever it changes. Also the ways custom points come in: a click
 * on the plane, the shared state and `fineTune` (the last two checked, as they come from outside).
 */
import { realSamplerFor, type RealData } from '../../src/data/real-samples.js';
import { PLANE, type Point } from '../../src/data/toy-distributions.js';
import { imageToDigit, DIGIT_SIZE, type ImageInput } from '../../src/data/digit-image.js';
import { loadDigitSprite } from '../../src/data/digit-sprite.js';
import type { DrawPad } from '../shared/draw-pad.js';
import type { ArenaMode } from './attributes.js';
import { realDigitsFiles } from './assets.js';
import type { ArenaContext } from './context.js';
import { VIEW_POINTS } from './types.js';
import { digitsOf } from '../../src/worker/image-inputs.js';

const PIXELS = DIGIT_SIZE * DIGIT_SIZE;

/** A few points for `custom` until the user has placed their own. */
const DEFAULT_CUSTOM_POINTS: Point[] = [
  { x: -0.5, y: 0.5 },
  { x: 0.5, y: 0.5 },
  { x: 0, y: -0.5 },
];

/** The real data in use; it asks the element to render when the user's digits change. */
export class RealDataChoice {
  #bundledDigits: Float32Array[] = [];
  #userDigits: Float32Array[] = [];
  #trainOnMine = false;
  #preview: Float32Array = new Float32Array();

  constructor(private readonly context: ArenaContext) {}

  /** How many digits the user has given. */
  get userDigits(): number {
    return this.#userDigits.length;
  }
  /** Whether the user's digits, not the bundled ones, are the real data. */
  get trainOnMine(): boolean {
    return this.#trainOnMine;
  }
  /** Real points drawn on the plane beside G's (2-d). */
  get preview(): Float32Array {
    return this.#preview;
  }

  /** The real samples' source now, as data for the trainer. */
  data(): RealData {
    if (this.context.mode() === '2d') {
      const custom = this.context.customPoints();
      const points = custom.length ? custom : DEFAULT_CUSTOM_POINTS;
      return { kind: 'toy', distribution: this.context.distribution(), points };
    }
    const pool =
      this.#trainOnMine && this.#userDigits.length ? this.#userDigits : this.#bundledDigits;
    const flat = new Float32Array(pool.length * PIXELS);
    pool.forEach((digit, i) => flat.set(digit, i * PIXELS));
    return { kind: 'images', pool: flat, size: PIXELS };
  }

  /** Tells the trainer where real samples come from now. */
  send(): void {
    void this.context.trainer()?.call('setRealData', this.data());
  }

  /** The choice changed: the trainer is told, and in 2-d new real points are drawn for the plane. */
  refresh(mode: ArenaMode): void {
    this.send();
    if (mode !== '2d') return;
    this.#preview = realSamplerFor(this.data())(VIEW_POINTS['2d'], this.context.nextSeed());
  }

  /**
   * Real points to show on the plane before the networks are ready (2-d): drawn with a fixed
   * seed, so that the element's own random stream is the same whether or not they were shown.
   */
  placeholder(): Float32Array {
    return realSamplerFor(this.data())(VIEW_POINTS['2d'], 1);
  }

  /** The digits the bundled networks were trained on, loaded once. */
  async loadBundledDigits(): Promise<void> {
    if (this.#bundledDigits.length === 0)
      this.#bundledDigits = (await loadDigitSprite(realDigitsFiles())).digits;
  }

  /** The drawing on the pad becomes one of the user's digits. */
  async addDrawing(): Promise<void> {
    const pad = this.context.root().querySelector<DrawPad>('ge-draw-pad');
    if (!pad || pad.isEmpty) return;
    const digit = await imageToDigit(pad.toImageData());
    pad.clear();
    this.#addUserDigits([digit]);
  }

  /** The picked image files become the user's digits. */
  async addFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    try {
      this.#addUserDigits(await Promise.all(files.map((file) => imageToDigit(file))));
      this.context.clearError('data');
    } catch (cause) {
      this.context.showError('data', this.context.describe(cause), cause);
    }
  }

  /** Trains on the user's digits (once there are some) or the bundled ones. */
  trainOn(mine: boolean): void {
    if (mine && this.#userDigits.length === 0) {
      this.context.showError('data', this.context.strings().needDigits);
      return;
    }
    this.context.clearError('data');
    if (this.#trainOnMine !== mine) this.context.host.requestUpdate();
    this.#trainOnMine = mine;
    this.send();
  }

  /** `fineTune`'s data: points become the `custom` distribution, images the user's digits. */
  async useFineTuneData(items: (ImageInput | Point)[]): Promise<void> {
    if (items.length === 0) throw new RangeError('fineTune needs at least one example.');
    if (this.context.mode() === '2d') {
      checkFineTunePoints(items as Point[]);
      this.context.setCustomPoints(items as Point[]);
      this.context.host.setAttribute('distribution', 'custom');
    } else {
      const images = items as ImageInput[];
      this.#userDigits = await digitsOf(images);
      this.#trainOnMine = true;
      this.context.host.requestUpdate();
    }
  }

  #addUserDigits(digits: Float32Array[]): void {
    this.#userDigits = [...this.#userDigits, ...digits];
    this.context.host.requestUpdate();
    if (this.#trainOnMine) this.send();
  }
}

/** The point of the plane under the pointer. */
export function pointUnderPointer(event: PointerEvent): Point {
  const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
  const span = PLANE.max - PLANE.min;
  return {
    x: PLANE.min + ((event.clientX - rect.left) / rect.width) * span,
    y: PLANE.max - ((event.clientY - rect.top) / rect.height) * span,
  };
}

/** The custom points as they travel with the shared state: pairs, rounded to 3 decimals. */
export function sharedPoints(points: readonly Point[]): [number, number][] {
  return points.map((p) => [Math.round(p.x * 1000) / 1000, Math.round(p.y * 1000) / 1000]);
}

/** The shared state's `points`, checked: at most 200 pairs [x, y] inside the plane. */
export function pointsFromSharedState(points: unknown): Point[] {
  const valid =
    Array.isArray(points) &&
    points.length <= 200 &&
    points.every(
      (p) =>
        Array.isArray(p) &&
        p.length === 2 &&
        p.every((v) => Number.isFinite(v) && Math.abs(v as number) <= 1.5),
    );
  if (!valid)
    throw new RangeError('setState: "points" must be at most 200 pairs [x, y] inside the plane.');
  return (points as [number, number][]).map(([x, y]) => ({ x, y }));
}

/** `fineTune`'s data in 2-d mode, checked: points `{x, y}` of finite numbers in [−1, 1]². */
function checkFineTunePoints(points: readonly Point[]): void {
  if (!points.every((p) => Number.isFinite(p?.x) && Number.isFinite(p?.y)))
    throw new TypeError('In 2d mode, fineTune takes points {x, y} of finite numbers.');
  if (!points.every((p) => Math.abs(p.x) <= 1.5 && Math.abs(p.y) <= 1.5))
    throw new RangeError('fineTune: 2-d points lie in [−1, 1]² (the plane shown).');
}
