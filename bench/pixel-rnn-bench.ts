/**
 * PixelRNN half of the bench page, on one backend, with the bundled weights:
 *  - 16 images drawn as one batch, the whole way: `PixelRnn.sample()` (no reads until the end),
 *    and the element's own path, `PixelPainter` painting with every pixel's value and predicted
 *    distribution read back after each step (what the animation, bars and hover need);
 *  - one per-pixel recurrent step at batch 16 — pixel input, the two column GRUs, the output head,
 *    then the draw from the softmax — ours against the same step written with
 *    @tensorflow/tfjs-layers (a functional model: dense, GRU, GRU + residual, dense, dense, called
 *    with predict() and its states passed in and out). Both then run the same draw. Random
 *    weights for the layers model: speed does not depend on the values. Runs alternate.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { configure, type BackendName } from '../src/runtime/config.js';
import { initRuntime } from '../src/runtime/backend.js';
import { loadArtifacts } from '../src/runtime/weights-io.js';
import {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  PixelRnn,
  type PixelRnnConfig,
} from '../src/models/pixel-rnn.js';
import { PixelPainter } from '../src/models/pixel-rnn-painter.js';
import { stats, timeAlternating, versus } from './stats.js';

export interface PixelRnnRunOptions {
  backend: BackendName;
  /** Timed whole drawings per dataset (after one untimed). */
  drawings: number;
  /** Timed per-pixel steps per implementation (after a warm-up). */
  steps: number;
}

const COUNT = 16;
const DATASETS: [string, PixelRnnConfig][] = [
  ['digits', DIGITS_PIXEL_RNN_CONFIG],
  ['emoji', EMOJI_PIXEL_RNN_CONFIG],
];

async function loadModel(folder: string, config: PixelRnnConfig): Promise<PixelRnn> {
  const model = new PixelRnn(config);
  await model.setWeights(await loadArtifacts(`/dist/weights/${folder}/model.json`));
  return model;
}

/** Whole drawings of 16 images: sample() and the painter's step-by-step path, alternating. */
async function drawings(folder: string, config: PixelRnnConfig, options: PixelRnnRunOptions) {
  const model = await loadModel(folder, config);
  const painter = new PixelPainter(config);
  await painter.setWeights(await model.getWeights());
  const variants = {
    sample: async (seed: number) => {
      const images = model.sample({ count: COUNT, seed });
      await images.data();
      images.dispose();
    },
    painting: async (seed: number) => {
      const painting = painter.startPainting({ count: COUNT, seed });
      while (!painting.done) await painting.step();
      painting.dispose();
    },
  };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  for (const name of names) await variants[name](0);
  const before = tf.memory().numTensors;
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    keyof typeof variants,
    number[]
  >;
  for (let i = 0; i < options.drawings; i++) {
    for (const name of names) {
      const t0 = performance.now();
      await variants[name](i + 1);
      times[name].push(performance.now() - t0);
    }
  }
  const leaked = tf.memory().numTensors - before;
  model.dispose();
  painter.dispose();
  const pixels = COUNT * config.height * config.width;
  const sample = stats(times.sample);
  const painting = stats(times.painting);
  return {
    count: COUNT,
    pixels,
    sample,
    painting,
    pixelsPerSecond: (pixels / painting.median) * 1000,
    tensorsLeaked: leaked,
  };
}

/** The per-pixel step as tfjs-layers writes it: inputs x, h0, h1 → logits, h0', h1'. */
function layersStep(config: PixelRnnConfig, inputWidth: number): tfl.LayersModel {
  const x = tfl.input({ shape: [inputWidth] });
  const h0 = tfl.input({ shape: [config.columnSize] });
  const h1 = tfl.input({ shape: [config.columnSize] });
  const e = tfl.layers
    .dense({ units: config.inputSize, activation: 'relu' })
    .apply(x) as tfl.SymbolicTensor;
  const sequence = (t: tfl.SymbolicTensor, width: number) =>
    tfl.layers.reshape({ targetShape: [1, width] }).apply(t) as tfl.SymbolicTensor;
  // (Glorot rather than the default orthogonal init: orthogonal needs a QR this bundle lacks.)
  const gru = () =>
    tfl.layers.gru({
      units: config.columnSize,
      recurrentActivation: 'sigmoid',
      recurrentInitializer: 'glorotNormal',
    });
  const g0 = gru().apply(sequence(e, config.inputSize), {
    initialState: [h0],
  }) as tfl.SymbolicTensor;
  const g1 = tfl.layers
    .add()
    .apply([
      g0,
      gru().apply(sequence(g0, config.columnSize), { initialState: [h1] }) as tfl.SymbolicTensor,
    ]) as tfl.SymbolicTensor;
  const hidden = tfl.layers
    .dense({ units: config.headSize, activation: 'relu' })
    .apply(tfl.layers.concatenate().apply([g1, e])) as tfl.SymbolicTensor;
  const logits = tfl.layers
    .dense({ units: config.paletteSize })
    .apply(hidden) as tfl.SymbolicTensor;
  return tfl.model({ inputs: [x, h0, h1], outputs: [logits, g0, g1] });
}

/** The draw both implementations share: Gumbel-max from the logits, and the pixel one-hot. */
function draw(logits: tf.Tensor2D, noise: tf.Tensor2D, depth: number): tf.Tensor[] {
  return [tf.softmax(logits), tf.oneHot(tf.argMax(tf.add(logits, noise), 1), depth)];
}

/** One pixel step at batch 16, ours against tfjs-layers, on the emoji model's sizes. */
async function recurrentStep(options: PixelRnnRunOptions) {
  const config = EMOJI_PIXEL_RNN_CONFIG;
  const model = await loadModel('pixel-rnn-emoji', config);
  const neighbours = config.aboveRows * (2 * config.aboveHalfWidth + 1) + config.leftPixels;
  const inputWidth = config.contextSize + neighbours * config.paletteSize;
  const layers = layersStep(config, inputWidth);
  const x = tf.randomUniform<tf.Rank.R2>([COUNT, inputWidth]);
  const noise = tf.randomUniform<tf.Rank.R2>([COUNT, config.paletteSize]);
  let ourStates: tf.Tensor2D[] = [0, 1].map(() => tf.zeros<tf.Rank.R2>([COUNT, config.columnSize]));
  let layerStates: tf.Tensor2D[] = [0, 1].map(() =>
    tf.zeros<tf.Rank.R2>([COUNT, config.columnSize]),
  );
  const variants = {
    ours: async () => {
      const [states, outputs] = tf.tidy(() => {
        const e = model.pixelEmbedding(x);
        const next = model.columnStep(e, ourStates);
        return [next, draw(model.head(next[next.length - 1], e), noise, config.paletteSize)];
      });
      await Promise.all(outputs.map((t) => t.data()));
      tf.dispose([...ourStates, ...outputs]);
      ourStates = states;
    },
    layers: async () => {
      const [logits, g0, g1] = layers.predict([x, ...layerStates]) as tf.Tensor2D[];
      const outputs = tf.tidy(() => draw(logits, noise, config.paletteSize));
      await Promise.all(outputs.map((t) => t.data()));
      tf.dispose([...layerStates, logits, ...outputs]);
      layerStates = [g0, g1];
    },
  };
  const { times, tensorsLeaked: leaked } = await timeAlternating(
    variants,
    20,
    options.steps,
    () => tf.memory().numTensors,
  );
  tf.dispose([x, noise, ...ourStates, ...layerStates]);
  layers.dispose();
  model.dispose();
  return { batch: COUNT, ...versus(times), tensorsLeaked: leaked };
}

export async function runPixelRnn(options: PixelRnnRunOptions) {
  configure({ assetBase: '/dist/' });
  const runtime = await initRuntime(options.backend);
  const result: Record<string, unknown> = {
    info: { backend: tf.getBackend() },
    notes: runtime.notes,
  };
  for (const [name, config] of DATASETS) {
    try {
      result[name] = await drawings(`pixel-rnn-${name}`, config, options);
    } catch (error) {
      result[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  try {
    result.step = await recurrentStep(options);
  } catch (error) {
    result.step = { error: error instanceof Error ? error.message : String(error) };
  }
  return result;
}
