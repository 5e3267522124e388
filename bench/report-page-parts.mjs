// The report's tables of the parts measured on the bench page (bench/page.ts): <pixel-rnn-canvas>
// drawing and the PixelRNN's step, <sentence-morph>'s morph, the sentence VAE's decoder step and
// its fine-tuning.
import { TARGET } from './measure.mjs';
import { failedParts, ms, ok, rate, spread, table, versusLayers } from './report-lines.mjs';

/** The backend a bench-page part really ran on, else the one asked for. */
function pageLabel(runs, backend, part) {
  const p = runs[backend][part];
  return (ok(p) && !p.skipped && p.info.backend) || backend;
}

/** A bench-page part's measurement `key`, where it ran without error; and what to say if not. */
function measured(runs, backend, part, key) {
  const p = runs[backend][part];
  const d = ok(p) && !p.skipped && p[key] && !p[key].error ? p[key] : null;
  return { d, absent: p?.skipped ? 'skipped' : 'failed' };
}

/** A per-step comparison with tfjs-layers of a bench-page part. */
function stepTable({ backends, runs, check, row }, title, part, limit, name) {
  table(
    title,
    'Backend; Runs; Ours; tfjs-layers; Ours/layers; Leaked; Target; Met?',
    backends.map((backend) => {
      const { d, absent } = measured(runs, backend, part, 'step');
      return row(
        backend,
        [pageLabel(runs, backend, part)],
        d,
        versusLayers(absent, [[(s) => s.tensorsLeaked]]),
        [`ratio ≤ ${limit}`, () => check(name, d?.ratio ?? null, limit)],
      );
    }),
  );
}

export function pixelRnnTables(context) {
  const { backends, runs, check, row } = context;
  const pixelRows = [];
  for (const backend of backends) {
    for (const [dataset, limit] of [
      ['digits', TARGET.pixelDigitsMs],
      ['emoji', TARGET.pixelEmojiMs],
    ]) {
      const { d, absent } = measured(runs, backend, 'pixelRnn', dataset);
      pixelRows.push(
        row(
          backend,
          [pageLabel(runs, backend, 'pixelRnn'), dataset],
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
  stepTable(
    context,
    'PixelRNN per-pixel step, batch 16 (pixel input, two column GRUs, head, draw): ours vs tfjs-layers predict() (median / p90 ms)',
    'pixelRnn',
    TARGET.pixelStepRatio,
    'WASM PixelRNN step ours/tfjs-layers',
  );
  failedParts(runs, backends, 'pixelRnn', 'PixelRNN', ['digits', 'emoji', 'step']);
}

export function sentenceVaeTables(context) {
  const { backends, runs, check, row } = context;
  table(
    '<sentence-morph>: a 5-step greedy morph (encode 2 sentences, decode 7 points, read back), after the weights are loaded (median / p90 ms)',
    'Backend; Runs; Weights load; Morph; Leaked; Target; Met?',
    backends.map((backend) => {
      const { d, absent } = measured(runs, backend, 'sentenceVae', 'morph');
      return row(
        backend,
        [pageLabel(runs, backend, 'sentenceVae')],
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
    context,
    'Sentence VAE decoder step, batch 7 (embedding, GRU, output over 8,192 pieces, argmax): ours vs tfjs-layers predict() (median / p90 ms)',
    'sentenceVae',
    TARGET.sentenceStepRatio,
    'WASM sentence decoder step ours/tfjs-layers',
  );
  table(
    'Sentence VAE in-page fine-tuning, batch 4 on held-out sentences, as the fine-tune panel runs it (median / p90 ms per step; no target)',
    'Backend; Steps; Step; Leaked',
    backends.map((backend) => {
      const { d, absent } = measured(runs, backend, 'sentenceVae', 'fineTune');
      return row(backend, [pageLabel(runs, backend, 'sentenceVae')], d, [
        [(s) => s.step.runs, absent],
        [(s) => spread(s.step)],
        [(s) => s.tensorsLeaked],
      ]);
    }),
  );
  failedParts(runs, backends, 'sentenceVae', 'sentence VAE', ['morph', 'step', 'fineTune']);
}
