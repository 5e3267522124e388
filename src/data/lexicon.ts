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
  private readonly words: Set<string>;
  /** Every prefix of every known word, '' included. */
  private readonly prefixes = new Set<string>(['']);
  private readonly kinds: PieceKind[];
  private readonly masks = new Map<LexiconState, Float32Array>();

  /** `pieces`: the vocabulary; `words`: every known word, as they come (case does not matter). */
  constructor(pieces: readonly string[], words: Iterable<string>) {
    this.kinds = pieces.map((piece, id) => pieceKind(piece, id));
    this.kinds.forEach((kind, id) => {
      if (kind.kind === 'letters' && !kind.startsWord) this.unspacedLetters.add(id);
    });
    this.words = new Set();
    const add = (word: string) => {
      const lower = word.toLowerCase();
      if (!LETTERS.test(lower) || this.words.has(lower)) return;
      this.words.add(lower);
      for (let end = 1; end <= lower.length; end++) this.prefixes.add(lower.slice(0, end));
    };
    for (const word of words) add(word);
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
    const finished = state === '' || this.words.has(state);
    if (state === '') {
      mask = this.allowed(this.kinds.keys(), state, finished);
    } else {
      // Inside a word only the unspaced letter pieces need a look; the rest is as after any
      // finished word (or all blocked, if this one is not).
      mask = finished
        ? Float32Array.from(this.afterWord())
        : new Float32Array(this.kinds.length).fill(BLOCKED);
      for (const id of this.unspacedLetters)
        if (this.allows(this.kinds[id], state, true)) mask[id] = 0;
    }
    if (this.masks.size >= MAX_KEPT_MASKS) this.masks.clear();
    this.masks.set(state, mask);
    return mask;
  }

  /** The unspaced letter pieces: the only ones whose fate depends on the word so far. */
  private readonly unspacedLetters = new Set<number>();
  private afterWordMask?: Float32Array;

  /** What may follow a finished word, continuations aside: spaced word starts and the rest. */
  private afterWord(): Float32Array {
    this.afterWordMask ??= this.allowed(
      [...this.kinds.keys()].filter((id) => !this.unspacedLetters.has(id)),
      '', // (for these pieces the word so far does not matter, only that it is finished)
      true,
    );
    return this.afterWordMask;
  }

  private allowed(ids: Iterable<number>, state: LexiconState, finished: boolean): Float32Array {
    const mask = new Float32Array(this.kinds.length).fill(BLOCKED);
    for (const id of ids) if (this.allows(this.kinds[id], state, finished)) mask[id] = 0;
    return mask;
  }

  private allows(kind: PieceKind, state: LexiconState, finished: boolean): boolean {
    if (kind.kind === 'never') return false;
    if (kind.kind === 'other') return finished;
    if (kind.startsWord || state === '')
      return finished && !kind.capitalsInside && this.prefixes.has(kind.text);
    return !kind.capitals && this.prefixes.has(state + kind.text);
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
