/**
 * The arena's views: the 2-d plane, or the sheet of generated digits with D's verdicts and the
 * walk between two noise vectors. Each redraw asks the trainer, then paints with the arena's
 * state as it is when the answer arrives, and hands the plane's numbers to the round record.
 */
import type { PlaneView } from '../../src/worker/gan-proxy.js';
import { PLANE } from '../../src/data/toy-distributions.js';
import { digitSheet, DIGIT_SIZE } from '../../src/data/digit-image.js';
import { drawPlane, FAKE_COLOUR, REAL_COLOUR } from './plane-view.js';
import type { ArenaContext } from './context.js';
import type { ArenaRounds } from './rounds.js';
import type { RealDataChoice } from './real-data.js';

/** The square of the plane shown: [min, max] on both axes. */
const DOMAIN: readonly [number, number] = [PLANE.min, PLANE.max];
/** D's decision map is sampled on this many cells per side. */
const DECISION_GRID = 40;
export const SAMPLE_COLUMNS = 8;
const WALK_STEPS = 10;

const PIXELS = DIGIT_SIZE * DIGIT_SIZE;

export class ArenaViews {
  /** The two noise vectors the walk goes between. */
  #walkSeeds: [number, number] = [1, 2];

  constructor(
    private readonly context: ArenaContext,
    private readonly real: RealDataChoice,
    private readonly rounds: ArenaRounds,
  ) {}

  /** Redraws the view of the mode, then the readout and charts. */
  async draw(): Promise<void> {
    const trainer = this.context.trainer();
    if (!trainer) return;
    this.rounds.viewStarted();
    if (this.context.mode() === '2d') {
      const view = await trainer.call('planeView', DECISION_GRID, DOMAIN);
      const real = this.real.preview;
      paintPlane(this.context.root(), view, real);
      this.rounds.planeDrawn(real, view.generated, this.context.distribution());
    } else {
      const { samples, realness } = await trainer.call('fixedSamples', { ema: true });
      paintSamples(this.context.root(), samples, realness);
      await this.drawWalk();
    }
    this.rounds.viewDrawn();
  }

  /** Before the networks are ready (2-d): the real data alone, something to look at at once. */
  drawBeforeReady(): void {
    const canvas = this.context.root().querySelector<HTMLCanvasElement>('canvas.plane');
    if (this.context.mode() === '2d' && canvas)
      drawPlane(canvas, { domain: DOMAIN, real: this.real.placeholder(), fake: [] });
  }

  /** The real data changed (distribution or custom points): new real points, redrawn. */
  newRealData(): Promise<void> {
    this.real.refresh(this.context.mode());
    return this.draw();
  }

  /** A walk between two new noise vectors. */
  newWalk(): Promise<void> {
    this.#walkSeeds = [this.context.nextSeed(), this.context.nextSeed()];
    return this.drawWalk();
  }

  async drawWalk(): Promise<void> {
    const canvas = this.context.root().querySelector<HTMLCanvasElement>('canvas.walk');
    const trainer = this.context.trainer();
    if (!canvas || !trainer) return;
    paintWalk(canvas, await trainer.call('latentWalk', WALK_STEPS, this.#walkSeeds, { ema: true }));
  }
}

/** The plane, if shown: D's decision map, the real and generated points, G's arrows. */
function paintPlane(root: ParentNode, view: PlaneView, real: Float32Array): void {
  const canvas = root.querySelector<HTMLCanvasElement>('canvas.plane');
  if (!canvas) return;
  drawPlane(canvas, {
    domain: DOMAIN,
    decision: { values: view.decision, size: view.decisionSize },
    real,
    fake: view.generated,
    arrows: view.arrows,
  });
}

/** The generated digits, if shown, in an 8-column sheet, each with a bar showing D's belief that it is real. */
function paintSamples(root: ParentNode, samples: Float32Array, realness: Float32Array): void {
  const canvas = root.querySelector<HTMLCanvasElement>('canvas.sheet');
  if (!canvas) return;
  const count = realness.length;
  const rows = Math.ceil(count / SAMPLE_COLUMNS);
  const cellHeight = DIGIT_SIZE + 4;
  canvas.width = SAMPLE_COLUMNS * DIGIT_SIZE;
  canvas.height = rows * cellHeight;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (let row = 0; row < rows; row++) {
    const rowPixels = samples.subarray(
      row * SAMPLE_COLUMNS * PIXELS,
      (row + 1) * SAMPLE_COLUMNS * PIXELS,
    );
    context.putImageData(digitSheet(rowPixels, SAMPLE_COLUMNS, 1), 0, row * cellHeight);
    for (
      let column = 0;
      column < SAMPLE_COLUMNS && row * SAMPLE_COLUMNS + column < count;
      column++
    ) {
      const p = realness[row * SAMPLE_COLUMNS + column];
      context.fillStyle = p >= 0.5 ? REAL_COLOUR : FAKE_COLOUR;
      context.fillRect(
        column * DIGIT_SIZE + 1,
        row * cellHeight + DIGIT_SIZE + 1,
        Math.max(1, p * (DIGIT_SIZE - 2)),
        2,
      );
    }
  }
}

/** The walk's digits in one row. */
function paintWalk(canvas: HTMLCanvasElement, walk: Float32Array): void {
  canvas.width = WALK_STEPS * DIGIT_SIZE;
  canvas.height = DIGIT_SIZE;
  canvas.getContext('2d')!.putImageData(digitSheet(walk, WALK_STEPS, 1), 0, 0);
}
