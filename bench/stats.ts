/** Summary statistics shared by the bench page's measurements. */
export interface Stats {
  runs: number;
  median: number;
  p90: number;
  min: number;
}

export function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median =
    sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { runs: sorted.length, median, p90: at(0.9), min: sorted[0] };
}
