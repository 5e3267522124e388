// The bench's report: a line of facts per backend, the tables, each target checked (fixed
// targets: the bench only reports whether they are met), and the pages' warnings and errors.
// Each table is in the module of what it measures: report-vae.mjs, report-gan.mjs and
// report-page-parts.mjs; their building blocks are in report-lines.mjs.
import { backendFacts, targetChecks } from './report-lines.mjs';
import { explorerFineTuneTable, gridDecodeTable, sizesTable, startUpTable } from './report-vae.mjs';
import { dcganStepTable, ganArenaTable, ganLongTaskTable, ganStepTable } from './report-gan.mjs';
import { pixelRnnTables, sentenceVaeTables } from './report-page-parts.mjs';

/**
 * Prints the report of `runs` (by backend, then part) and `sizes` (bench/sizes.mjs); returns every
 * target checked, met or not.
 */
export function report({ backends, runs, sizes, dist, browserVersion, pageMessages }) {
  const { targets, check, checkAtLeast, row } = targetChecks();
  const tables = { backends, runs, check, checkAtLeast, row };

  console.log(
    `\nChromium ${browserVersion}, Node ${process.version}; timings are noisy (shared 2-core machine).`,
  );
  for (const backend of backends)
    console.log(`  ${backend}: ${backendFacts(runs, backend).join(', ')}`);
  startUpTable(tables);
  gridDecodeTable(tables);
  sizesTable(tables, sizes, dist);
  ganArenaTable(tables);
  ganLongTaskTable(tables);
  ganStepTable(tables);
  explorerFineTuneTable(tables);
  dcganStepTable(tables);
  pixelRnnTables(tables);
  sentenceVaeTables(tables);

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
