/**
 * Bench page: times our digit VAE (weights load, grid decode) against the same decoder written
 * with @tensorflow/tfjs-layers, on one backend; and our GAN (bench/gan-bench.ts). Bundled by run.mjs
 * with esbuild so that our code and tfjs-layers share a single tfjs-core instance. run.mjs calls
 * `window.bench.run(options)`, `window.bench.gan(options)`, `window.bench.pixelRnn(options)`
 * (bench/pixel-rnn-bench.ts) and `window.bench.sentenceVae(options)` (bench/sentence-vae-bench.ts),
 * each on a freshly loaded page.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { configure, type BackendName } from '../src/runtime/config.js';
import { initRuntime } from '../src/runtime/backend.js';
import { DigitVae } from '../src/models/digit-vae.js';
import { DIGITS_VAE_CONFIG } from '../src/models/vae.js';
import { loadArtifacts } from '../src/runtime/weights-io.js';
import { gridCodes } from '../src/data/latent-grid.js';
import { stats } from './stats.js';
import { runGan } from './gan-bench.js';
import { runPixelRnn } from './pixel-rnn-bench.js';
import { runSentenceVae } from './sentence-vae-bench.js';

const WEIGHTS_URL = '/dist/weights/vae-digits/model.json';

export interface RunOptions {
  backend: BackendName;
  /** Extra weights loads after the first one (for a median). */
  weightLoads: number;
  warmup: number;
  /** Timed repetitions per grid side, e.g. { 9: 200, 25: 50 }. */
  repetitions: Record<number, number>;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** The decoder as tfjs-examples writes it: a Sequential of dense layers, then predict(). */
/**
 * The bundled VAE's decoder written with tfjs-layers (dense layers, then for the convolutional VAE
 * a reshape and transposed convolutions), with the same weights. Our matrices are [in, out] and our
 * transposed filters [k, k, out, in], as Keras keeps them, so they copy in unchanged.
 */
function layersDecoder(weights: tf.NamedTensorMap): tfl.Sequential {
  const { latentSize, decoderHidden, convolutional: conv, inputSize } = DIGITS_VAE_CONFIG;
  const layers: tfl.layers.Layer[] = [];
  const names: string[] = [];
  const denseSizes = [...decoderHidden, conv ? conv.baseSize ** 2 * conv.channels[0] : inputSize];
  denseSizes.forEach((units, i) => {
    const last = i === denseSizes.length - 1;
    layers.push(
      tfl.layers.dense({
        ...(i === 0 ? { inputShape: [latentSize] } : {}),
        units,
        activation: last && !conv ? 'sigmoid' : 'relu',
      }),
    );
    names.push(`decoder/dense${i}`);
  });
  if (conv) {
    layers.push(
      tfl.layers.reshape({ targetShape: [conv.baseSize, conv.baseSize, conv.channels[0]] }),
    );
    const outward = [...conv.channels.slice(1), 1];
    outward.forEach((filters, i) => {
      const last = i === outward.length - 1;
      layers.push(
        tfl.layers.conv2dTranspose({
          filters,
          kernelSize: conv.filterSize,
          strides: 2,
          padding: 'same',
          activation: last ? 'sigmoid' : 'relu',
        }),
      );
      names.push(`decoder/deconv${i + 1}`);
    });
    layers.push(tfl.layers.flatten());
  }
  const decoder = tfl.sequential({ layers });
  decoder.layers
    .filter((layer) => layer.getWeights().length > 0)
    .forEach((layer, i) =>
      layer.setWeights([weights[`${names[i]}/weight`], weights[`${names[i]}/bias`]]),
    );
  return decoder;
}

async function run(options: RunOptions) {
  const notes: string[] = [];
  configure({ assetBase: '/dist/' });
  const runtime = await initRuntime(options.backend);
  notes.push(...runtime.notes);
  // Without this, small ops on WebGPU silently run on the CPU path.
  if (runtime.backend === 'webgpu') tf.env().set('WEBGPU_CPU_FORWARD', false);
  const info: Record<string, unknown> = { backend: tf.getBackend() };
  if (runtime.backend === 'wasm') info.wasmSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  if (runtime.backend === 'webgpu') {
    type Adapter = { info?: { architecture?: string; vendor?: string } } | null;
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter> } }).gpu;
    const adapter = await gpu?.requestAdapter();
    info.adapter = `${adapter?.info?.vendor ?? '?'} ${adapter?.info?.architecture ?? '?'}`;
  }

  // 1. Weights: construct, fetch + decode model.json and weights.bin, assign. First load, then repeats.
  const loadTimes: number[] = [];
  let vae: DigitVae | undefined;
  for (let i = 0; i <= options.weightLoads; i++) {
    vae?.dispose();
    const t0 = performance.now();
    vae = new DigitVae();
    await vae.setWeights(await loadArtifacts(WEIGHTS_URL)); // async: it reads the values back to check them
    loadTimes.push(performance.now() - t0);
  }
  const weights = { firstMs: loadTimes[0], repeat: stats(loadTimes.slice(1)) };

  // 4. The tfjs-layers decoder with the same weights (decoded from the same file).
  const artifacts = await loadArtifacts(WEIGHTS_URL);
  const named = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  const decoder = layersDecoder(named);
  tf.dispose(named);
  const probe = tf.tidy(() => decoder.predict(tf.zeros([1, 10])) as tf.Tensor);
  // If tfjs-layers had its own tfjs-core, its tensors would not be instances of ours.
  info.sharedTfjsCore = probe instanceof tf.Tensor;
  probe.dispose();

  const model = vae!;
  const variants = {
    ours: (codes: Float32Array, n: number) => model.decode(codes, n),
    // tfjs-examples style: predict() with its default batchSize (32), then read back.
    layers: async (codes: Float32Array, n: number) => {
      const y = tf.tidy(() => decoder.predict(tf.tensor2d(codes, [n, 10])) as tf.Tensor);
      const values = (await y.data()) as Float32Array;
      y.dispose();
      return values;
    },
    // Same, but the whole grid in one batch (for reference only).
    layersOneBatch: async (codes: Float32Array, n: number) => {
      const y = tf.tidy(
        () => decoder.predict(tf.tensor2d(codes, [n, 10]), { batchSize: n }) as tf.Tensor,
      );
      const values = (await y.data()) as Float32Array;
      y.dispose();
      return values;
    },
  };
  type Variant = keyof typeof variants;
  const names = Object.keys(variants) as Variant[];

  // 3 + 4. Grid decodes. Variants are interleaved run by run so background load hits them alike.
  const grids: Record<string, unknown> = {};
  let output9x9: number[] | null = null;
  for (const [sideText, repetitions] of Object.entries(options.repetitions)) {
    const side = Number(sideText);
    const count = side * side;
    // The explorer's own grid: the zero code with dims 0 and 1 swept ±3.
    const codes = gridCodes({
      centre: new Float32Array(10),
      dims: [0, 1],
      gridSize: side,
      range: 3,
    });
    const outputs = {} as Record<Variant, Float32Array>;
    for (const name of names) outputs[name] = await variants[name](codes, count);
    for (let i = 0; i < options.warmup; i++)
      for (const name of names) await variants[name](codes, count);
    const tensorsBefore = tf.memory().numTensors;
    const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
      Variant,
      number[]
    >;
    for (let i = 0; i < repetitions; i++) {
      for (const name of names) {
        const t0 = performance.now();
        await variants[name](codes, count);
        times[name].push(performance.now() - t0);
      }
    }
    // The 9x9 output itself, so run.mjs can compare backends with each other.
    if (side === 9) output9x9 = Array.from(outputs.ours);
    grids[`${side}x${side}`] = {
      count,
      ...Object.fromEntries(names.map((name) => [name, stats(times[name])])),
      // Tensors left behind by the timed runs (should be 0).
      tensorsLeaked: tf.memory().numTensors - tensorsBefore,
      maxAbsDiff: maxAbsDiff(outputs.ours, outputs.layers),
      maxAbsDiffOneBatch: maxAbsDiff(outputs.ours, outputs.layersOneBatch),
    };
  }

  decoder.dispose();
  const fineTune = await fineTuneSteps(model);
  model.dispose();
  return { info, notes, weights, grids, output9x9, fineTune };
}

/**
 * The explorer's fine-tuning, as its training panel runs it (batch 32 of a few digits): time
 * between progress reports, the first two steps (Adam's set-up) left out.
 */
async function fineTuneSteps(vae: DigitVae) {
  const digits = Array.from({ length: 8 }, (_, k) =>
    Float32Array.from({ length: 784 }, (_, i) => ((i * 7 + k * 13) % 29) / 28),
  );
  const stamps = [performance.now()];
  const before = tf.memory().numTensors;
  const result = await vae.fineTune(digits, {
    steps: 22,
    batchSize: 32,
    seed: 1,
    onProgress: () => stamps.push(performance.now()),
  });
  const times = stamps
    .slice(1)
    .map((t, i) => t - stamps[i])
    .slice(2);
  return {
    batch: 32,
    step: stats(times),
    finite: Object.values(result.losses).every(Number.isFinite),
    tensorsLeaked: tf.memory().numTensors - before,
  };
}

(window as unknown as { bench: unknown }).bench = {
  run,
  gan: runGan,
  pixelRnn: runPixelRnn,
  sentenceVae: runSentenceVae,
};
