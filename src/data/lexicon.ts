/**
 * The words a sentence decoder may write: with a lexicon, every word it finishes is a word of
 * its training text, never a made-up blend of pieces ("gulpties").
 *
 * A word here is what a reader (and the card's made-up-word count) takes as one: a run of letters
 * with inner apostrophes, compared in lower case. A decoder writes a word as one or more pieces;
 * while it writes, the state is the word so far. At each step a piece is allowed when
 *
 *   it starts a word (a space-marked piece, or letters after punctuation)
 *        the word so far is finished (a known word, or none) and the piece begins a known word
 *   it continues the word so far (letters, no space mark)
 *        the word so far plus the piece begins a known word
 *   it is anything else (punctuation, the end of the sentence)
 *        the word so far is finished
 *
 * Capitals only start a word ("The", never "thE" or "disuSe"): the training text has no capital
 * inside a word. Byte pieces (characters never seen in training) are never allowed. The allowed pieces of a
 * state are a mask of logits (0 or −1e9), computed once per state and kept: most steps start a
 * word, so a handful of masks serve a whole morph.
 */
import { BYTE_BASE, EOS, SPACE, SPECIAL_TOKENS } from './tokenizer.js';

/** The decoder's position in a word: the letters of the word so far ('' between words). */
export type LexiconState = string;

const BLOCKED = -1e9;
const LETTERS = /^[\p{L}\p{M}']+$/u;
const MAX_KEPT_MASKS = 2000;

type PieceKind =
  | {
      kind: 'letters';
      text: string; // lower case
      startsWord: boolean;
      /** Capitals in it, and capitals after its first letter. */
      capitals: boolean;
      capitalsInside: boolean;
    }
  | { kind: 'other' }
  | { kind: 'never' };

export class Lexicon {
  /** The known words, in lower case, in the order given (what a weights file carries). */
  readonly words: ReadonlySet<string>;
  /** The same, sorted: a word begins a known word if the first known word at or after it does. */
  private readonly sorted: string[];
  private readonly kinds: PieceKind[];
  /** The unspaced letter pieces: the only ones whose fate depends on the word so far. */
  private readonly unspacedLetters = new Set<number>();
  /** Those without capitals (the ones that may carry a word on), by their text. */
  private readonly continuations = new Map<string, number[]>();
  private readonly masks = new Map<LexiconState, Float32Array>();
  private afterWordMask?: Float32Array;

  /** `pieces`: the vocabulary; `words`: every known word, as they come (case does not matter). */
  constructor(pieces: readonly string[], words: Iterable<string>) {
    this.kinds = pieces.map((piece, id) => pieceKind(piece, id));
    this.kinds.forEach((kind, id) => {
      if (kind.kind !== 'letters' || kind.startsWord) return;
      this.unspacedLetters.add(id);
      if (!kind.capitals)
        this.continuations.set(kind.text, [...(this.continuations.get(kind.text) ?? []), id]);
    });
    this.words = new Set([...words].map((w) => w.toLowerCase()).filter((w) => LETTERS.test(w)));
    this.sorted = [...this.words].sort();
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  /** The state before the first piece. */
  start(): LexiconState {
    return '';
  }

  /** The state after writing piece `id` in `state`. */
  next(state: LexiconState, id: number): LexiconState {
    const kind = this.kinds[id];
    if (kind?.kind !== 'letters') return '';
    return kind.startsWord || state === '' ? kind.text : state + kind.text;
  }

  /** Logit offsets for the next piece in `state`: 0 where allowed, −1e9 elsewhere. */
  mask(state: LexiconState): Float32Array {
    let mask = this.masks.get(state);
    if (mask) return mask;
    if (state === '') {
      // Between words, letters without a space mark start a word too (after a hyphen, say).
      mask = this.betweenWords([...this.kinds.keys()]);
    } else {
      // Inside a word, what may come is as after any finished word (or nothing, if this one is
      // not), plus the pieces that carry it on towards a known word: read off the known words
      // that start with it, a handful of lookups each, not a test of every piece.
      mask = this.words.has(state)
        ? Float32Array.from(this.afterWord())
        : new Float32Array(this.kinds.length).fill(BLOCKED);
      for (let i = this.firstAtOrAfter(state); this.sorted[i]?.startsWith(state); i++) {
        const rest = this.sorted[i].slice(state.length);
        for (let end = 1; end <= rest.length; end++)
          for (const id of this.continuations.get(rest.slice(0, end)) ?? []) mask[id] = 0;
      }
    }
    if (this.masks.size >= MAX_KEPT_MASKS) this.masks.clear();
    this.masks.set(state, mask);
    return mask;
  }

  /** What may follow a finished word, its continuations aside: spaced word starts and the rest. */
  private afterWord(): Float32Array {
    this.afterWordMask ??= this.betweenWords(
      [...this.kinds.keys()].filter((id) => !this.unspacedLetters.has(id)),
    );
    return this.afterWordMask;
  }

  /**
   * The mask of those of `ids` that may come where no word is under way: anything but letters,
   * and letters that begin a known word, with no capital after their first.
   */
  private betweenWords(ids: number[]): Float32Array {
    const mask = new Float32Array(this.kinds.length).fill(BLOCKED);
    for (const id of ids) {
      const kind = this.kinds[id];
      const allowed =
        kind.kind === 'other' ||
        (kind.kind === 'letters' && !kind.capitalsInside && this.beginsWord(kind.text));
      if (allowed) mask[id] = 0;
    }
    return mask;
  }

  /** Whether some known word starts with `text`. */
  private beginsWord(text: string): boolean {
    return this.sorted[this.firstAtOrAfter(text)]?.startsWith(text) ?? false;
  }

  /** The index of the first sorted known word at or after `text` (a binary search). */
  private firstAtOrAfter(text: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle] < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** What a piece is to the lexicon: letters (starting a word or not), something else, or never written. */
function pieceKind(piece: string, id: number): PieceKind {
  if (id === EOS) return { kind: 'other' };
  if (id < SPECIAL_TOKENS.length || (id >= BYTE_BASE && id < BYTE_BASE + 256))
    return { kind: 'never' };
  const startsWord = piece.startsWith(SPACE);
  const written = startsWord ? piece.slice(1) : piece;
  if (written === '') return { kind: 'other' }; // the bare space mark: the letters after it start a word
  if (!LETTERS.test(written)) return { kind: 'other' };
  const hasCapital = (text: string) => text !== text.toLowerCase();
  return {
    kind: 'letters',
    text: written.toLowerCase(),
    startsWord,
    capitals: hasCapital(written),
    capitalsInside: hasCapital([...written].slice(1).join('')),
  };
}
