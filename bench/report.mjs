// The bench's report: a line of facts per backend, the tables, each target checked (fixed
// targets: the bench only reports whether they are met), and the pages' warnings and errors.
import { sizeOfUrls } from './sizes.mjs';
import { GAN_LAB, PLAN, TARGET } from './measure.mjs';
import {
  KB,
  backendFacts,
  failedParts,
  kb,
  ms,
  ok,
  rate,
  ran,
  spread,
  table,
  targetChecks,
} from './report-lines.mjs';

const elementReady = (r) => ok(r) && !r.skipped && r.outcome === 'ready';

/**
 * Prints the report of `runs` (by backend, then part) and `sizes` (bench/sizes.mjs); returns every
 * target checked, met or not.
 */
export function report({ backends, runs, sizes, dist, browserVersion, pageMessages }) {
  const { targets, check, checkAtLeast, row } = targetChecks();

  const label = (backend) =>
    ran(backend, runs[backend].decoder?.info?.backend ?? runs[backend].element?.activeBackend);
  const ganLabel = (backend) => {
    const { gan, ganElement } = runs[backend];
    const actual =
      (ok(gan) && gan.info.backend) || (ok(ganElement) && ganElement.activeBackend) || null;
    return ran(backend, actual);
  };
  /** The backend a bench-page part really ran on, else the one asked for. */
  const pageLabel = (backend, part) => {
    const p = runs[backend][part];
    return (ok(p) && !p.skipped && p.info.backend) || backend;
  };

  console.log(
    `\nChromium ${browserVersion}, Node ${process.version}; timings are noisy (shared 2-core machine).`,
  );
  for (const backend of backends)
    console.log(`  ${backend}: ${backendFacts(runs, backend).join(', ')}`);

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
        [label(backend)],
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
        label(backend),
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

  table(
    `<gan-arena> 2-d (ring, batch 64), all visuals redrawn each frame: rounds/s over ${PLAN.wasm.gan.elementSeconds} s after model-ready`,
    'Backend; Element rounds/s; Element redraws/s; Page frames/s; Model alone rounds/s; Element/alone; Round ms (alone); planeView ms; Target; Met?',
    backends.map((backend) => {
      const { ganElement: e, gan } = runs[backend];
      const toy = ok(gan) && !gan.toy.error ? gan.toy : null;
      const element = elementReady(e) ? e : null;
      const alone =
        element && toy ? (element.roundsPerSecond / toy.roundsPerSecond).toFixed(2) : '—';
      return [
        ...row(backend, [ganLabel(backend)], element, [
          [(r) => rate(r.roundsPerSecond), ok(e) ? e.outcome : 'failed'],
          [(r) => rate(r.redrawsPerSecond)],
          [(r) => rate(r.framesPerSecond)],
        ]),
        ...row(
          backend,
          [],
          toy,
          [
            [(t) => rate(t.roundsPerSecond), 'failed'],
            [() => alone, alone],
            [(t) => ms(t.round.median)],
            [(t) => `${ms(t.planeView.median)} (n=${t.planeView.runs})`],
          ],
          [
            `element ≥ ${TARGET.ganRoundsPerSecond}`,
            () =>
              checkAtLeast(
                'WASM <gan-arena> 2-d rounds/s, visuals every frame',
                element?.roundsPerSecond ?? null,
                TARGET.ganRoundsPerSecond,
              ),
          ],
        ),
      ];
    }),
  );
  console.log(
    `  GAN Lab, measured on this machine for comparison: about ${GAN_LAB.ring} iterations/s on its ring preset, ${GAN_LAB.default} on its default.`,
  );
  console.log(
    "  Redraws = times the element drew its plane canvas (decision map, points, arrows; charts follow); frames = the page's requestAnimationFrame callbacks.",
  );

  const longTaskRows = [];
  const longTaskNotes = [];
  for (const backend of backends) {
    for (const [mode, r] of [
      ['2-d', runs[backend].ganElement],
      ['digits', runs[backend].ganDigitsElement],
    ]) {
      if (r === undefined) continue;
      if (r.skipped) {
        longTaskRows.push([ganLabel(backend), mode, 'skipped', '—', '—', '—', '—', '—', '—', '']);
        longTaskNotes.push(`${backend} ${mode} skipped: ${r.skipped}.`);
        continue;
      }
      const element = elementReady(r) ? r : null;
      const random = mode === 'digits' && element && !r.pretrained ? ' (random init)' : '';
      longTaskRows.push(
        row(
          backend,
          [ganLabel(backend), mode + random],
          element,
          [
            [(e) => e.seconds.toFixed(1), ok(r) ? r.outcome : 'failed'],
            [(e) => rate(e.roundsPerSecond)],
            [(e) => rate(e.redrawsPerSecond)],
            [(e) => e.longTasks.count],
            [(e) => ms(e.longTasks.maxMs)],
            [(e) => ms(e.longTasks.totalMs)],
          ],
          [
            `≤ ${TARGET.ganLongTasks} tasks`,
            () =>
              check(
                `WASM <gan-arena> ${mode} long tasks > 50 ms`,
                element ? r.longTasks.count : null,
                TARGET.ganLongTasks,
              ),
          ],
        ),
      );
    }
  }
  table(
    'Main-thread long tasks (> 50 ms) while <gan-arena> trains (PerformanceObserver "longtask")',
    'Backend; Mode; Watched s; Rounds/s; Redraws/s; Long tasks; Max ms; Total ms; Target; Met?',
    longTaskRows,
  );
  for (const note of longTaskNotes) console.log(`  ${note}`);

  /** Ours against tfjs-layers: runs, both spreads, the ratio, then `more` columns. */
  const versusLayers = (absent, more, spreadsAbsent = '—') => [
    [(d) => d.ours.runs, absent],
    [(d) => spread(d.ours), spreadsAbsent],
    [(d) => spread(d.layers), spreadsAbsent],
    [(d) => d.ratio.toFixed(2)],
    ...more,
  ];
  table(
    'Digits GAN training step, batch 64 (one D + one G update): Gan.round vs tfjs-layers trainOnBatch (median / p90 ms)',
    'Backend; Runs; Ours; tfjs-layers; Ours/layers; Ours steps/s; Layers steps/s; Target; Met?',
    backends.map((backend) => {
      const { gan } = runs[backend];
      const d = ok(gan) && !gan.digits.error ? gan.digits : null;
      const columns = versusLayers(
        '—',
        [[(s) => rate(1000 / s.ours.median)], [(s) => rate(1000 / s.layers.median)]],
        'failed',
      );
      return row(backend, [ganLabel(backend)], d, columns, [
        `ratio ≤ ${TARGET.ganStepRatio}`,
        () => check('WASM digits step ours/tfjs-layers', d?.ratio ?? null, TARGET.ganStepRatio),
      ]);
    }),
  );

  table(
    '<vae-latent-explorer> fine-tuning, batch 32, as its training panel runs it (median / p90 ms per step; no target)',
    'Backend; Steps; Step; Finite; Leaked',
    backends.map((backend) => {
      const decoder = runs[backend].decoder;
      const d = ok(decoder) && decoder.fineTune ? decoder.fineTune : null;
      return row(backend, [label(backend)], d, [
        [(s) => s.step.runs, 'failed'],
        [(s) => spread(s.step)],
        [(s) => (s.finite ? 'yes' : 'NO')],
        [(s) => s.tensorsLeaked],
      ]);
    }),
  );
  table(
    'DCGAN digits training step, batch 64 (one D + one G update): Gan.round with our convolutions vs tfjs-layers conv layers (median / p90 ms)',
    'Backend; Runs; Ours; Ours steps/s; tfjs-layers; Ours/layers; Target; Met?',
    backends.map((backend) => {
      const { gan } = runs[backend];
      const d = ok(gan) && gan.dcgan && !gan.dcgan.error ? gan.dcgan : null;
      const layersCell = (s) => (s.layers ? spread(s.layers) : `cannot train: ${s.layersError}`);
      return row(
        backend,
        [ganLabel(backend)],
        d,
        [
          [(s) => s.ours.runs, 'failed'],
          [(s) => spread(s.ours), 'failed'],
          [(s) => rate(1000 / s.ours.median)],
          [layersCell],
          [(s) => (s.ratio === null ? '—' : s.ratio.toFixed(2))],
        ],
        [
          `ratio ≤ ${TARGET.ganStepRatio}`,
          () =>
            d?.ratio === null || d?.ratio === undefined
              ? 'n/a'
              : check('DCGAN step ours/tfjs-layers', d.ratio, TARGET.ganStepRatio),
        ],
      );
    }),
  );

  /** A bench-page part's measurement `key`, where it ran without error; and what to say if not. */
  const measured = (backend, part, key) => {
    const p = runs[backend][part];
    const d = ok(p) && !p.skipped && p[key] && !p[key].error ? p[key] : null;
    return { d, absent: p?.skipped ? 'skipped' : 'failed' };
  };
  const pixelRows = [];
  for (const backend of backends) {
    for (const [dataset, limit] of [
      ['digits', TARGET.pixelDigitsMs],
      ['emoji', TARGET.pixelEmojiMs],
    ]) {
      const { d, absent } = measured(backend, 'pixelRnn', dataset);
      pixelRows.push(
        row(
          backend,
          [pageLabel(backend, 'pixelRnn'), dataset],
          d,
          [
            [(s) => s.painting.runs, absent],
            [(s) => spread(s.painting)],
            [(s) => rate(s.pixelsPerSecond)],
            [(s) => spread(s.sample)],
            [(s) => s.tensorsLeaked],
          ],
          [
            `≤ ${limit} ms`,
            () =>
              check(`WASM 16 ${dataset} drawn pixel by pixel`, d?.painting.median ?? null, limit),
          ],
        ),
      );
    }
  }
  table(
    '<pixel-rnn-canvas>: 16 images drawn as one batch, one pixel at a time (median / p90 ms). "Painted": the element\'s path, every pixel\'s value and distribution read back; "sample()": read once at the end',
    'Backend; Dataset; Runs; Painted; Pixels/s; sample(); Leaked; Target; Met?',
    pixelRows,
  );
  /** A per-step comparison with tfjs-layers of a bench-page part. */
  const stepTable = (title, part, limit, name) =>
    table(
      title,
      'Backend; Runs; Ours; tfjs-layers; Ours/layers; Leaked; Target; Met?',
      backends.map((backend) => {
        const { d, absent } = measured(backend, part, 'step');
        return row(
          backend,
          [pageLabel(backend, part)],
          d,
          versusLayers(absent, [[(s) => s.tensorsLeaked]]),
          [`ratio ≤ ${limit}`, () => check(name, d?.ratio ?? null, limit)],
        );
      }),
    );
  stepTable(
    'PixelRNN per-pixel step, batch 16 (pixel input, two column GRUs, head, draw): ours vs tfjs-layers predict() (median / p90 ms)',
    'pixelRnn',
    TARGET.pixelStepRatio,
    'WASM PixelRNN step ours/tfjs-layers',
  );
  failedParts(runs, backends, 'pixelRnn', 'PixelRNN', ['digits', 'emoji', 'step']);

  table(
    '<sentence-morph>: a 5-step greedy morph (encode 2 sentences, decode 7 points, read back), after the weights are loaded (median / p90 ms)',
    'Backend; Runs; Weights load; Morph; Leaked; Target; Met?',
    backends.map((backend) => {
      const { d, absent } = measured(backend, 'sentenceVae', 'morph');
      return row(
        backend,
        [pageLabel(backend, 'sentenceVae')],
        d,
        [
          [(s) => s.morph.runs, absent],
          [(s) => ms(s.loadMs)],
          [(s) => spread(s.morph)],
          [(s) => s.tensorsLeaked],
        ],
        [
          `≤ ${TARGET.sentenceMorphMs} ms`,
          () => check('WASM 5-step greedy morph', d?.morph.median ?? null, TARGET.sentenceMorphMs),
        ],
      );
    }),
  );
  stepTable(
    'Sentence VAE decoder step, batch 7 (embedding, GRU, output over 8,192 pieces, argmax): ours vs tfjs-layers predict() (median / p90 ms)',
    'sentenceVae',
    TARGET.sentenceStepRatio,
    'WASM sentence decoder step ours/tfjs-layers',
  );
  table(
    'Sentence VAE in-page fine-tuning, batch 4 on held-out sentences, as the fine-tune panel runs it (median / p90 ms per step; no target)',
    'Backend; Steps; Step; Leaked',
    backends.map((backend) => {
      const { d, absent } = measured(backend, 'sentenceVae', 'fineTune');
      return row(backend, [pageLabel(backend, 'sentenceVae')], d, [
        [(s) => s.step.runs, absent],
        [(s) => spread(s.step)],
        [(s) => s.tensorsLeaked],
      ]);
    }),
  );
  failedParts(runs, backends, 'sentenceVae', 'sentence VAE', ['morph', 'step', 'fineTune']);

  // With BENCH_PARTS, the targets of the parts not measured are left out of the count.
  const judged = process.env.BENCH_PARTS ? targets.filter((t) => t.value != null) : targets;
  const failed = judged.filter((t) => !t.met);
  console.log(
    `\nTargets met: ${judged.length - failed.length} of ${judged.length}${failed.length ? ` (missed: ${failed.map((t) => t.name).join('; ')})` : ''}`,
  );
  if (pageMessages.length) {
    console.log('\nPage warnings and errors:');
    for (const message of [...new Set(pageMessages)])
      console.log(`  ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
  }
  return targets;
}
