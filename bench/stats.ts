/** Summary statistics shared by the bench page's measurements. */
export interface Stats {
  runs: number;
  median: number;
  p90: number;
  min: number;
}

export function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { runs: sorted.length, median, p90: at(0.9), min: sorted[0] };
}

/** Our implementation against tfjs-layers: the statistics of each and the ratio of medians. */
export function versus(times: { ours: number[]; layers: number[] }) {
  const ours = stats(times.ours);
  const layers = stats(times.layers);
  return { ours, layers, ratio: ours.median / layers.median };
}

/**
 * Times async variants run in turn (so that a slow moment of the machine hits all of them alike):
 * `warmup` untimed rounds, then `runs` timed ones. Also counts the tensors the timed rounds left.
 */
export async function timeAlternating<K extends string>(
  variants: Record<K, () => Promise<void>>,
  warmup: number,
  runs: number,
  tensorCount: () => number,
): Promise<{ times: Record<K, number[]>; tensorsLeaked: number }> {
  const names = Object.keys(variants) as K[];
  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();
  const before = tensorCount();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const t0 = performance.now();
      await variants[name]();
      times[name].push(performance.now() - t0);
    }
  }
  return { times, tensorsLeaked: tensorCount() - before };
}
