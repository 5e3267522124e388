// The bench report's building blocks: number formats, the table printer, the targets' checks
// with the row helper that every measurement table builds its rows with, and the lines of facts
// and failures printed beside the tables.
export const KB = 1024;

export const ms = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
export const kb = (bytes) => (bytes / KB).toFixed(1);
export const rate = (v) =>
  v == null || !Number.isFinite(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
/** Median / p90 of timed runs. */
export const spread = (s) => `${ms(s.median)} / ${ms(s.p90)}`;
export const ok = (result) => result && !result.error;
/** The backend, and the one that really ran where it differs. */
export const ran = (backend, actual) =>
  actual && actual !== backend ? `${backend} (ran ${actual})` : backend;
/** Columns of ours against tfjs-layers: runs, both spreads, the ratio, then `more` columns. */
export const versusLayers = (absent, more, spreadsAbsent = '—') => [
  [(d) => d.ours.runs, absent],
  [(d) => spread(d.ours), spreadsAbsent],
  [(d) => spread(d.layers), spreadsAbsent],
  [(d) => d.ratio.toFixed(2)],
  ...more,
];

/** Prints a table: `columns` are the headers, separated by '; '; the first column is left-aligned. */
export function table(title, columns, rows) {
  const headers = columns.split('; ');
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * Target checks, recorded in the order they are made (as results.json lists them), and `row`,
 * which builds a table row with a target's columns.
 */
export function targetChecks() {
  const targets = [];
  /** Records a target check and returns the text for the "met?" column. */
  const check = (name, value, limit) => {
    const met = value != null && Number.isFinite(value) && value <= limit;
    targets.push({ name, value, limit, met });
    return met ? 'yes' : 'NO';
  };
  /** The same, for a value that must reach a floor. */
  const checkAtLeast = (name, value, floor) => {
    const met = value != null && Number.isFinite(value) && value >= floor;
    targets.push({ name, value, floor, met });
    return met ? 'yes' : 'NO';
  };
  /**
   * A row: the `lead` cells, each column's value for the measurement `d` (where `d` is missing,
   * the column's text for that, '—' unless given), then the target columns: on WASM, the
   * target's text and whether it was met (`met()` records the check), elsewhere '—' and ''.
   */
  const row = (backend, lead, d, columns, target) => [
    ...lead,
    ...columns.map(([value, missing = '—']) => (d ? value(d) : missing)),
    ...(!target ? [] : backend === 'wasm' ? [target[0], target[1]()] : ['—', '']),
  ];

  return { targets, check, checkAtLeast, row };
}

/** A line per failed measurement of a bench-page part. */
export function failedParts(runs, backends, part, name, keys) {
  for (const backend of backends) {
    const p = runs[backend][part];
    for (const key of keys)
      if (ok(p) && p[key]?.error)
        console.log(`  ${backend} ${name} ${key} FAILED: ${p[key].error}`);
  }
}

/** What a backend's run says beyond the tables: leaks, cross-backend differences, failures. */
export function backendFacts(runs, backend) {
  const { element, decoder } = runs[backend];
  const facts = [];
  if (ok(decoder)) {
    for (const [key, value] of Object.entries(decoder.info))
      if (key !== 'backend') facts.push(`${key}=${value}`);
    const leaked = Object.values(decoder.grids).reduce((total, g) => total + g.tensorsLeaked, 0);
    facts.push(`tensors leaked by timed runs=${leaked}`);
    const reference = runs.wasm?.decoder?.output9x9;
    if (backend !== 'wasm' && reference && decoder.output9x9) {
      let max = 0;
      for (let i = 0; i < reference.length; i++)
        max = Math.max(max, Math.abs(reference[i] - decoder.output9x9[i]));
      facts.push(`9x9 output max |Δ| vs wasm=${max === 0 ? 0 : max.toExponential(1)}`);
    }
    if (decoder.notes.length) facts.push(`notes: ${decoder.notes.join('; ')}`);
  } else if (decoder) {
    facts.push(`decoder page FAILED: ${decoder.error}`);
  }
  // (A part left out by BENCH_PARTS has no result at all, and no line here.)
  if (element && !ok(element)) facts.push(`element page FAILED: ${element.error}`);
  else if (element?.errors.length) facts.push(`element errors: ${element.errors.join('; ')}`);
  const { gan, ganElement, ganDigitsElement } = runs[backend];
  if (ok(gan)) {
    if (!gan.info.sharedTfjsCore) facts.push('GAN page: tfjs-layers NOT on our tfjs-core');
    for (const part of ['toy', 'digits']) {
      const r = gan[part];
      if (r.error) facts.push(`GAN ${part} FAILED: ${r.error}`);
      else
        facts.push(
          `GAN ${part}: tensors leaked=${r.tensorsLeaked}${r.lossesFinite ? '' : ', NON-FINITE LOSSES'}`,
        );
    }
    const c = gan.digits?.layersCheck;
    if (c && !(c.dMovedInStep && c.gMovedInStep && c.dFrozenInCombined))
      facts.push(`tfjs-layers GAN check failed: ${JSON.stringify(c)}`);
  } else if (gan) {
    facts.push(`GAN page FAILED: ${gan.error}`);
  }
  for (const [name, r] of [
    ['gan-arena 2-d', ganElement],
    ['gan-arena digits', ganDigitsElement],
  ]) {
    if (!r || r.skipped) continue;
    if (!ok(r)) facts.push(`${name} page FAILED: ${r.error}`);
    else if (r.outcome !== 'ready')
      facts.push(`${name}: ${r.outcome}${r.errors.length ? ` (${r.errors.join('; ')})` : ''}`);
    else if (r.errors.length) facts.push(`${name} errors: ${r.errors.join('; ')}`);
  }
  return facts;
}
