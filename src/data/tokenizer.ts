/**
 * Text for the sentence VAE: text ⇄ subword pieces ⇄ vocabulary ids (byte-pair encoding, Sennrich
 * et al. 2016, with a byte fallback as in SentencePiece), so that every input is represented.
 *
 *   normalise   NFC, curly quotes made straight, any run of white space → one space, trimmed
 *   chunks      a word (letters, marks, inner apostrophes), a run of digits, or one other character,
 *               each marked "▁" when a space comes before it (the first chunk too)
 *   pieces      each chunk starts as characters; a character outside the alphabet becomes its
 *               UTF-8 bytes (<0xNN>); then neighbouring pieces are merged, lowest id first, as long
 *               as the merged text is in the vocabulary (learned merges have ids in learning order)
 *
 * Case and spacing are kept in the pieces, so joining the pieces back gives the normalised text:
 * the decoder writes capitals and punctuation itself.
 */

/** Ids of the four special tokens, the first four entries of every vocabulary. */
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
/** Never part of a sentence: the decoder input that word dropout puts in place of a piece. */
export const UNK = 3;
export const SPECIAL_TOKENS = ['<pad>', '<s>', '</s>', '<unk>'];
/** The mark of a space before a chunk, as in SentencePiece. */
export const SPACE = '\u2581';
/** The 256 byte pieces follow the specials: id BYTE_BASE + b is the byte b. */
export const BYTE_BASE = SPECIAL_TOKENS.length;
export const BYTE_PIECES = Array.from(
  { length: 256 },
  (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`,
);

/** A chunk: optional space, then a word with inner apostrophes, a run of digits, or one other character. */
const CHUNK = / ?(?:\p{L}[\p{L}\p{M}]*(?:'\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S)/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text the tokenizer represents exactly: NFC, straight quotes, single spaces, trimmed. */
export function normalizeText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The words of a text as a reader counts them: separated by spaces (punctuation stays attached). */
export function splitWords(text: string): string[] {
  const normalised = normalizeText(text);
  return normalised ? normalised.split(' ') : [];
}

/** A piece of text no piece crosses; `spaced` when a space (or the start of the text) precedes it. */
export interface Chunk {
  spaced: boolean;
  text: string;
}

/** The chunks of normalised text, in order; joined with their spaces they give the text back. */
export function chunks(normalised: string): Chunk[] {
  return (normalised.match(CHUNK) ?? []).map((chunk, i) =>
    chunk.startsWith(' ')
      ? { spaced: true, text: chunk.slice(1) }
      : { spaced: i === 0, text: chunk },
  );
}

/**
 * The characters every vocabulary has a piece for, used or not in training: printable ASCII and
 * the Latin letters and signs of U+00A1–U+024F and U+1E00–U+1EFF, so that no Latin-script word
 * falls back to bytes.
 */
export function latinAlphabet(): string[] {
  const ranges: [number, number][] = [
    [0x21, 0x7e],
    [0xa1, 0x24f],
    [0x1e00, 0x1eff],
  ];
  const out: string[] = [];
  for (const [from, to] of ranges)
    for (let c = from; c <= to; c++) if (c !== 0xad) out.push(String.fromCodePoint(c));
  return out;
}

/** Display helpers kept for the element: words come out of the decoder already cased and spaced. */
export function displayToken(word: string, _index?: number): string {
  return word;
}
export function joinsPrevious(_word: string): boolean {
  return false;
}

export interface EncodedSentence {
  /** Vocabulary ids, one per piece, without BOS or EOS. */
  ids: number[];
  pieces: string[];
  /** The words of the normalised text (split at spaces). */
  words: string[];
  /** Words that needed byte pieces (characters the model has never seen in training), in order. */
  unknown: string[];
}

export class Vocabulary {
  /** Every piece, specials and bytes first; an id is an index into this list. */
  readonly pieces: readonly string[];
  private readonly ids: Map<string, number>;
  private readonly cache = new Map<string, number[]>();

  constructor(pieces: readonly string[]) {
    const head = [...SPECIAL_TOKENS, ...BYTE_PIECES];
    if (
      pieces.length <= head.length ||
      head.some((s, i) => pieces[i] !== s) ||
      !pieces.includes(SPACE)
    ) {
      throw new TypeError(
        `A vocabulary starts with ${SPECIAL_TOKENS.join(' ')} and the 256 byte pieces, and has the space mark.`,
      );
    }
    this.pieces = pieces;
    this.ids = new Map(pieces.slice(head.length).map((p, i) => [p, i + head.length]));
  }

  get size(): number {
    return this.pieces.length;
  }

  /** Whether a word is written without byte pieces. */
  has(word: string): boolean {
    return chunks(normalizeText(word)).every((chunk) =>
      this.encodeChunk(chunk).every((id) => !isByte(id)),
    );
  }

  encode(text: string): EncodedSentence {
    const normalised = normalizeText(text);
    const ids = chunks(normalised).flatMap((chunk) => this.encodeChunk(chunk));
    const words = normalised ? normalised.split(' ') : [];
    return {
      ids,
      pieces: ids.map((id) => this.pieces[id]),
      words,
      unknown: words.filter((w) => !this.has(w)),
    };
  }

  /** Ids → text, stopping at EOS; specials are skipped; byte pieces are joined as UTF-8. */
  decode(ids: Iterable<number>): string {
    let text = '';
    let bytes: number[] = [];
    const flush = () => {
      if (bytes.length) text += new TextDecoder().decode(new Uint8Array(bytes));
      bytes = [];
    };
    for (const id of ids) {
      if (id === EOS) break;
      if (id < BYTE_BASE || id >= this.pieces.length) continue;
      if (isByte(id)) {
        bytes.push(id - BYTE_BASE);
        continue;
      }
      flush();
      const piece = this.pieces[id];
      text += piece.startsWith(SPACE) ? ' ' + piece.slice(1) : piece;
    }
    flush();
    return text.startsWith(' ') ? text.slice(1) : text;
  }

  /**
   * One chunk's ids: the chunk's own piece if it has one (a whole word), else its characters (or
   * their bytes) merged lowest id first (BPE by rank).
   */
  private encodeChunk(chunk: Chunk): number[] {
    const key = (chunk.spaced ? ' ' : '') + chunk.text;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const whole = chunk.text.includes(SPACE)
      ? undefined
      : this.ids.get((chunk.spaced ? SPACE : '') + chunk.text);
    if (whole !== undefined) return [whole];
    const symbols: { text: string; id: number }[] = chunk.spaced
      ? [{ text: SPACE, id: this.ids.get(SPACE)! }]
      : [];
    for (const ch of chunk.text) {
      // (a literal "▁" in the text is not the space mark: it goes to bytes)
      const id = ch === SPACE ? undefined : this.ids.get(ch);
      if (id !== undefined) symbols.push({ text: ch, id });
      else
        for (const b of new TextEncoder().encode(ch)) symbols.push({ text: '', id: BYTE_BASE + b });
    }
    while (symbols.length > 1) {
      let best = -1;
      let bestId = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        if (isByte(symbols[i].id) || isByte(symbols[i + 1].id)) continue;
        const id = this.ids.get(symbols[i].text + symbols[i + 1].text);
        if (id !== undefined && id < bestId) [best, bestId] = [i, id];
      }
      if (best < 0) break;
      symbols.splice(best, 2, { text: symbols[best].text + symbols[best + 1].text, id: bestId });
    }
    const ids = symbols.map((s) => s.id);
    if (this.cache.size < 50_000) this.cache.set(key, ids);
    return ids;
  }
}

function isByte(id: number): boolean {
  return id >= BYTE_BASE && id < BYTE_BASE + 256;
}
