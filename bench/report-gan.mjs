// The report's tables of <gan-arena> and the GAN: the element's rounds per second, main-thread
// long tasks while it trains, and the digits GAN's and the DCGAN's training steps against
// tfjs-layers.
import { GAN_LAB, PLAN, TARGET } from './measure.mjs';
import { ms, ok, ran, rate, spread, table, versusLayers } from './report-lines.mjs';

const elementReady = (r) => ok(r) && !r.skipped && r.outcome === 'ready';

/** The backend the GAN really ran on (the model alone, else the element), else the one asked for. */
function ganLabel(runs, backend) {
  const { gan, ganElement } = runs[backend];
  const actual =
    (ok(gan) && gan.info.backend) || (ok(ganElement) && ganElement.activeBackend) || null;
  return ran(backend, actual);
}

export function ganArenaTable({ backends, runs, checkAtLeast, row }) {
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
        ...row(backend, [ganLabel(runs, backend)], element, [
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
}

export function ganLongTaskTable({ backends, runs, check, row }) {
  const longTaskRows = [];
  const longTaskNotes = [];
  for (const backend of backends) {
    for (const [mode, r] of [
      ['2-d', runs[backend].ganElement],
      ['digits', runs[backend].ganDigitsElement],
    ]) {
      if (r === undefined) continue;
      if (r.skipped) {
        longTaskRows.push([
          ganLabel(runs, backend),
          mode,
          'skipped',
          '—',
          '—',
          '—',
          '—',
          '—',
          '—',
          '',
        ]);
        longTaskNotes.push(`${backend} ${mode} skipped: ${r.skipped}.`);
        continue;
      }
      const element = elementReady(r) ? r : null;
      const random = mode === 'digits' && element && !r.pretrained ? ' (random init)' : '';
      longTaskRows.push(
        row(
          backend,
          [ganLabel(runs, backend), mode + random],
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
}

export function ganStepTable({ backends, runs, check, row }) {
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
      return row(backend, [ganLabel(runs, backend)], d, columns, [
        `ratio ≤ ${TARGET.ganStepRatio}`,
        () => check('WASM digits step ours/tfjs-layers', d?.ratio ?? null, TARGET.ganStepRatio),
      ]);
    }),
  );
}

export function dcganStepTable({ backends, runs, check, row }) {
  table(
    'DCGAN digits training step, batch 64 (one D + one G update): Gan.round with our convolutions vs tfjs-layers conv layers (median / p90 ms)',
    'Backend; Runs; Ours; Ours steps/s; tfjs-layers; Ours/layers; Target; Met?',
    backends.map((backend) => {
      const { gan } = runs[backend];
      const d = ok(gan) && gan.dcgan && !gan.dcgan.error ? gan.dcgan : null;
      const layersCell = (s) => (s.layers ? spread(s.layers) : `cannot train: ${s.layersError}`);
      return row(
        backend,
        [ganLabel(runs, backend)],
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
}
