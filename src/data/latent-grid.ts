/**
 * The latent sweep behind the explorer's grid: every cell is the current code with two chosen
 * dimensions replaced, the other dimensions fixed. Columns sweep the first dimension left to
 * right, rows sweep the second one bottom to top (up = larger), like a plot's axes.
 */
export interface SweepSpec {
  centre: ArrayLike<number>;
  dims: readonly [number, number];
  gridSize: number;
  /** Half-width of the sweep, in standard deviations of the prior N(0, 1). */
  range: number;
}

/** The values a swept dimension takes across the grid: centre − range … centre + range. */
export function sweepValues(centreValue: number, gridSize: number, range: number): number[] {
  return Array.from(
    { length: gridSize },
    (_, i) => centreValue - range + (2 * range * i) / (gridSize - 1),
  );
}

/** All gridSize² codes, row by row from the top, laid end to end. */
export function gridCodes({ centre, dims, gridSize, range }: SweepSpec): Float32Array {
  const latent = centre.length;
  const xs = sweepValues(centre[dims[0]], gridSize, range);
  const ys = sweepValues(centre[dims[1]], gridSize, range).reverse();
  const codes = new Float32Array(gridSize * gridSize * latent);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const offset = (row * gridSize + column) * latent;
      for (let d = 0; d < latent; d++) codes[offset + d] = centre[d];
      codes[offset + dims[0]] = xs[column];
      codes[offset + dims[1]] = ys[row];
    }
  }
  return codes;
}

/** The code at one cell (what clicking it makes the new centre). */
export function cellCode(spec: SweepSpec, row: number, column: number): Float32Array {
  const code = Float32Array.from(spec.centre);
  code[spec.dims[0]] = sweepValues(spec.centre[spec.dims[0]], spec.gridSize, spec.range)[column];
  code[spec.dims[1]] = sweepValues(spec.centre[spec.dims[1]], spec.gridSize, spec.range).reverse()[
    row
  ];
  return code;
}

/** Straight-line interpolation between two codes, `steps` points including both ends. */
export function interpolateCodes(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  steps: number,
): Float32Array {
  const latent = from.length;
  const codes = new Float32Array(steps * latent);
  for (let s = 0; s < steps; s++) {
    const t = steps === 1 ? 0 : s / (steps - 1);
    for (let d = 0; d < latent; d++) codes[s * latent + d] = (1 - t) * from[d] + t * to[d];
  }
  return codes;
}
