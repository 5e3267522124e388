/**
 * Rebuilds weights/gan-digits/ from real MNIST, with the same model code the browser runs.
 *
 * Trains the MLP GAN (non-saturating loss, one-sided label smoothing, Adam with β1 = 0.5, an EMA
 * of G's weights for sampling), then judges it: a small MNIST classifier (trained here, not
 * shipped) labels 10k samples of G_ema and 10k samples of the VAE's decoder, and the Fréchet
 * distance between its penultimate features of each sample set and of the 10k test digits says
 * how close each model's samples are to real digits.
 *
 *   npm run train:gan                      # the bundled weights
 *   npm run train:gan -- --smoke --out DIR # a few hundred digits, a few rounds (CI)
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMnistScript } from './script-start.js';
import { digitBatch } from './mnist.js';
import {
  assignWeights,
  readJson,
  roundToFloat16,
  roundToUint8,
  writeFloat16Weights,
  writeUint8Weights,
  type WeightsManifestFile,
} from './weights-files.js';
import { writeDigitGrid, writeRealDigits } from './digit-pictures.js';
import {
  DigitJudge,
  describeEvaluation,
  evaluateVaeSamples,
  sampleDigits,
  type Evaluation,
} from './gan-evaluation.js';
import {
  Gan,
  CONV_DIGITS_GAN_CONFIG,
  DENSE_DIGITS_GAN_CONFIG,
  createGanOptimizer,
} from '../../src/models/gan.js';
import { ganCard, type GanHistoryRow } from './gan-card.js';
import { createRng } from '../../src/runtime/random.js';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'weights/gan-digits' },
    vae: { type: 'string', default: 'weights/vae-digits' },
    // Chosen from a measurement: 60–80 ms per round at batch 64 on this 2-core machine (the upper
    // end with another training job on the other core), so 35k rounds take 35–47 minutes and
    // everything, evaluation included, stays under an hour.
    rounds: { type: 'string', default: '35000' },
    // A safety cap: training stops here even if `rounds` is not reached (the card says so).
    minutes: { type: 'string', default: '50' },
    // Optional: a sample grid every 5000 rounds into this folder, to watch progress.
    snapshots: { type: 'string' },
    'batch-size': { type: 'string', default: '64' },
    'lr-d': { type: 'string', default: '0.0002' },
    'lr-g': { type: 'string', default: '0.0002' },
    'd-steps': { type: 'string', default: '1' },
    'g-steps': { type: 'string', default: '1' },
    'real-label': { type: 'string', default: '0.9' },
    'ema-decay': { type: 'string', default: '0.999' },
    'classifier-epochs': { type: 'string', default: '3' },
    'eval-samples': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    // 'dense': the bundled perceptrons; 'conv': the DCGAN (transposed convolutions in G,
    // convolutions in D).
    architecture: { type: 'string', default: 'dense' },
    // The DCGAN's generator with batch normalisation (moving statistics for sampling).
    'batch-norm': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    // Re-run only the evaluation (e.g. after the VAE weights changed) on the weights in --out.
    'eval-only': { type: 'boolean', default: false },
    // 'float16' or 'uint8' (8-bit per large tensor); default: float16 when training, the weights'
    // own format with --eval-only (given another, they are measured, rounded, measured again).
    'weights-format': { type: 'string' },
    // Go on training the weights in --out for --minutes more (Adam starts afresh; the card adds up
    // the rounds and minutes of every run).
    resume: { type: 'boolean', default: false },
  },
});

const smoke = flags.smoke;
const rounds = smoke ? 5 : Number(flags.rounds);
const minutes = Number(flags.minutes);
const batchSize = Number(flags['batch-size']);
const lrD = Number(flags['lr-d']);
const lrG = Number(flags['lr-g']);
const dSteps = Number(flags['d-steps']);
const gSteps = Number(flags['g-steps']);
const realLabel = Number(flags['real-label']);
const emaDecay = Number(flags['ema-decay']);
const classifierEpochs = smoke ? 1 : Number(flags['classifier-epochs']);
const evalSamples = smoke ? 200 : Number(flags['eval-samples']);
const seed = Number(flags.seed);
const outDir = path.resolve(flags.out);
const vaeDir = path.resolve(flags.vae);
const evalOnly = flags['eval-only'];
const resume = flags.resume;
/** The training command as run, without where it wrote (the bundled weights go to the default). */
function trainingCommand(): string {
  const args: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    // A resumed run names the folder it goes on from; a fresh one writes the default folder.
    if (['--snapshots', '--vae'].includes(argv[i]) || (argv[i] === '--out' && !flags.resume)) i++;
    else if (argv[i] !== '--eval-only') args.push(argv[i]);
  }
  return `npm run train:gan${args.length ? ` -- ${args.join(' ')}` : ''}`;
}
let command = smoke ? `npm run train:gan -- --smoke --out ${flags.out}` : trainingCommand();
let minutesCap = minutes;
let plannedRounds = rounds;

if (flags.architecture !== 'conv' && flags.architecture !== 'dense')
  throw new Error(`--architecture is 'conv' or 'dense', not "${flags.architecture}".`);
const ganConfig =
  flags.architecture === 'dense'
    ? DENSE_DIGITS_GAN_CONFIG
    : flags['batch-norm']
      ? {
          ...CONV_DIGITS_GAN_CONFIG,
          convolutional: { ...CONV_DIGITS_GAN_CONFIG.convolutional!, batchNorm: true },
        }
      : CONV_DIGITS_GAN_CONFIG;

const { tf, train, test, log, seconds } = await startMnistScript(smoke);

// ---- the GAN --------------------------------------------------------------------------------------
let rng = createRng(seed);
const gan = new Gan(ganConfig, seed);
const optimizerD = createGanOptimizer(lrD);
const optimizerG = createGanOptimizer(lrG);

const emaSnapshot = (size: number, s: number) =>
  tf.tidy(() => gan.generate(gan.sampleNoise(size, s), { ema: true }));
const randomRows = (count: number) =>
  Array.from({ length: count }, () => Math.floor(rng.next() * train.count));

const trainStart = Date.now();
let round = 0;
let window = { d: 0, g: 0, n: 0, start: Date.now() };
let lossHistory: { round: number; dLoss: number; gLoss: number }[] = [];
let stoppedByTime = false;
let previousTrainSeconds: number | undefined;
let previousFormat = 'float16';
let previousQuantisation: object | undefined;
let resumedSeconds = 0;
if (evalOnly || resume) {
  const manifest = readJson<WeightsManifestFile>(path.join(outDir, 'model.json'));
  const binary = readFileSync(path.join(outDir, 'weights.bin'));
  assignWeights(gan.namedParameters(), manifest, binary);
  const previous = readJson<{
    rounds: number;
    loss_history: typeof lossHistory;
    stopped_by_time: boolean;
    train_seconds: number;
    quantisation?: object;
    weights_format?: string;
    command?: string;
    minutes_cap?: number;
    planned_rounds?: number;
  }>(path.join(outDir, 'metrics.json'));
  previousQuantisation = previous.quantisation;
  previousFormat = previous.weights_format ?? 'float16';
  round = previous.rounds;
  lossHistory = previous.loss_history;
  if (evalOnly) {
    // The card names the runs that made these weights, not this evaluation.
    command = previous.command ?? command;
    minutesCap = previous.minutes_cap ?? minutesCap;
    plannedRounds = previous.planned_rounds ?? plannedRounds;
    stoppedByTime = previous.stopped_by_time;
    previousTrainSeconds = previous.train_seconds;
    log(`evaluating the weights in ${outDir} (${round} rounds)`);
  } else {
    command = `${previous.command ?? 'npm run train:gan'}, then ${command}`;
    minutesCap += previous.minutes_cap ?? 0;
    resumedSeconds = previous.train_seconds;
    rng = createRng(seed + round); // fresh noise and batches, not the first run's again
    log(`resuming the weights in ${outDir} after ${round} rounds`);
  }
}
while (!evalOnly && round < rounds) {
  if ((Date.now() - trainStart) / 60000 >= minutes) {
    stoppedByTime = true;
    break;
  }
  // Averaging only starts once there is something worth averaging: the effective decay grows
  // from 0.1 towards emaDecay over the first rounds (as in TensorFlow's ExponentialMovingAverage).
  const decay = Math.min(emaDecay, (1 + round) / (10 + round));
  const { dLoss, gLoss } = await gan.round({
    optimizerD,
    optimizerG,
    dSteps,
    gSteps,
    batchSize,
    realBatch: (size) => digitBatch(train.images, randomRows(size)),
    rng,
    loss: 'non-saturating',
    realLabel,
    emaDecay: decay,
  });
  round++;
  window.d += dLoss;
  window.g += gLoss;
  window.n++;
  if (!Number.isFinite(dLoss) || !Number.isFinite(gLoss))
    throw new Error(`Training diverged at round ${round}.`);
  if (flags.snapshots && round % 5000 === 0)
    writeDigitGrid(
      flags.snapshots,
      `samples-${round}.png`,
      await sampleDigits(64, emaSnapshot, seed),
    );
  if (round % (smoke ? 1 : 500) === 0 || round === rounds) {
    const perRound = (Date.now() - window.start) / window.n;
    lossHistory.push({ round, dLoss: window.d / window.n, gLoss: window.g / window.n });
    log(
      `round ${round}/${rounds}: D loss ${(window.d / window.n).toFixed(3)}, G loss ${(window.g / window.n).toFixed(3)}; ` +
        `${perRound.toFixed(1)} ms/round; tensors ${tf.memory().numTensors}`,
    );
    window = { d: 0, g: 0, n: 0, start: Date.now() };
  }
}
const trainSeconds = previousTrainSeconds ?? resumedSeconds + (Date.now() - trainStart) / 1000;
log(
  `GAN: ${round} rounds in ${(trainSeconds / 60).toFixed(1)} min${stoppedByTime ? ' (stopped by the time cap)' : ''}`,
);

// Weights first: evaluation below only reads them.
const weightsFormat = flags['weights-format'] ?? (evalOnly ? previousFormat : 'float16');
if (weightsFormat !== 'float16' && weightsFormat !== 'uint8')
  throw new Error(`--weights-format is 'float16' or 'uint8', not "${weightsFormat}".`);
const requantise = evalOnly && weightsFormat !== previousFormat;
if (requantise)
  command += `, then npm run train:gan -- --eval-only --weights-format ${weightsFormat}`;
let weightBytes: number;
if (evalOnly) {
  weightBytes = readFileSync(path.join(outDir, 'weights.bin')).length;
} else {
  weightBytes = writeFloat16Weights(
    outDir,
    { generativeElements: gan.description() },
    gan.namedParameters(),
  );
  writeRealDigits(train, outDir, smoke ? 20 : 256);
}
const evalStart = Date.now();

// ---- the judge: an MNIST classifier (gan-evaluation.ts) -----------------------------------------
const judge = await DigitJudge.train(train, test, { seed, epochs: classifierEpochs, smoke, log });

const emaSamples = (size: number, s: number) =>
  tf.tidy(() => gan.generate(gan.sampleNoise(size, s), { ema: true }));
// As trained (float32), then as shipped (float16): what quantising the weights costs.
let beforeEval: Evaluation | undefined;
const formatBefore = evalOnly ? previousFormat : 'float32';
if (!evalOnly || requantise) {
  beforeEval = await judge.evaluate(await sampleDigits(evalSamples, emaSamples, seed), evalSamples);
  log(`GAN (G_ema), ${formatBefore} weights: ${describeEvaluation(beforeEval)}`);
  if (weightsFormat === 'uint8') roundToUint8(gan.namedParameters());
  else roundToFloat16(gan.namedParameters());
}
if (beforeEval && weightsFormat === 'uint8')
  weightBytes = writeUint8Weights(
    outDir,
    { generativeElements: gan.description() },
    gan.namedParameters(),
  );
const ganImages = await sampleDigits(evalSamples, emaSamples, seed);
const ganEval = await judge.evaluate(ganImages, evalSamples);
log(`GAN (G_ema)${beforeEval ? `, ${weightsFormat} weights` : ''}: ${describeEvaluation(ganEval)}`);
writeDigitGrid(outDir, 'samples.png', ganImages);
writeDigitGrid(outDir, 'test-digits.png', test.images);
const rawImages = await sampleDigits(
  evalSamples,
  (size, s) => tf.tidy(() => gan.generate(gan.sampleNoise(size, s))),
  seed,
);
const rawEval = await judge.evaluate(rawImages, evalSamples);
log(`GAN (G, no EMA): ${describeEvaluation(rawEval)}`);
const testEval = await judge.evaluate(test.images, test.count);
log(`MNIST test digits themselves: ${describeEvaluation(testEval)}`);

// The VAE's samples, judged the same way.
const { vaeEval, vaeSource } = await evaluateVaeSamples(judge, {
  vaeDir,
  outDir,
  samples: evalSamples,
  seed,
  log,
});
const totalSeconds = evalOnly ? trainSeconds + (Date.now() - evalStart) / 1000 : seconds();

// ---- metrics and the model card --------------------------------------------------------------
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const metrics = {
  classes_covered: ganEval.classesCovered,
  class_entropy: r3(ganEval.classEntropy),
  mean_confidence: r3(ganEval.meanConfidence),
  frechet: r3(ganEval.frechet),
  vae_classes_covered: vaeEval?.classesCovered ?? null,
  vae_class_entropy: vaeEval ? r3(vaeEval.classEntropy) : null,
  vae_mean_confidence: vaeEval ? r3(vaeEval.meanConfidence) : null,
  vae_frechet: vaeEval ? r3(vaeEval.frechet) : null,
  no_ema_classes_covered: rawEval.classesCovered,
  no_ema_class_entropy: r3(rawEval.classEntropy),
  no_ema_mean_confidence: r3(rawEval.meanConfidence),
  no_ema_frechet: r3(rawEval.frechet),
  test_digits_class_entropy: r3(testEval.classEntropy),
  test_digits_mean_confidence: r3(testEval.meanConfidence),
  test_digits_frechet_train_half: null as number | null,
  class_histogram: ganEval.histogram,
  vae_class_histogram: vaeEval?.histogram ?? null,
  evaluated_samples: evalSamples,
  classifier_test_accuracy: r3(judge.accuracy),
  classifier_epochs: classifierEpochs,
  rounds: round,
  stopped_by_time: stoppedByTime,
  loss_history: lossHistory,
  batch_size: batchSize,
  train_seconds: Math.round(trainSeconds),
  total_seconds: Math.round(totalSeconds),
  weights_bytes: weightBytes,
  weights_format: weightsFormat,
  quantisation: beforeEval
    ? {
        from: formatBefore,
        to: weightsFormat,
        frechet_before: r3(beforeEval.frechet),
        frechet_after: r3(ganEval.frechet),
        class_entropy_before: r3(beforeEval.classEntropy),
        class_entropy_after: r3(ganEval.classEntropy),
        mean_confidence_before: r3(beforeEval.meanConfidence),
        mean_confidence_after: r3(ganEval.meanConfidence),
        ...(requantise && previousQuantisation ? { earlier: previousQuantisation } : {}),
      }
    : (previousQuantisation ?? null),
  architecture: ganConfig.convolutional ? 'conv' : 'dense',
  command,
  minutes_cap: minutesCap,
  planned_rounds: plannedRounds,
  smoke,
};
// A floor for the Fréchet distance: 10k real training digits against the 10k test digits.
{
  const count = Math.min(evalSamples, train.count);
  metrics.test_digits_frechet_train_half = r3(
    (await judge.evaluate(train.images.subarray(0, count * 784), count)).frechet,
  );
}
writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
writeFileSync(
  path.join(outDir, 'MODEL_CARD.md'),
  ganCard(metrics, {
    config: ganConfig,
    realLabel,
    emaDecay,
    dSteps,
    gSteps,
    lrD,
    lrG,
    seed,
    minutes: minutesCap,
    plannedRounds,
    command,
    lossHistory,
    trainCount: train.count,
    testCount: test.count,
    vaeSource,
    hasVae: vaeEval !== undefined,
    history: readJson<GanHistoryRow[]>(path.resolve('train/gan-history.json')),
  }),
);
log(`wrote ${outDir}`);
judge.dispose();
gan.dispose();
