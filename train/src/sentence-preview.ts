/**
 * Writes components/sentence-morph/default-morph.ts: the bundled sentence model's morph of the
 * element's two built-in sentences, with its default steps and decoding, so that the element can
 * show it at once, before its model has loaded. It is exactly what the model then shows (a
 * browser test checks it); the id names the weights it came from.
 *
 *   npm run train:sentence-preview    # after the bundled sentence weights change
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { initNodeWasm } from './node-tf.js';
import { readWeightsArtifacts } from './weights-files.js';
import { SentenceMorpher } from '../../src/models/sentence-morpher.js';
import { DEFAULT_SENTENCES, STEPS } from '../../components/sentence-morph/attributes.js';

const weightsDir = 'weights/sentence-vae';
const outFile = 'components/sentence-morph/default-morph.ts';

await initNodeWasm();
const morpher = new SentenceMorpher();
await morpher.setWeights(readWeightsArtifacts(weightsDir));
const { from, to } = DEFAULT_SENTENCES;
const { tokens } = await morpher.morph(from, to, STEPS.default, { decoding: 'greedy' });
const weightsId = createHash('sha256')
  .update(readFileSync(path.join(weightsDir, 'weights.bin')))
  .digest('hex')
  .slice(0, 16);

writeFileSync(
  outFile,
  `// Written by \`npm run train:sentence-preview\` from ${weightsDir}/: do not edit.
/** The bundled model's greedy morph of the built-in sentences, shown until the model is ready. */
export const DEFAULT_MORPH = {
  /** The first 16 hex digits of the SHA-256 of the weights.bin it came from. */
  weightsId: '${weightsId}',
  steps: ${STEPS.default},
  decoding: 'greedy',
  tokens: ${JSON.stringify(tokens)},
} as const;
`,
);
console.log(`wrote ${outFile}: ${tokens.map((t) => t.join(' ')).join(' | ')}`);
morpher.dispose();
