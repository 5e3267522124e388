/**
 * Draws the 2-d GAN's world on a canvas, the way GAN Lab shows it: D's decision map as the
 * background (green where D says "real", purple where it says "generated"), real samples,
 * generated samples, and for each generated sample the direction G's gradient pushes it.
 */
export interface PlaneScene {
  /** The square of the plane that is shown: [min, max] on both axes. */
  domain: readonly [number, number];
  /** D's probability of "real" on a size×size grid, row 0 at the top (largest y). */
  decision?: { values: ArrayLike<number>; size: number };
  real: ArrayLike<number>; // x0, y0, x1, y1, ...
  fake: ArrayLike<number>;
  /** Per generated point, the direction (dx, dy) that lowers G's loss. */
  arrows?: ArrayLike<number>;
}

export const REAL_COLOUR = '#16a34a';
export const FAKE_COLOUR = '#9333ea';
const ARROW_COLOUR = '#db2777';
const REAL_RGB = [22, 163, 74];
const FAKE_RGB = [147, 51, 234];

export function drawPlane(canvas: HTMLCanvasElement, scene: PlaneScene): void {
  const context = canvas.getContext('2d')!;
  const { width, height } = canvas;
  const [min, max] = scene.domain;
  const toX = (v: number) => ((v - min) / (max - min)) * width;
  const toY = (v: number) => (1 - (v - min) / (max - min)) * height;

  context.clearRect(0, 0, width, height);
  if (scene.decision) drawDecision(context, scene.decision, width, height);

  if (scene.arrows) {
    // Scale so the longest arrow is about a tenth of the plane: directions matter, not units.
    let longest = 1e-12;
    for (let i = 0; i < scene.arrows.length; i += 2)
      longest = Math.max(longest, Math.hypot(scene.arrows[i], scene.arrows[i + 1]));
    const scale = (0.1 * (max - min)) / longest;
    context.strokeStyle = ARROW_COLOUR;
    context.lineWidth = 1;
    context.beginPath();
    for (let i = 0; i < scene.fake.length; i += 2) {
      const x = scene.fake[i],
        y = scene.fake[i + 1];
      context.moveTo(toX(x), toY(y));
      context.lineTo(toX(x + scene.arrows[i] * scale), toY(y + scene.arrows[i + 1] * scale));
    }
    context.stroke();
  }
  drawPoints(context, scene.real, REAL_COLOUR, toX, toY);
  drawPoints(context, scene.fake, FAKE_COLOUR, toX, toY);
}

function drawPoints(
  context: CanvasRenderingContext2D,
  points: ArrayLike<number>,
  colour: string,
  toX: (v: number) => number,
  toY: (v: number) => number,
) {
  context.fillStyle = colour;
  context.globalAlpha = 0.8;
  context.beginPath();
  for (let i = 0; i < points.length; i += 2) {
    const x = toX(points[i]),
      y = toY(points[i + 1]);
    context.moveTo(x + 2.5, y);
    context.arc(x, y, 2.5, 0, Math.PI * 2);
  }
  context.fill();
  context.globalAlpha = 1;
}

let scratch: OffscreenCanvas | undefined;

function drawDecision(
  context: CanvasRenderingContext2D,
  decision: { values: ArrayLike<number>; size: number },
  width: number,
  height: number,
) {
  const { values, size } = decision;
  if (!scratch || scratch.width !== size) scratch = new OffscreenCanvas(size, size);
  const image = new ImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    // 0.5 is white (D undecided); towards 1 green (real), towards 0 purple (generated).
    const p = Math.min(1, Math.max(0, values[i]));
    const strength = Math.abs(p - 0.5) * 2 * 0.55;
    const target = p >= 0.5 ? REAL_RGB : FAKE_RGB;
    for (let c = 0; c < 3; c++)
      image.data[i * 4 + c] = Math.round(255 + (target[c] - 255) * strength);
    image.data[i * 4 + 3] = 255;
  }
  scratch.getContext('2d')!.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(scratch, 0, 0, width, height);
}
