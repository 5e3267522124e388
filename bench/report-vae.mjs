// The report's tables of the VAE and the page it lives on: start-up, the grid decode against
// tfjs-layers, download sizes, and the explorer's fine-tuning steps.
import { sizeOfUrls } from './sizes.mjs';
import { TARGET } from './measure.mjs';
import { KB, kb, ms, ok, ran, spread, table } from './report-lines.mjs';

/** The backend the VAE's parts really ran on, else the one asked for. */
const vaeLabel = (runs, backend) =>
  ran(backend, runs[backend].decoder?.info?.backend ?? runs[backend].element?.activeBackend);

export function startUpTable({ backends, runs, check, row }) {
  table(
    'Start-up (ms)',
    'Backend; Weights load, first; Weights load, repeat median; First grid after connect; Target; Met?',
    backends.map((backend) => {
      const { element, decoder } = runs[backend];
      const firstGrid = ok(element) && element.outcome === 'ready' ? element.firstGridMs : null;
      const grid = !ok(element)
        ? 'failed'
        : element.outcome === 'ready'
          ? ms(element.firstGridMs)
          : element.outcome;
      return row(
        backend,
        [vaeLabel(runs, backend)],
        ok(decoder) ? decoder : null,
        [
          [(d) => ms(d.weights.firstMs), 'failed'],
          [(d) => `${ms(d.weights.repeat.median)} (n=${d.weights.repeat.runs})`, 'failed'],
          [() => grid, grid],
        ],
        [
          `first grid ≤ ${TARGET.firstGridMs}`,
          () => check('WASM first grid after connect (ms)', firstGrid, TARGET.firstGridMs),
        ],
      );
    }),
  );
}

export function gridDecodeTable({ backends, runs, check }) {
  const decodeRows = [];
  for (const backend of backends.filter((b) => ok(runs[b].decoder))) {
    for (const [grid, g] of Object.entries(runs[backend].decoder.grids)) {
      const ratio = g.ours.median / g.layers.median;
      const limit = grid === '9x9' ? TARGET.decode9Ms : TARGET.decode25Ms;
      const wasm = backend === 'wasm';
      const targetText = wasm
        ? `≤ ${limit} ms; ratio ≤ ${TARGET.ratio}`
        : `ratio ≤ ${TARGET.ratio}`;
      const metRatio = check(`${backend} ${grid} ours/tfjs-layers`, ratio, TARGET.ratio);
      const met = wasm
        ? `${check(`WASM ${grid} decode median (ms)`, g.ours.median, limit)}; ${metRatio}`
        : metRatio;
      decodeRows.push([
        vaeLabel(runs, backend),
        grid,
        g.ours.runs,
        spread(g.ours),
        spread(g.layers),
        ratio.toFixed(2),
        ms(g.layersOneBatch.median),
        g.maxAbsDiff === 0 ? '0' : g.maxAbsDiff.toExponential(1),
        targetText,
        met,
      ]);
    }
  }
  table(
    'Grid decode, DigitVae.decode vs tfjs-layers predict() + data() (median / p90 ms)',
    'Backend; Grid; Runs; Ours; tfjs-layers; Ours/layers; Layers, 1 batch; Max |Δ|; Target; Met?',
    decodeRows,
  );
}

/** Download sizes of `sizes` (bench/sizes.mjs), with the JS a WASM page fetched from `dist`. */
export function sizesTable({ runs, check }, sizes, dist) {
  const explorer = sizes.entries['vae-latent-explorer.js'];
  const all = sizes.entries['generative-elements.js'];
  const observed = ok(runs.wasm?.element) ? sizeOfUrls(dist, runs.wasm.element.fetched) : null;
  const sizeRow = (name, s, target = '—', met = '', files = s.files.length) => [
    name,
    files,
    kb(s.raw),
    kb(s.gzip),
    target,
    met,
  ];
  const optionalSize = (name, s) => (s ? [sizeRow(name, s)] : []);
  table(
    'Sizes (KB = 1024 bytes; gzip -9, per file, summed)',
    'Item; Files; Raw KB; Gzip KB; Target; Met?',
    [
      sizeRow('generative-elements.js + static chunks', all.static),
      sizeRow('generative-elements.js + static + WASM backend', all.staticPlusWasmBackend),
      sizeRow('vae-latent-explorer.js + static chunks', explorer.static),
      sizeRow(
        'vae-latent-explorer.js + static + WASM backend',
        explorer.staticPlusWasmBackend,
        `≤ ${TARGET.explorerGzipKB} gzip`,
        check(
          'vae-latent-explorer.js start-up JS on a WASM page (KB gzip)',
          explorer.staticPlusWasmBackend.gzip / KB,
          TARGET.explorerGzipKB,
        ),
      ),
      ...optionalSize('  (JS a WASM page fetched, observed)', observed),
      ...optionalSize('WebGPU backend chunk', explorer.webgpuChunk),
      ...optionalSize('  (WebGPU extra over a WASM page)', explorer.webgpuExtraOverWasmPage),
      ...Object.entries(sizes.wasmBinaries).map(([file, s]) => sizeRow(file, s, '—', '', 1)),
      sizeRow(
        'weights: model.json + weights.bin',
        sizes.weights,
        `≤ ${TARGET.weightsMB} MB raw`,
        check('weights (MB raw)', sizes.weights.raw / (KB * KB), TARGET.weightsMB),
        2,
      ),
    ],
  );
}

export function explorerFineTuneTable({ backends, runs, row }) {
  table(
    '<vae-latent-explorer> fine-tuning, batch 32, as its training panel runs it (median / p90 ms per step; no target)',
    'Backend; Steps; Step; Finite; Leaked',
    backends.map((backend) => {
      const decoder = runs[backend].decoder;
      const d = ok(decoder) && decoder.fineTune ? decoder.fineTune : null;
      return row(backend, [vaeLabel(runs, backend)], d, [
        [(s) => s.step.runs, 'failed'],
        [(s) => spread(s.step)],
        [(s) => (s.finite ? 'yes' : 'NO')],
        [(s) => s.tensorsLeaked],
      ]);
    }),
  );
}
