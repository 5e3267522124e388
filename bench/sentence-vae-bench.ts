/**
 * Sentence VAE half of the bench page, on one backend, with the bundled weights:
 *  - a 5-step greedy morph (encode two held-out sentences, decode 7 points, read the words back),
 *    through `SentenceMorpher.morph`, as the element calls it;
 *  - one decoder step at the morph's batch (7) — embedding lookup, GRU, output layer, argmax —
 *    ours against the same step written with @tensorflow/tfjs-layers (a functional model:
 *    embedding, concatenate with the code, GRU with its state passed in and out, dense to the
 *    word-vector size, dense to the vocabulary, called with predict()). Ours is the model's own
 *    decoder (src/models/sentence-decoder.ts), made at the bundled model's sizes; random weights
 *    for both, since speed does not depend on the values. Runs alternate;
 *  - in-page fine-tuning: steps of batch 4 on held-out sentences through `SentenceMorpher.fineTune`,
 *    as the element's fine-tune panel runs them (time between progress reports).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { configure, type BackendName } from '../src/runtime/config.js';
import { initRuntime } from '../src/runtime/backend.js';
import { loadArtifacts } from '../src/runtime/weights-io.js';
import { SentenceMorpher } from '../src/models/sentence-morpher.js';
import { SENTENCE_VAE_CONFIG } from '../src/models/sentence-vae.js';
import { SentenceDecoder } from '../src/models/sentence-decoder.js';
import { stats, timeAlternating, versus } from './stats.js';

export interface SentenceRunOptions {
  backend: BackendName;
  /** Timed morphs (after warm-up). */
  morphs: number;
  /** Timed decoder steps per implementation (after a warm-up). */
  steps: number;
  /** Timed fine-tuning steps (after 2 untimed ones). */
  fineTuneSteps?: number;
}

const WEIGHTS = '/dist/weights/sentence-vae/model.json';
const MORPH_STEPS = 5;
const BATCH = MORPH_STEPS + 2;

/** The held-out sentences shipped beside the weights. */
async function heldOutSentences(): Promise<string[]> {
  const response = await fetch('/dist/weights/sentence-vae/heldout-sentences.json');
  return (await response.json()) as string[];
}

async function morphs(options: SentenceRunOptions) {
  const morpher = new SentenceMorpher();
  const t0 = performance.now();
  await morpher.setWeights(await loadArtifacts(WEIGHTS));
  const loadMs = performance.now() - t0;
  const sentences = await heldOutSentences();
  const pairs = Array.from({ length: 20 }, (_, i) => [sentences[2 * i], sentences[2 * i + 1]]);
  for (let i = 0; i < 3; i++) await morpher.morph(pairs[i][0], pairs[i][1], MORPH_STEPS);
  const before = tf.memory().numTensors;
  const times: number[] = [];
  for (let i = 0; i < options.morphs; i++) {
    const [from, to] = pairs[i % pairs.length];
    const start = performance.now();
    await morpher.morph(from, to, MORPH_STEPS);
    times.push(performance.now() - start);
  }
  const leaked = tf.memory().numTensors - before;
  morpher.dispose();
  return { loadMs, morph: stats(times), tensorsLeaked: leaked };
}

/** The decoder step as tfjs-layers writes it: previous word, code, state → logits, state'. */
function layersStep(): tfl.LayersModel {
  const c = SENTENCE_VAE_CONFIG;
  const word = tfl.input({ shape: [1] });
  const code = tfl.input({ shape: [c.latentSize] });
  const state = tfl.input({ shape: [c.decoderSize] });
  const embedded = tfl.layers
    .flatten()
    .apply(
      tfl.layers.embedding({ inputDim: c.vocabularySize, outputDim: c.embeddingSize }).apply(word),
    ) as tfl.SymbolicTensor;
  const input = tfl.layers
    .reshape({ targetShape: [1, c.embeddingSize + c.latentSize] })
    .apply(tfl.layers.concatenate().apply([embedded, code])) as tfl.SymbolicTensor;
  // (Glorot rather than the default orthogonal init: orthogonal needs a QR this bundle lacks.)
  const next = tfl.layers
    .gru({
      units: c.decoderSize,
      recurrentActivation: 'sigmoid',
      recurrentInitializer: 'glorotNormal',
    })
    .apply(input, { initialState: [state] }) as tfl.SymbolicTensor;
  const projected = tfl.layers.dense({ units: c.embeddingSize }).apply(next) as tfl.SymbolicTensor;
  const logits = tfl.layers
    .dense({ units: c.vocabularySize })
    .apply(projected) as tfl.SymbolicTensor;
  return tfl.model({ inputs: [word, code, state], outputs: [logits, next] });
}

async function decoderStep(options: SentenceRunOptions) {
  const c = SENTENCE_VAE_CONFIG;
  const embedding = tf.tidy(() =>
    tf.variable(tf.randomNormal([c.vocabularySize, c.embeddingSize], 0, 0.1)),
  );
  let seed = 1;
  const decoder = new SentenceDecoder(c, embedding, () => seed++);
  const layers = layersStep();
  const code = tf.randomNormal<tf.Rank.R2>([BATCH, c.latentSize]);
  let ourWord = tf.fill<tf.Rank.R1>([BATCH], 1, 'int32');
  let layerWord = tf.fill<tf.Rank.R2>([BATCH, 1], 1);
  // Ours prepares its per-decoding constants once, as a decoding does (the layers model keeps its own).
  const constants = decoder.decodingConstants(code);
  let ourState = tf.clone(constants.start);
  let layerState = tf.zeros<tf.Rank.R2>([BATCH, c.decoderSize]);
  const variants = {
    ours: async () => {
      const [state, word] = tf.tidy(() => {
        const step = decoder.step(ourWord, ourState, constants);
        return [step.state, tf.argMax<tf.Tensor1D>(step.logits, 1)];
      });
      await word.data();
      tf.dispose([ourState, ourWord]);
      [ourState, ourWord] = [state, word];
    },
    layers: async () => {
      const [logits, state] = layers.predict([layerWord, code, layerState]) as tf.Tensor2D[];
      const word = tf.tidy<tf.Tensor2D>(() =>
        tf.reshape(tf.cast(tf.argMax(logits, 1), 'float32'), [BATCH, 1]),
      );
      await word.data();
      tf.dispose([layerState, layerWord, logits]);
      [layerState, layerWord] = [state, word];
    },
  };
  const { times, tensorsLeaked: leaked } = await timeAlternating(
    variants,
    20,
    options.steps,
    () => tf.memory().numTensors,
  );
  tf.dispose([
    code,
    ourWord,
    layerWord,
    ourState,
    layerState,
    constants.codeTerms,
    constants.outputTable,
    constants.start,
    ...Object.values(constants.gru),
  ]);
  layers.dispose();
  tf.dispose([embedding, ...Object.values(decoder.namedParameters())]);
  return { batch: BATCH, ...versus(times), tensorsLeaked: leaked };
}

async function fineTuneSteps(options: SentenceRunOptions) {
  const morpher = new SentenceMorpher();
  await morpher.setWeights(await loadArtifacts(WEIGHTS));
  const sentences = await heldOutSentences();
  const steps = 2 + (options.fineTuneSteps ?? 10);
  const stamps: number[] = [];
  const before = tf.memory().numTensors;
  stamps.push(performance.now());
  await morpher.fineTune(sentences.slice(0, 40), {
    steps,
    batchSize: 4,
    seed: 1,
    onProgress: () => stamps.push(performance.now()),
  });
  const leaked = tf.memory().numTensors - before;
  morpher.dispose();
  const times = stamps
    .slice(1)
    .map((t, i) => t - stamps[i])
    .slice(2);
  return { batch: 4, step: stats(times), tensorsLeaked: leaked };
}

export async function runSentenceVae(options: SentenceRunOptions) {
  configure({ assetBase: '/dist/' });
  const runtime = await initRuntime(options.backend);
  const result: Record<string, unknown> = {
    info: { backend: tf.getBackend() },
    notes: runtime.notes,
  };
  for (const [name, measure] of [
    ['morph', morphs],
    ['step', decoderStep],
    ['fineTune', fineTuneSteps],
  ] as const) {
    try {
      result[name] = await measure(options);
    } catch (error) {
      result[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return result;
}
