/**
 * Rebuilds weights/sentence-vae/ from WordNet's example sentences and the State of the Union
 * addresses (both shipped on npm), with the same model code the browser runs.
 *
 * The text becomes byte-pair pieces learned from the training sentences (src/data/piece-learner.ts).
 * The remedies against posterior collapse (see src/models/sentence-vae.ts): word dropout, free
 * bits per code dimension, a bag-of-words loss on the code, and a KL weight warmed up from 0 to 1.
 * Every --checkpoint-minutes the weights and Adam's state go to --checkpoint, so a run cut short
 * loses little and `--resume` carries on from there; the minutes of every session add up.
 *
 *   npm run train:sentence-vae                        # the bundled weights, from scratch
 *   npm run train:sentence-vae -- --resume            # train --minutes more from the checkpoint
 *   npm run train:sentence-vae -- --resume --free-bits 1.5   # … with a changed objective (recorded)
 *   npm run train:sentence-vae -- --resume --own-choices 0.25 # … feeding the decoder its own choices
 *   npm run train:sentence-vae -- --resume --encoder-reads backward  # … the encoder reading w_L … w_1
 *   npm run train:sentence-vae -- --evaluate          # evaluate the checkpoint, write --out only
 *   npm run train:sentence-vae -- --smoke --out DIR   # a few hundred sentences, a few steps (CI)
 */
import type { Rank, Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initNodeWasm } from './node-tf.js';
import { frequentWords, loadSentences } from './sentence-data.js';
import {
  checkpointExists,
  readCheckpointState,
  restoreCheckpoint,
  writeCheckpoint,
  type CheckpointState,
} from './sentence-checkpoint.js';
import { parseSentenceVaeFlags, resolveOptions, sessionChanges } from './sentence-options.js';
import { writeRelease } from './sentence-release.js';
import { compareDecodings } from './sentence-eval.js';
import {
  SentenceVae,
  SENTENCE_VAE_CONFIG,
  type SentenceVaeConfig,
  type TrainedObjective,
  type TokenIds,
} from '../../src/models/sentence-vae.js';
import { createLayer, linearParameters } from '../../src/models/layer-parameters.js';
import { linear } from '../../src/models/ops.js';
import { klToStandardNormal, mmdToStandardNormal } from '../../src/models/sentence-objective.js';
import { latinAlphabet, Vocabulary } from '../../src/data/tokenizer.js';
import { learnPieces } from '../../src/data/piece-learner.js';
import { createRng } from '../../src/runtime/random.js';
import { shuffleInPlace } from './seeded.js';

const flags = parseSentenceVaeFlags();
const smoke = flags.smoke;
const outDir = path.resolve(flags.out);
const checkpointDir = smoke
  ? mkdtempSync(path.join(os.tmpdir(), 'svae-checkpoint-'))
  : path.resolve(flags.checkpoint);
const fromCheckpoint = flags.resume || flags.evaluate;
const sessionMinutes = flags.evaluate ? 0 : smoke ? 0.15 : Number(flags.minutes);
const checkpointMinutes = smoke ? 0.1 : Number(flags['checkpoint-minutes']);
const HELD_OUT = smoke ? 100 : 1500;
const LM_FRACTION = 0.12;

const started = Date.now();
const seconds = () => (Date.now() - started) / 1000;
const log = (message: string) => console.log(`[${seconds().toFixed(0).padStart(5)} s] ${message}`);
const tf = await initNodeWasm();

if (fromCheckpoint && !checkpointExists(checkpointDir))
  throw new Error(`No checkpoint in ${checkpointDir} to resume or evaluate.`);
const previous = fromCheckpoint ? readCheckpointState(checkpointDir) : undefined;
/** The run's settings (sentence-options.ts): the defaults or the checkpoint's, and what the flags change. */
const resolved = resolveOptions(flags, previous, smoke);
const { options } = resolved;

// ---- data and pieces ---------------------------------------------------------------------------
const corpus = loadSentences(HELD_OUT, LM_FRACTION, options.seed, smoke ? 700 : Infinity);
const trainingText = options.extraData ? [...corpus.train, ...corpus.extra] : corpus.train;
/** The model's shape from scratch: the bundled one's, with what the command line changes. */
const shape: SentenceVaeConfig = {
  ...SENTENCE_VAE_CONFIG,
  ...(flags['vocabulary-size'] ? { vocabularySize: Number(flags['vocabulary-size']) } : {}),
  ...(flags['latent-size'] ? { latentSize: Number(flags['latent-size']) } : {}),
  ...(flags['max-tokens'] ? { maxTokens: Number(flags['max-tokens']) } : {}),
};
const vocabulary = new Vocabulary(
  previous?.vocabulary ??
    learnPieces(trainingText, {
      size: shape.vocabularySize,
      alphabet: latinAlphabet(),
      wholeWords: options.wholeWords,
    }),
);
const encoderReads = flags.evaluate ? undefined : flags['encoder-reads'];
if (encoderReads !== undefined && encoderReads !== 'forward' && encoderReads !== 'backward')
  throw new Error(`--encoder-reads takes forward or backward, not "${encoderReads}".`);
const config: SentenceVaeConfig = {
  ...(previous?.config ?? (smoke ? { ...shape, vocabularySize: vocabulary.size } : shape)),
  ...(encoderReads ? { encoderReads } : {}),
};
if (vocabulary.size !== config.vocabularySize)
  throw new Error(`${vocabulary.size} pieces learned; the model takes ${config.vocabularySize}.`);
const fits = (text: string) => vocabulary.encode(text).ids.length <= config.maxTokens;
const train = trainingText.filter(fits);
const heldOut = corpus.heldOut.filter(fits);
const trainIds = train.map((text) => vocabulary.encode(text).ids);
const meanPieces = (texts: string[]) =>
  texts.reduce((sum, text) => sum + vocabulary.encode(text).ids.length, 0) / texts.length;
log(
  `sentences: ${corpus.counts.wordnet} WordNet, ${corpus.counts.sotu} SOTU (clean, 5–30 words), ${corpus.counts.rejected} rejected, ` +
    `${corpus.counts.duplicates} duplicates; ${train.length} training, ${heldOut.length} held out, ${corpus.lmText.length} for the n-gram model; ` +
    `${vocabulary.size} pieces; ${trainingText.length - train.length} training sentences over ${config.maxTokens} pieces left out`,
);

log(
  `pieces per sentence: ${meanPieces(train).toFixed(1)} training, ${meanPieces(heldOut).toFixed(1)} held out`,
);

/** The objective's settings as the model takes them (and its weights record them). */
const trainedObjective: TrainedObjective = {
  klWeight: options.klWeight,
  freeBits: options.freeBits,
  mmdWeight: options.mmdWeight,
  sampleCode: options.sampleCode !== 0,
  inputDeletion: options.inputDeletion,
  dropout: options.dropout,
  wordDropout: options.wordDropout,
};

// ---- model, bag-of-words head, optimiser ------------------------------------------------------
const model = new SentenceVae(config, options.seed);
model.vocabulary = [...vocabulary.pieces];
if (options.lexiconMinCount > 0) {
  // The decoder's lexicon: the training text's words.
  model.useLexicon(frequentWords(train, options.lexiconMinCount));
  log(`lexicon: ${model.lexicon!.size} words (seen ${options.lexiconMinCount}+ times)`);
}
// The bag-of-words head: from the code alone, predict which pieces the sentence has (training only).
const bowHead = createLayer(
  config.latentSize,
  config.vocabularySize,
  options.seed + 1000,
  'linear',
);
const optimizer = tf.train.adam(options.learningRate);
const changes = sessionChanges(resolved, previous, encoderReads);
const trainable = () => ({ ...model.namedParameters(), ...linearParameters('bow', bowHead) });
let state: CheckpointState = previous ?? {
  config,
  vocabulary: [...vocabulary.pieces],
  step: 0,
  epoch: 0,
  trainingMinutes: 0,
  sessions: [],
  options,
};
if (previous) {
  await restoreCheckpoint(checkpointDir, trainable(), flags.resume ? optimizer : undefined);
  log(`restored ${checkpointDir}: step ${state.step}, ${state.trainingMinutes} minutes so far`);
}
const rng = createRng(options.seed + state.step);

function bagOfWordsLoss(sentences: readonly TokenIds[]) {
  return (code: Tensor2D) => {
    const V = config.vocabularySize;
    const counts = new Float32Array(sentences.length * V);
    sentences.forEach((s, b) => s.forEach((id) => (counts[b * V + id] += 1)));
    const logProbs = tf.logSoftmax(linear(code, bowHead));
    const nll = tf.neg(tf.sum(tf.mul(tf.tensor2d(counts, [sentences.length, V]), logProbs), 1));
    return tf.mul<Scalar>(tf.mean(nll), options.bowWeight);
  };
}

/** Batches of sentences of similar length (fewer padded steps), in random order. */
function lengthBucketedBatches(): number[][] {
  const order = shuffleInPlace(
    trainIds.map((_, i) => i),
    rng,
  );
  const batches: number[][] = [];
  const chunk = options.batchSize * 20;
  for (let start = 0; start < order.length; start += chunk) {
    const part = order
      .slice(start, start + chunk)
      .sort((a, b) => trainIds[a].length - trainIds[b].length);
    for (let b = 0; b + options.batchSize <= part.length; b += options.batchSize)
      batches.push(part.slice(b, b + options.batchSize));
  }
  return shuffleInPlace(batches, rng);
}

/**
 * A quick look during training, on 256 held-out sentences: greedy pieces right from the code's
 * mean, the KL, how far the codes are from N(0, I) (MMD², 0 when they look like draws from it),
 * and one sentence decoded from a code drawn from N(0, I).
 */
async function quickCheck(): Promise<string> {
  const ids = heldOut.slice(0, 256).map((text) => vocabulary.encode(text).ids);
  const { mean, logVar } = model.encode(ids);
  const decoded = await model.decode(mean);
  const prior = tf.randomNormal<Rank.R2>([1, config.latentSize], 0, 1, 'float32', state.step);
  const [sample] = await model.decode(prior);
  const kl = tf.tidy(() => tf.mean(tf.sum(klToStandardNormal(mean, logVar), 1)));
  const mmd = tf.tidy(() => mmdToStandardNormal(mean, state.step));
  const [klValue, mmdValue] = [(await kl.data())[0], (await mmd.data())[0]];
  tf.dispose([mean, logVar, kl, mmd, prior]);
  let right = 0;
  let total = 0;
  ids.forEach((s, b) => s.forEach((id, t) => ((right += decoded[b][t] === id ? 1 : 0), total++)));
  return (
    `pieces right ${((100 * right) / total).toFixed(1)}%, KL ${klValue.toFixed(1)} nats, MMD² ${mmdValue.toFixed(3)}; ` +
    `e.g. “${heldOut[0]}” → “${vocabulary.decode(decoded[0])}”; from N(0, I): “${vocabulary.decode(sample)}”`
  );
}

async function saveCheckpoint(
  sessionStart: { minutes: number; steps: number },
  trainingSeconds: number,
): Promise<void> {
  const minutes = Math.round((trainingSeconds / 60) * 10) / 10;
  state = {
    ...state,
    trainingMinutes: Math.round((sessionStart.minutes + trainingSeconds / 60) * 10) / 10,
    config,
    options,
    sessions: [
      ...(previous?.sessions ?? []),
      {
        date: new Date().toISOString(),
        minutes,
        steps: state.step - sessionStart.steps,
        ...(Object.keys(changes).length ? { changed: changes } : {}),
      },
    ],
  };
  await writeCheckpoint(checkpointDir, state, trainable(), optimizer);
  log(
    `checkpoint: step ${state.step}, ${state.trainingMinutes} training minutes in all; wrote ${checkpointDir}`,
  );
}

// ---- training --------------------------------------------------------------------------------
if (!flags.evaluate) {
  const sessionStart = { minutes: state.trainingMinutes, steps: state.step };
  let trainingSeconds = 0;
  let lastCheckpoint = 0;
  let recentLoss = 0;
  let recentSteps = 0;
  log(
    `training ${sessionMinutes} min from step ${state.step}: batch ${options.batchSize}, Adam ${options.learningRate}, ` +
      `KL weight ${options.klWeight}, free bits ${options.freeBits} nats/dim, MMD weight ${options.mmdWeight}, code ${options.sampleCode ? 'drawn' : 'the mean'}, ` +
      `input deletion ${options.inputDeletion}, dropout ${options.dropout}, word dropout ${options.wordDropout}, own choices ${options.ownChoices}, bag-of-words weight ${options.bowWeight}, ` +
      `KL warm-up ${options.warmupSteps} steps; config ${JSON.stringify(config)}`,
  );
  training: while (true) {
    for (const batch of lengthBucketedBatches()) {
      const stepStart = Date.now();
      const sentences = batch.map((i) => trainIds[i]);
      const klWeight = Math.min(1, state.step / options.warmupSteps);
      const loss = model.trainStep(
        optimizer,
        sentences,
        {
          ...trainedObjective,
          klWeight: klWeight * options.klWeight,
          ownChoices: options.ownChoices,
          rng,
        },
        { parameters: [bowHead.weight, bowHead.bias], loss: bagOfWordsLoss(sentences) },
      );
      recentLoss += (await loss.data())[0];
      loss.dispose();
      trainingSeconds += (Date.now() - stepStart) / 1000;
      recentSteps++;
      state.step++;
      if (state.step % 100 === 0) {
        log(
          `step ${state.step} (epoch ${state.epoch + 1}): loss ${(recentLoss / recentSteps).toFixed(2)}, β ${klWeight.toFixed(2)}, ${tf.memory().numTensors} tensors`,
        );
        recentLoss = 0;
        recentSteps = 0;
      }
      const outOfTime = trainingSeconds > sessionMinutes * 60;
      if (outOfTime || trainingSeconds - lastCheckpoint > checkpointMinutes * 60) {
        lastCheckpoint = trainingSeconds;
        await saveCheckpoint(sessionStart, trainingSeconds);
        log(`held-out check: ${await quickCheck()}`);
      }
      if (outOfTime) break training;
    }
    state.epoch++;
  }
}

if (flags['compare-decodings']) {
  const texts = heldOut.slice(0, Number(flags['compare-decodings']));
  log(`decodings compared on ${texts.length} held-out sentences (words right):`);
  log(
    JSON.stringify(
      await compareDecodings(model, vocabulary, texts, 4, [0, 2, 8, 16, 32, 64, 1000]),
    ),
  );
  process.exit(0);
}

// The objective travels with the weights, so that fine-tuning in the page keeps to it.
model.trainingObjective = trainedObjective;
await writeRelease({
  outDir,
  model,
  vocabulary,
  state,
  corpus: { ...corpus, train, heldOut },
  log,
  evaluateOnly: !!flags.evaluate,
});
