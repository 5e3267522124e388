/**
 * Which words of a sentence are new compared with the sentence before it on a morph's path: the
 * words outside a longest common subsequence of the two (the classic diff), so a word that only
 * moved along is not marked.
 */
export function changedWords(previous: readonly string[], current: readonly string[]): boolean[] {
  const n = previous.length;
  const m = current.length;
  // common[i][j]: length of the longest common subsequence of previous[i…] and current[j…].
  const common = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] =
        previous[i] === current[j]
          ? common[i + 1][j + 1] + 1
          : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const changed = current.map(() => true);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (previous[i] === current[j]) {
      changed[j] = false;
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return changed;
}
