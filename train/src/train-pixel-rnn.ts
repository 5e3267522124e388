/**
 * `npm run train:pixel-rnn -- --dataset digits|emoji [--encoding one-hot|sigmoid] …`: runs the
 * script of the chosen dataset (digits by default): pixel-rnn-digits.ts or pixel-rnn-emoji.ts.
 */
const { parseArgs } = await import('node:util');
const { values } = parseArgs({
  options: { dataset: { type: 'string', default: 'digits' } },
  strict: false,
});
if (values.dataset === 'digits') await import('./pixel-rnn-digits.js');
else if (values.dataset === 'emoji') await import('./pixel-rnn-emoji.js');
else {
  console.error(`--dataset must be digits or emoji, got ${String(values.dataset)}`);
  process.exit(2);
}
export {};
