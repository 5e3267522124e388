/**
 * Rebuilds weights/pixel-rnn-emoji/ (one-hot: a softmax over 32 palette colours) or
 * weights/pixel-rnn-emoji-sigmoid/ (sigmoid: an RGB mean per pixel), with the model code the
 * browser runs, from Twemoji (see emoji.ts for the data). Both models have the same widths and the
 * same data, the palette-quantised emoji; training mirrors and shifts them (see `nextBatch`).
 *
 * Metrics, on the held-out 10% (the 5% validation split picks the checkpoint):
 *  - bits per pixel over the palette. One-hot: the model's own −log₂ p(index). Sigmoid: its RGB
 *    mean turned into a distribution over the same 32 colours, p(k) ∝ exp(−|c_k − μ|² / 2s²), with
 *    the spread s picked on the validation split; so both encodings are scored on the same question.
 *  - the mean colour saturation of 256 samples beside that of the held-out images: the lecture's
 *    point, that a sigmoid's colours huddle towards grey, in numbers.
 *
 *   npm run train:pixel-rnn -- --dataset emoji                        # weights/pixel-rnn-emoji
 *   npm run train:pixel-rnn -- --dataset emoji --encoding sigmoid     # weights/pixel-rnn-emoji-sigmoid
 *   npm run train:pixel-rnn -- --dataset emoji --smoke --out DIR      # a few images, a few steps (CI)
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Float16Array } from '@petamoriken/float16';
import type * as tfTypes from '@tensorflow/tfjs-core';
import { initNodeWasm } from './node-tf.js';
import { loadEmoji, EMOJI_SIZE, type EmojiSplit } from './emoji.js';
import { writeRgbGrid, writeRgbStrip } from './emoji-pictures.js';
import { emojiCard, type EmojiMetrics } from './emoji-card.js';
import * as weightsFiles from './weights-files.js';
import { shuffleInPlace } from './seeded.js';
import {
  PIXEL_RNN_FLAGS,
  roundToFloat16,
  trainPixelRnn,
  weightsFormatFlag,
} from './pixel-rnn-loop.js';
import {
  PixelRnn,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
} from '../../src/models/pixel-rnn.js';
import { colouredPixels, meanSaturation, paletteColours } from '../../src/data/palette.js';
import { createRng } from '../../src/runtime/random.js';

const { values: flags } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'emoji' },
    encoding: { type: 'string', default: 'one-hot' },
    out: { type: 'string' },
    'check-every': { type: 'string', default: '200' },
    ...PIXEL_RNN_FLAGS,
  },
});

const encoding = flags.encoding === 'sigmoid' ? 'sigmoid' : 'one-hot';
if (flags.encoding !== encoding)
  throw new Error(`--encoding must be one-hot or sigmoid, got ${flags.encoding}`);
const config = encoding === 'sigmoid' ? EMOJI_SIGMOID_PIXEL_RNN_CONFIG : EMOJI_PIXEL_RNN_CONFIG;
const folder = encoding === 'sigmoid' ? 'pixel-rnn-emoji-sigmoid' : 'pixel-rnn-emoji';
const outDir = path.resolve(flags.out ?? `weights/${folder}`);
const smoke = flags.smoke;
const evaluateOnly = flags.evaluate;
const batchSize = Number(flags['batch-size']);
const seed = Number(flags.seed);
const SAMPLE_SEED = 2016;
const SAMPLE_COUNT = smoke ? 16 : 256;
const HELDOUT_SAMPLE_COUNT = 64;
const PIXELS = EMOJI_SIZE * EMOJI_SIZE;
const command = `npm run train:pixel-rnn -- ${process.argv.slice(2).join(' ')}`;
const previousRun = evaluateOnly
  ? weightsFiles.readJson<{
      steps: number;
      train_seconds: number;
      ms_per_step: number;
      kept_step?: number;
      total_seconds: number;
      weights_format?: string;
      palette_spread?: number;
      quantisation?: { from: string; to: string; test_bits_per_pixel_before: number };
    }>(path.join(outDir, 'metrics.json'))
  : undefined;
const weightsFormat = weightsFormatFlag(flags['weights-format']);
const formatBefore = previousRun?.weights_format ?? 'float16';

const started = Date.now();
const seconds = () => (Date.now() - started) / 1000;
const log = (message: string) => console.log(`[${seconds().toFixed(0).padStart(5)} s] ${message}`);
const tf = await initNodeWasm();
const data = loadEmoji(smoke ? 120 : Infinity);
const palette = data.palette;
log(
  `Twemoji: ${data.listed} listed, ${data.kept} kept; ${data.train.count} training, ${data.validation.count} validation, ${data.test.count} test images; palette quantisation error ${data.quantisationError.toFixed(1)} (RGB, 0–255)`,
);

const rng = createRng(seed);
const model = new PixelRnn(config, seed);
model.palette = palette;
const parameterCount = Object.values(model.namedParameters()).reduce((n, v) => n + v.size, 0);
log(`PixelRNN ${JSON.stringify(config)}: ${parameterCount} parameters`);

/** How a training image is varied: mirrored left to right, moved by (dx, dy) pixels. */
interface Variation {
  flip: boolean;
  dx: number;
  dy: number;
}

// Palette colour 0 is the lightest, the white background; it fills the edge a shift uncovers.
const BACKGROUND = 0;

/** Images `indices` of a split as the model takes them, each varied by `variations[i]` if given. */
function batch(
  split: EmojiSplit,
  indices: ArrayLike<number>,
  variations?: Variation[],
): tfTypes.Tensor {
  const values = new Int32Array(indices.length * PIXELS);
  for (let i = 0; i < indices.length; i++) {
    const source = indices[i] * PIXELS;
    const { flip = false, dx = 0, dy = 0 } = variations?.[i] ?? {};
    for (let y = 0; y < EMOJI_SIZE; y++) {
      for (let x = 0; x < EMOJI_SIZE; x++) {
        const fromY = y - dy;
        const shiftedX = x - dx;
        const fromX = flip ? EMOJI_SIZE - 1 - shiftedX : shiftedX;
        const inside = fromY >= 0 && fromY < EMOJI_SIZE && fromX >= 0 && fromX < EMOJI_SIZE;
        values[i * PIXELS + y * EMOJI_SIZE + x] = inside
          ? split.indices[source + fromY * EMOJI_SIZE + fromX]
          : BACKGROUND;
      }
    }
  }
  if (encoding === 'one-hot')
    return tf.tensor3d(values, [indices.length, EMOJI_SIZE, EMOJI_SIZE], 'int32');
  return tf.tensor4d(paletteColours(values, palette), [indices.length, EMOJI_SIZE, EMOJI_SIZE, 3]);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Bits per pixel over the palette, for every image of `split` (see the top comment). For the
 * sigmoid model `spread` is s; both return the mean over images and pixels.
 */
async function paletteBitsPerPixel(split: EmojiSplit, spread = config.sigmoidStd): Promise<number> {
  let total = 0;
  for (let start = 0; start < split.count; start += 128) {
    const indices = range(Math.min(128, split.count - start)).map((i) => start + i);
    const images = batch(split, indices);
    const nats = tf.tidy(() => {
      if (encoding === 'one-hot') return tf.sum(model.nll(images));
      const means = model.predictions(images); // [B, H, W, 3]
      const colours = tf.tensor2d(
        palette.flat().map((v) => v / 255),
        [palette.length, 3],
      );
      const flat = tf.reshape(means, [-1, 1, 3]);
      const logits = tf.div(
        tf.neg(tf.sum(tf.square(tf.sub(flat, colours)), 2)),
        2 * spread * spread,
      ); // [P, K]
      const targets = tf.oneHot(
        tf.tensor1d(
          Array.from(
            indices.flatMap((i) =>
              Array.from(split.indices.subarray(i * PIXELS, (i + 1) * PIXELS)),
            ),
          ),
          'int32',
        ),
        palette.length,
      );
      return tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits))));
    });
    total += (await nats.data())[0];
    tf.dispose([images, nats]);
  }
  return total / (split.count * PIXELS) / Math.LN2;
}

/** The model's own NLL (nats per image; a Gaussian density for sigmoid), mean over `indices`. */
async function ownNll(split: EmojiSplit, indices: number[]): Promise<number> {
  const images = batch(split, indices);
  const nll = model.nll(images);
  const values = await nll.data<'float32'>();
  tf.dispose([images, nll]);
  return values.reduce((a, b) => a + b, 0) / indices.length;
}

/** The checkpoint score: validation bits per pixel (for sigmoid, at its best spread of a few). */
async function validationScore(): Promise<number> {
  if (encoding === 'one-hot') return paletteBitsPerPixel(data.validation);
  const scores = [];
  for (const s of [0.05, 0.1, 0.2]) scores.push(await paletteBitsPerPixel(data.validation, s));
  return Math.min(...scores);
}

// ---- training -------------------------------------------------------------------------------
let result: { steps: number; trainSeconds: number; msPerStep: number; bestStep?: number };
if (previousRun) {
  await model.setWeights(weightsFiles.readWeightsArtifacts(outDir));
  result = {
    steps: previousRun.steps,
    trainSeconds: previousRun.train_seconds,
    msPerStep: previousRun.ms_per_step,
    bestStep: previousRun.kept_step,
  };
  log(`evaluating the weights in ${outDir}`);
} else {
  let order: number[] = [];
  result = await trainPixelRnn({
    tf,
    model,
    nextBatch: () => {
      if (order.length < batchSize) {
        order = shuffleInPlace(range(data.train.count), rng);
      }
      const indices = order.splice(0, batchSize);
      // 1,390 images are few for 600k parameters: mirroring and one-pixel shifts make 18 of each.
      const shift = () => Math.floor(rng.next() * 3) - 1;
      return batch(
        data.train,
        indices,
        indices.map(() => ({ flip: rng.next() < 0.5, dx: shift(), dy: shift() })),
      );
    },
    stepsPerEpoch: data.train.count / batchSize,
    plannedSteps: smoke ? 3 : flags.bench ? 12 : Number(flags.steps),
    budgetSeconds: smoke || flags.bench ? Infinity : Number(flags.minutes) * 60,
    learningRate: Number(flags['learning-rate']),
    clipNorm: Number(flags['clip-norm']),
    log,
    logEvery: flags.bench ? 1 : smoke ? 0 : 100,
    check:
      smoke || flags.bench
        ? undefined
        : {
            every: Number(flags['check-every']),
            score: validationScore,
            label: 'validation bits/pixel',
          },
  });
  log(
    `trained ${result.steps} steps (${((result.steps * batchSize) / data.train.count).toFixed(1)} epochs) in ${(result.trainSeconds / 60).toFixed(1)} min; median ${result.msPerStep} ms/step at batch ${batchSize}`,
  );
  if (flags.bench) process.exit(0);
}

// ---- evaluation, on the weights exactly as shipped -------------------------------------------
let quantisation = previousRun?.quantisation;
if (previousRun && weightsFormat !== formatBefore) {
  // Re-quantising shipped weights: measured as they are, then in the new format.
  const before = await paletteBitsPerPixel(
    data.test,
    previousRun.palette_spread ?? config.sigmoidStd,
  );
  quantisation = {
    from: formatBefore,
    to: weightsFormat,
    test_bits_per_pixel_before: round(before, 4),
  };
}
if (weightsFormat === 'uint8') weightsFiles.roundToUint8(model.namedParameters());
else await roundToFloat16(tf, model, (values) => Float32Array.from(Float16Array.from(values)));
let spread = config.sigmoidStd;
if (encoding === 'sigmoid') {
  // The spread that scores best on validation: a fair chance for the sigmoid's means.
  let bestBits = Infinity;
  for (const s of [0.03, 0.05, 0.08, 0.12, 0.18, 0.25, 0.35]) {
    const bits = await paletteBitsPerPixel(data.validation, s);
    if (bits < bestBits) [bestBits, spread] = [bits, s];
  }
  log(`palette spread s = ${spread} (validation ${bestBits.toFixed(3)} bits/pixel)`);
}
const testBits = await paletteBitsPerPixel(data.test, spread);
const validationBits = await paletteBitsPerPixel(data.validation, spread);
const heldoutIndices = range(Math.min(HELDOUT_SAMPLE_COUNT, data.test.count));
const heldoutNll = await ownNll(data.test, heldoutIndices);
log(
  `test ${testBits.toFixed(3)} bits/pixel (validation ${validationBits.toFixed(3)}); shipped held-out sample: NLL ${heldoutNll.toFixed(2)} nats per image`,
);

const sampleStart = Date.now();
const samples = model.sample({ count: SAMPLE_COUNT, seed: SAMPLE_SEED });
const sampleValues = await samples.data();
samples.dispose();
const sampleSeconds = (Date.now() - sampleStart) / 1000;
const sampleRgb =
  encoding === 'one-hot' ? paletteColours(sampleValues, palette) : Float32Array.from(sampleValues);
const testRgb = paletteColours(data.test.indices, palette);
const sampleSaturation = meanSaturation(sampleRgb);
const dataSaturation = meanSaturation(testRgb);
const sampleColoured = colouredPixels(sampleRgb);
const dataColoured = colouredPixels(testRgb);
log(
  `${SAMPLE_COUNT} samples in ${sampleSeconds.toFixed(1)} s; mean saturation ${sampleSaturation.toFixed(3)} (held-out data ${dataSaturation.toFixed(3)}); ` +
    `of the coloured pixels ${meanSaturation(sampleColoured).toFixed(3)} (data ${meanSaturation(dataColoured).toFixed(3)})`,
);

const weightBytes = weightsFiles[
  weightsFormat === 'uint8' ? 'writeUint8Weights' : 'writeFloat16Weights'
](outDir, { generativeElements: model.description() }, model.namedParameters());
writeRgbGrid(sampleRgb, 8, 4, path.join(outDir, 'samples.png'));
// The held-out sample the browser tests score: a strip of exact palette colours, lossless in PNG.
writeRgbStrip(
  paletteColours(data.test.indices.subarray(0, heldoutIndices.length * PIXELS), palette),
  heldoutIndices.length,
  path.join(outDir, 'heldout-sample.png'),
);

const metrics: EmojiMetrics = {
  test_bits_per_pixel: round(testBits, 4),
  validation_bits_per_pixel: round(validationBits, 4),
  ...(encoding === 'sigmoid' ? { palette_spread: spread } : {}),
  sample_saturation: round(sampleSaturation, 4),
  data_saturation: round(dataSaturation, 4),
  sample_saturation_coloured: round(meanSaturation(sampleColoured), 4),
  data_saturation_coloured: round(meanSaturation(dataColoured), 4),
  sample_coloured_fraction: round(sampleColoured.length / sampleRgb.length, 4),
  data_coloured_fraction: round(dataColoured.length / testRgb.length, 4),
  samples_for_saturation: SAMPLE_COUNT,
  heldout_sample_images: heldoutIndices.length,
  heldout_sample_nll_nats: round(heldoutNll, 3),
  test_images: data.test.count,
  train_images: data.train.count,
  validation_images: data.validation.count,
  steps: result.steps,
  kept_step: result.bestStep ?? result.steps,
  epochs: round((result.steps * batchSize) / data.train.count, 1),
  batch_size: batchSize,
  ms_per_step: result.msPerStep,
  train_seconds: Math.round(result.trainSeconds),
  total_seconds: Math.round(previousRun ? previousRun.total_seconds : seconds()),
  sample_seconds: round(sampleSeconds),
  parameters: parameterCount,
  weights_bytes: weightBytes,
  weights_format: weightsFormat,
  ...(quantisation
    ? { quantisation: { ...quantisation, test_bits_per_pixel_after: round(testBits, 4) } }
    : {}),
  palette_quantisation_error: round(data.quantisationError, 2),
  smoke,
};
writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
writeFileSync(
  path.join(outDir, 'MODEL_CARD.md'),
  emojiCard(metrics, palette, {
    config,
    encoding,
    folder,
    data,
    flags,
    seed,
    evaluateOnly,
    command,
    sampleSeed: SAMPLE_SEED,
  }),
);
log(`wrote ${outDir}`);
model.dispose();

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
