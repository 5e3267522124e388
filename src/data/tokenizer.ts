/**
 * Words for the sentence VAE: text → lower-case word tokens → vocabulary ids, and back.
 *
 * Word-level, not characters: with about 4k words a sentence of 5–15 words is 5–15 decoder
 * steps instead of 30–90, and the code only has to carry which words, not how they are spelt.
 * The price is words outside the vocabulary, which become UNK and are reported as such.
 */

/** Ids of the four special tokens, the first four entries of every vocabulary. */
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const UNK = 3;
export const SPECIAL_TOKENS = ['<pad>', '<s>', '</s>', '<unk>'];

/** A word (letters, with one inner apostrophe as in "don't"), a number, or a punctuation mark. */
const TOKEN = /[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[,;:!?]/g;
/** Punctuation that sits against the word before it when tokens are joined back. */
const CLOSING_PUNCTUATION = new Set([',', ';', ':', '!', '?']);

/**
 * Splits text into tokens: lower case, curly apostrophes made straight, every other character
 * (quotes, brackets, dashes, full stops) dropped. A sentence-final full stop carries nothing the
 * model needs, so it is not a token.
 */
export function tokenize(text: string): string[] {
  return normalise(text).match(TOKEN) ?? [];
}

/**
 * Lower case, accents taken off (Unicode NFKD, then the combining marks dropped: "Café" → "cafe"),
 * curly apostrophes made straight.
 */
function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Letters and digits a token can be made of, and punctuation, which is dropped on purpose. */
const REPRESENTED = /^[a-z0-9\p{P}]+$/u;

/**
 * The words of `text` that the tokens cannot spell in full (emoji, Hebrew, Chinese…): they are
 * reported to the reader, never dropped in silence.
 */
export function unrepresentedWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '' && !REPRESENTED.test(normalise(word)));
}

/** Tokens counted as words (not punctuation), for the 5–15-word limit. */
export function wordCount(tokens: string[]): number {
  return tokens.filter((t) => !CLOSING_PUNCTUATION.has(t)).length;
}

/** Whether a token is written against the one before it (no space): closing punctuation. */
export function joinsPrevious(token: string): boolean {
  return CLOSING_PUNCTUATION.has(token);
}

/** A token as a reader sees it at position `index`: the first one capitalised, and "i" as "I". */
export function displayToken(token: string, index: number): string {
  if (token === 'i') return 'I';
  return index === 0 ? token.charAt(0).toUpperCase() + token.slice(1) : token;
}

/** Tokens → readable text: spaces between words, none before punctuation, first letter capital. */
export function detokenize(tokens: string[]): string {
  return tokens.map((token, i) => (i > 0 && !joinsPrevious(token) ? ' ' : '') + displayToken(token, i)).join('');
}

export interface EncodedSentence {
  /** Vocabulary ids, one per token (UNK for unknown words), without BOS or EOS. */
  ids: number[];
  tokens: string[];
  /** The tokens that are not in the vocabulary, in order, then the words no token can spell. */
  unknown: string[];
}

export class Vocabulary {
  /** Every entry, specials first; an id is an index into this list. */
  readonly words: readonly string[];
  private readonly ids: Map<string, number>;

  constructor(words: readonly string[]) {
    if (words.length < SPECIAL_TOKENS.length || SPECIAL_TOKENS.some((s, i) => words[i] !== s)) {
      throw new TypeError(`A vocabulary starts with ${SPECIAL_TOKENS.join(' ')}.`);
    }
    this.words = words;
    this.ids = new Map(words.map((w, i) => [w, i]));
  }

  get size(): number {
    return this.words.length;
  }

  has(token: string): boolean {
    const id = this.ids.get(token);
    return id !== undefined && id >= SPECIAL_TOKENS.length;
  }

  encode(text: string): EncodedSentence {
    const tokens = tokenize(text);
    const ids = this.idsOf(tokens);
    return { ids, tokens, unknown: [...tokens.filter((_, i) => ids[i] === UNK), ...unrepresentedWords(text)] };
  }

  /** Ids of tokens already split (UNK for those not in the vocabulary). */
  idsOf(tokens: readonly string[]): number[] {
    return tokens.map((t) => this.ids.get(t) ?? UNK);
  }

  /** Ids → tokens, stopping at EOS; PAD and BOS are skipped, UNK stays visible as <unk>. */
  tokens(ids: Iterable<number>): string[] {
    const out: string[] = [];
    for (const id of ids) {
      if (id === EOS) break;
      if (id === PAD || id === BOS) continue;
      out.push(this.words[id] ?? SPECIAL_TOKENS[UNK]);
    }
    return out;
  }

  /** The `size` − 4 most frequent tokens of `sentences` (ties by first appearance), after the specials. */
  static fromSentences(sentences: string[][], size: number): Vocabulary {
    const counts = new Map<string, number>();
    for (const sentence of sentences) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    return new Vocabulary([...SPECIAL_TOKENS, ...ranked.slice(0, size - SPECIAL_TOKENS.length)]);
  }
}
