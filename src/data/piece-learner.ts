/**
 * Learns a byte-pair vocabulary (Sennrich et al. 2016) from sentences, for `Vocabulary`:
 *
 *   start     every chunk (see tokenizer.ts) as its characters, the space mark first if spaced
 *   repeat    count every pair of neighbouring symbols over all chunks (times each chunk's
 *             frequency); merge the most frequent pair everywhere into one new symbol
 *   until     the vocabulary has `size` pieces, or no pair occurs twice
 *
 * With `wholeWords` = N, the N most frequent words (with their space mark, as chunks) are pieces
 * of their own, added after the merges; the merges are then learned from the other words only,
 * so they go to the rarer words, which are written in pieces. Whole words make the sequences
 * shorter and every common word one decision for the decoder.
 *
 * The merged pieces get ids in the order they were learned, which is the order `Vocabulary`
 * applies them in. Characters outside the alphabet stay unmerged (they are written as bytes).
 * Used by the training script; kept here, pure, so that the tests can run it.
 */
import { BYTE_PIECES, chunks, normalizeText, SPACE, SPECIAL_TOKENS } from './tokenizer.js';

export interface PieceLearnerOptions {
  /** Total pieces, the specials and the 256 bytes included. */
  size: number;
  /** Characters that get a piece whether seen or not (e.g. `latinAlphabet()`). */
  alphabet?: readonly string[];
  /** A character seen at least this often in the sentences gets a piece too. */
  minCharacterCount?: number;
  /** How many of the most frequent words (seen at least twice) become whole pieces (default 0). */
  wholeWords?: number;
}

export function learnPieces(sentences: readonly string[], options: PieceLearnerOptions): string[] {
  const { size, alphabet = [], minCharacterCount = 3, wholeWords = 0 } = options;
  // Chunk frequencies, each chunk as its starting symbols.
  const chunkCounts = new Map<string, number>();
  const characterCounts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const chunk of chunks(normalizeText(sentence))) {
      const key = (chunk.spaced ? SPACE : '') + chunk.text;
      chunkCounts.set(key, (chunkCounts.get(key) ?? 0) + 1);
      for (const ch of chunk.text) characterCounts.set(ch, (characterCounts.get(ch) ?? 0) + 1);
    }
  }
  const characters = new Set<string>([SPACE, ...alphabet]);
  for (const [ch, count] of [...characterCounts].sort((a, b) => b[1] - a[1]))
    if (count >= minCharacterCount) characters.add(ch);
  characters.delete(SPACE);
  const pieces = [...SPECIAL_TOKENS, ...BYTE_PIECES, SPACE, ...characters];
  if (pieces.length > size)
    throw new RangeError(`The alphabet alone has ${pieces.length} pieces; asked for ${size}.`);

  const words = [...chunkCounts]
    .filter(([key, count]) => count >= 2 && /^\u2581?\p{L}[\p{L}\p{M}']+$/u.test(key))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, wholeWords)
    .map(([key]) => key);
  const wholeWordSet = new Set(words);

  // Symbols of each chunk type; null marks a character without a piece (never merged).
  const types: (string | null)[][] = [];
  const freq: number[] = [];
  for (const [key, count] of chunkCounts) {
    if (wholeWordSet.has(key)) continue;
    const chars = [...key];
    types.push(
      chars.map((ch, i) =>
        i === 0 && ch === SPACE && key.startsWith(SPACE) ? SPACE : characters.has(ch) ? ch : null,
      ),
    );
    freq.push(count);
  }
  const pairCounts = new Map<string, number>();
  const pairTypes = new Map<string, Set<number>>();
  const SEP = '\u0000';
  const forPairs = (t: number, sign: 1 | -1) => {
    const s = types[t];
    for (let i = 0; i + 1 < s.length; i++) {
      if (s[i] === null || s[i + 1] === null) continue;
      const pair = s[i] + SEP + s[i + 1];
      const count = (pairCounts.get(pair) ?? 0) + sign * freq[t];
      if (count > 0) pairCounts.set(pair, count);
      else pairCounts.delete(pair);
      if (sign > 0) {
        let set = pairTypes.get(pair);
        if (!set) pairTypes.set(pair, (set = new Set()));
        set.add(t);
      }
    }
  };
  types.forEach((_, t) => forPairs(t, 1));

  const known = new Set(pieces);
  let wholeWordsToAdd = words.filter((w) => !known.has(w)).length;
  while (pieces.length + wholeWordsToAdd < size) {
    let best = '';
    let bestCount = 1;
    for (const [pair, count] of pairCounts)
      if (count > bestCount) [best, bestCount] = [pair, count];
    if (!best) break;
    const [a, b] = best.split(SEP);
    const merged = a + b;
    for (const t of pairTypes.get(best) ?? []) {
      const s = types[t];
      if (!s.some((x, i) => x === a && s[i + 1] === b)) continue;
      forPairs(t, -1);
      const next: (string | null)[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === a && s[i + 1] === b) {
          next.push(merged);
          i++;
        } else next.push(s[i]);
      }
      types[t] = next;
      forPairs(t, 1);
    }
    pairTypes.delete(best);
    pairCounts.delete(best);
    if (!known.has(merged)) {
      known.add(merged);
      pieces.push(merged);
      if (wholeWordSet.has(merged)) wholeWordsToAdd--;
    }
  }
  for (const word of words) if (!known.has(word)) pieces.push(word);
  return pieces;
}
