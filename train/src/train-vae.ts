/**
 * Rebuilds weights/vae-digits/ from real MNIST, with the same model code the browser runs.
 *
 * Protocol (as in the literature): train on dynamically binarised digits (every time a digit is
 * used, each pixel is drawn on with probability = its intensity); evaluate on the 10k test digits
 * binarised once with a fixed seed. Reports −ELBO, its KL part, an importance-sampled NLL and
 * the number of active code dimensions, into MODEL_CARD.md and metrics.json.
 *
 *   npm run train:vae                      # the bundled weights
 *   npm run train:vae -- --smoke --out DIR # a few hundred digits, a few steps (CI)
 *   npm run train:vae -- --evaluate        # re-evaluate the weights in --out without training
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMnistScript } from './script-start.js';
import { digitBatch, type Digits } from './mnist.js';
import {
  readJson,
  readWeightsArtifacts,
  roundToFloat16,
  roundToUint8,
  writeFloat16Weights,
  writeUint8Weights,
} from './weights-files.js';
import { writeStarterDigits } from './digit-pictures.js';
import {
  vaeCard,
  TEST_BINARISATION_SEED,
  type VaeHistoryRow,
  type VaeMetrics,
} from './vae-card.js';
import { shuffledIndices } from './seeded.js';
import { Vae, CONV_DIGITS_VAE_CONFIG, DENSE_DIGITS_VAE_CONFIG } from '../../src/models/vae.js';
import { assignArtifacts } from '../../src/runtime/weights-format.js';
import { createRng } from '../../src/runtime/random.js';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'weights/vae-digits' },
    epochs: { type: 'string', default: '90' },
    'batch-size': { type: 'string', default: '100' },
    'learning-rate': { type: 'string', default: '0.001' },
    'warmup-epochs': { type: 'string', default: '5' },
    'iw-samples': { type: 'string', default: '1000' },
    'iw-digits': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    // 'dense': the bundled perceptrons; 'conv': convolutions in the encoder, transposed
    // convolutions in the decoder.
    architecture: { type: 'string', default: 'dense' },
    // Stop training after this many minutes even if the epochs are not done (the card says so).
    minutes: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    evaluate: { type: 'boolean', default: false },
    // How the weights file stores them: 'float16', or 'uint8' (8-bit affine per large tensor,
    // float16 for the small ones). With --evaluate, the weights in --out are measured as they
    // are, rounded to this format, measured again and written in it.
    // Default: float16 when training, the weights' own format with --evaluate.
    'weights-format': { type: 'string' },
  },
});

const smoke = flags.smoke;
const evaluateOnly = flags.evaluate;
const outDir = path.resolve(flags.out);
// Re-evaluating keeps the training run's own record (epochs, time) from its metrics.json.
const previousRun = evaluateOnly
  ? readJson<{
      epochs: number;
      train_seconds: number;
      total_seconds: number;
      quantisation?: object;
      weights_format?: string;
    }>(path.join(outDir, 'metrics.json'))
  : undefined;
const previousQuantisation = previousRun?.quantisation ?? null;
// The format the weights in --out are in now (before this run): what re-quantising starts from.
const previousFormat = previousRun?.weights_format ?? 'float16';
const weightsFormat = flags['weights-format'] ?? (evaluateOnly ? previousFormat : 'float16');
if (weightsFormat !== 'float16' && weightsFormat !== 'uint8')
  throw new Error(`--weights-format is 'float16' or 'uint8', not "${weightsFormat}".`);
const requantise = evaluateOnly && weightsFormat !== previousFormat;
const epochs = smoke ? 1 : previousRun ? previousRun.epochs : Number(flags.epochs);
const batchSize = Number(flags['batch-size']);
const baseLearningRate = Number(flags['learning-rate']);
const warmupEpochs = smoke ? 0 : Number(flags['warmup-epochs']);
const iwSamples = smoke ? 10 : Number(flags['iw-samples']);
const iwDigits = smoke ? 20 : Number(flags['iw-digits']);
const seed = Number(flags.seed);
// Digits on which the NLL is measured twice, as trained (float32) and as shipped (float16).
const QUANTISATION_CHECK_DIGITS = 1000;
const history = readJson<VaeHistoryRow[]>(path.resolve('train/vae-history.json'));
if (flags.architecture !== 'conv' && flags.architecture !== 'dense')
  throw new Error(`--architecture is 'conv' or 'dense', not "${flags.architecture}".`);
const vaeConfig = flags.architecture === 'conv' ? CONV_DIGITS_VAE_CONFIG : DENSE_DIGITS_VAE_CONFIG;
const minutes = flags.minutes === undefined ? Infinity : Number(flags.minutes);

const { tf, train, test, log, seconds } = await startMnistScript(smoke);

const rng = createRng(seed);
const vae = new Vae(vaeConfig, seed);
const optimizer = tf.train.adam(baseLearningRate);
const stepsPerEpoch = smoke ? 3 : Math.floor(train.count / batchSize);
const totalSteps = epochs * stepsPerEpoch;

// ---- training -------------------------------------------------------------------------------
let step = 0;
let epochsDone = previousRun ? previousRun.epochs : 0;
let stoppedByTime = false;
const trainStart = Date.now();
if (evaluateOnly) {
  await assignArtifacts(
    { model: 'vae', config: vaeConfig },
    vae.namedParameters(),
    readWeightsArtifacts(outDir),
  );
  log(`evaluating the weights in ${outDir}`);
}
for (let epoch = 0; epoch < (evaluateOnly ? 0 : epochs); epoch++) {
  if ((Date.now() - trainStart) / 60000 >= minutes) {
    stoppedByTime = true;
    break;
  }
  const order = shuffledIndices(train.count, rng);
  let lossSum = 0;
  let klSum = 0;
  const epochStart = Date.now();
  for (let b = 0; b < stepsPerEpoch; b++, step++) {
    // Cosine decay from the base rate to a tenth of it; KL warm-up over the first epochs.
    const progress = step / totalSteps;
    (optimizer as unknown as { learningRate: number }).learningRate =
      baseLearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    const klWeight =
      warmupEpochs > 0 ? Math.min(1, (step + 1) / (warmupEpochs * stepsPerEpoch)) : 1;
    const intensities = digitBatch(
      train.images,
      order.subarray(b * batchSize, (b + 1) * batchSize),
    );
    const binariseSeed = rng.nextSeed();
    const { loss, kl } = vae.trainStep(
      optimizer,
      intensities,
      { binarise: binariseSeed, sample: rng.nextSeed() },
      klWeight,
    );
    intensities.dispose();
    lossSum += (await loss.data())[0];
    klSum += (await kl.data())[0];
    tf.dispose([loss, kl]);
  }
  log(
    `epoch ${epoch + 1}/${epochs}: train loss ${(lossSum / stepsPerEpoch).toFixed(2)} ` +
      `(KL ${(klSum / stepsPerEpoch).toFixed(2)}) in ${((Date.now() - epochStart) / 1000).toFixed(1)} s; ` +
      `tensors ${tf.memory().numTensors}`,
  );
  epochsDone = epoch + 1;
}
const trainSeconds = previousRun ? previousRun.train_seconds : seconds();
// The weights first (the evaluation below takes a while and only reads them).
if (!evaluateOnly)
  writeFloat16Weights(
    outDir,
    { generativeElements: { model: 'vae', config: vaeConfig } },
    vae.namedParameters(),
  );
const evaluationStarted = Date.now();

// ---- evaluation on the test set, binarised once with a fixed seed -------------------------------
const binariseRng = createRng(TEST_BINARISATION_SEED);
const testBinary = new Float32Array(test.images.length);
for (let i = 0; i < testBinary.length; i++)
  testBinary[i] = binariseRng.next() < test.images[i] ? 1 : 0;
const testSet: Digits = { images: testBinary, labels: test.labels, count: test.count };

interface Evaluation {
  negElbo: number;
  kl: number;
  nll: number;
  nllDigits: number;
  /** −log p(x) of each of the first nllDigits test digits. */
  perDigitNll: number[];
  activity: number[];
}

/** −ELBO and activity on every test digit, the importance-sampled NLL on the first `nllDigits`. */
async function evaluate(nllDigits: number): Promise<Evaluation> {
  const evalRng = createRng(seed + 1000); // the same draws for every evaluation
  let reconstructionSum = 0;
  let klSum = 0;
  const meanCodes: number[][] = [];
  const evalBatch = 500;
  for (let start = 0; start < testSet.count; start += evalBatch) {
    const indices = Array.from(
      { length: Math.min(evalBatch, testSet.count - start) },
      (_, i) => start + i,
    );
    const x = digitBatch(testSet.images, indices);
    const { reconstruction, kl } = vae.losses(x, evalRng.nextSeed(), 1);
    const posterior = vae.encode(x);
    reconstructionSum += reconstruction.dataSync()[0] * indices.length;
    klSum += kl.dataSync()[0] * indices.length;
    meanCodes.push(...posterior.mean.arraySync());
    tf.dispose([x, reconstruction, kl, posterior.mean, posterior.logVar]);
  }
  // Active dimensions (Burda et al.): Cov over x of E_q[c_d | x] above 0.01.
  const activity = Array.from({ length: vaeConfig.latentSize }, (_, d) => {
    const values = meanCodes.map((code) => code[d]);
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    return values.reduce((a, v) => a + (v - average) ** 2, 0) / values.length;
  });
  // About 2,000 decodings per call: larger calls run slower per digit (the tensors outgrow the caches).
  const count = Math.min(nllDigits, testSet.count);
  const digitsPerCall = Math.max(1, Math.floor(2000 / iwSamples));
  const perDigitNll: number[] = [];
  for (let start = 0; start < count; start += digitsPerCall) {
    const indices = Array.from(
      { length: Math.min(digitsPerCall, count - start) },
      (_, i) => start + i,
    );
    const x = digitBatch(testSet.images, indices);
    const logLikelihood = vae.importanceLogLikelihood(x, iwSamples, evalRng.nextSeed());
    for (const value of await logLikelihood.data<'float32'>()) perDigitNll.push(-value);
    tf.dispose([x, logLikelihood]);
  }
  const result = {
    negElbo: (reconstructionSum + klSum) / testSet.count,
    kl: klSum / testSet.count,
    nll: perDigitNll.reduce((a, b) => a + b, 0) / count,
    nllDigits: count,
    perDigitNll,
    activity,
  };
  log(
    `test −ELBO ${result.negElbo.toFixed(2)} nats (KL ${result.kl.toFixed(2)}); NLL (k = ${iwSamples}, ${count} digits) ${result.nll.toFixed(2)} nats; active dims ${activity.filter((v) => v > 0.01).length}`,
  );
  return result;
}

// The weights as trained (float32) or as the file held them, then as shipped: what quantising
// costs. The full NLL is measured on the shipped weights; the one before on the first digits only
// (it is slow).
let beforeQuantising: Evaluation | undefined;
const formatBefore = evaluateOnly ? previousFormat : 'float32';
if (!evaluateOnly || requantise) {
  log(`${formatBefore} weights:`);
  beforeQuantising = await evaluate(Math.min(iwDigits, QUANTISATION_CHECK_DIGITS));
  if (weightsFormat === 'uint8') roundToUint8(vae.namedParameters());
  else roundToFloat16(vae.namedParameters());
  log(`${weightsFormat} weights:`);
}
const shipped = await evaluate(iwDigits);
// The shipped weights' NLL on the digits the float32 one was measured on (the same draws).
const checkDigits = beforeQuantising?.nllDigits ?? shipped.nllDigits;
const shippedNllOnCheckDigits =
  shipped.perDigitNll.slice(0, checkDigits).reduce((a, b) => a + b, 0) / checkDigits;
const testNegElbo = shipped.negElbo;
const testKl = shipped.kl;
const testNll = shipped.nll;
const iwCount = shipped.nllDigits;
const activity = shipped.activity;
const activeDims = activity.filter((v) => v > 0.01).length;
const totalSeconds = seconds();

// ---- write weights, starter digits, metrics and the model card ---------------------------------
const writeWeights = weightsFormat === 'uint8' ? writeUint8Weights : writeFloat16Weights;
const weightBytes =
  evaluateOnly && !requantise
    ? readFileSync(path.join(outDir, 'weights.bin')).length
    : writeWeights(
        outDir,
        { generativeElements: { model: 'vae', config: vaeConfig } },
        vae.namedParameters(),
      );
if (!evaluateOnly) writeStarterDigits(test, outDir);
const evaluationSeconds = (Date.now() - evaluationStarted) / 1000;
const metrics: VaeMetrics = {
  test_neg_elbo_nats: round(testNegElbo),
  test_nll_nats: round(testNll),
  test_kl_nats: round(testKl),
  active_dims: activeDims,
  nll_importance_samples: iwSamples,
  nll_test_digits: iwCount,
  elbo_test_digits: testSet.count,
  epochs: epochsDone,
  planned_epochs: epochs,
  stopped_by_time: stoppedByTime,
  architecture: flags.architecture,
  batch_size: batchSize,
  train_seconds: Math.round(trainSeconds),
  total_seconds: previousRun ? previousRun.total_seconds : Math.round(totalSeconds),
  evaluation_seconds: Math.round(evaluationSeconds),
  weights_bytes: weightBytes,
  weights_format: weightsFormat,
  quantisation: beforeQuantising
    ? {
        digits: beforeQuantising.nllDigits,
        from: formatBefore,
        to: weightsFormat,
        nll_before_nats: round(beforeQuantising.nll),
        nll_after_nats: round(shippedNllOnCheckDigits),
        neg_elbo_before_nats: round(beforeQuantising.negElbo),
        neg_elbo_after_nats: round(shipped.negElbo),
        ...(requantise && previousQuantisation ? { earlier: previousQuantisation } : {}),
      }
    : previousQuantisation,
  smoke,
};
writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
writeFileSync(
  path.join(outDir, 'MODEL_CARD.md'),
  vaeCard(metrics, activity, {
    config: vaeConfig,
    minutes,
    baseLearningRate,
    warmupEpochs,
    seed,
    evaluateOnly,
    history,
  }),
);
log(`wrote ${outDir}`);

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
