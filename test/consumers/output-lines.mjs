// How a check's outcome is told in one line: durations, the error lines of a tool's output, and
// tsc's errors (the fixture's own in full, those in the package's declarations counted per file).

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The error lines of a tool's output (each with the two lines after it), else its last lines. */
export function errorLines(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim());
  const picked = [];
  lines.forEach((l, i) => {
    if (/\berror\b|\[ERROR\]|✘/i.test(l) && !/^npm (error|ERR)/.test(l) && picked.length < 12)
      picked.push(...lines.slice(i, i + 3).map((x) => x.trim()));
  });
  return [...new Set(picked.length ? picked : lines.slice(-8).map((x) => x.trim()))].join(' | ');
}

const tscErrors = (output) =>
  output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error TS\d+/.test(l));
const tscFile = (line) => line.replace(/\(\d+,\d+\).*$/, '').replace(/:\d+:\d+ - .*$/, '');

/** One line: the errors in the fixture's own files in full, those in node_modules counted per file. */
export function describeTscErrors(res) {
  const errors = tscErrors(res.output);
  if (!errors.length)
    return `tsc exit ${res.code}: ${res.output.trim().split('\n').slice(-5).join(' | ')}`;
  const own = errors.filter((l) => !tscFile(l).includes('node_modules'));
  const deps = errors.filter((l) => tscFile(l).includes('node_modules'));
  const perFile = new Map();
  for (const l of deps) perFile.set(tscFile(l), (perFile.get(tscFile(l)) ?? 0) + 1);
  const parts = [`tsc exit ${res.code}, ${errors.length} error(s)`];
  if (own.length) parts.push(`${own.length} in the fixture's files: ${own.join(' ; ')}`);
  if (deps.length) {
    const files = [...perFile]
      .map(([f, n]) => `${n} in ${f.replace(/^.*node_modules\//, '')}`)
      .join(', ');
    parts.push(`${deps.length} in declarations under node_modules (${files}; first: ${deps[0]})`);
  }
  return parts.join('; ');
}

/** Indented lines after a FAIL: the first three errors of each declaration file under node_modules. */
export function tscDetails(output) {
  const seen = new Map();
  const lines = [];
  for (const l of tscErrors(output)) {
    const f = tscFile(l);
    if (!f.includes('node_modules')) continue;
    const n = (seen.get(f) ?? 0) + 1;
    seen.set(f, n);
    if (n <= 3) lines.push(l);
  }
  return lines;
}
