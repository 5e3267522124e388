// The decoder's lexicon: which pieces may come next so that every finished word is a known one.
import { expect } from '@open-wc/testing';
import { Lexicon } from '../../src/data/lexicon.js';
import { BYTE_PIECES, EOS, SPACE, SPECIAL_TOKENS, UNK } from '../../src/data/tokenizer.js';

const EXTRA = [
  ...[SPACE, `${SPACE}the`, `${SPACE}ca`, 't', 's', 'x', ',', '.', `${SPACE}zz`],
  ...[`${SPACE}Ca`, 'T', `${SPACE}cA`],
];
const PIECES = [...SPECIAL_TOKENS, ...BYTE_PIECES, ...EXTRA];
const id = (piece: string) => PIECES.indexOf(piece);
const allowed = (lexicon: Lexicon, state: string) =>
  EXTRA.filter((piece) => lexicon.mask(state)[id(piece)] === 0);

describe('Lexicon', () => {
  // Known words: "cat", "cats" and "the"; "zz" is a piece but no known word's start.
  const lexicon = new Lexicon(PIECES, ['Cat', 'cats', 'the']);

  it('knows the given words, in any case, and no other (a piece is not a word)', () => {
    expect(lexicon.has('cat') && lexicon.has('CATS') && lexicon.has('the')).to.equal(true);
    expect(lexicon.has('ca') || lexicon.has('zz')).to.equal(false);
  });

  it('between words: a piece that starts a known word, punctuation or the end; never bytes or specials', () => {
    expect(allowed(lexicon, lexicon.start())).to.deep.equal([
      SPACE,
      `${SPACE}the`,
      `${SPACE}ca`,
      't', // letters with no space at the start of a chunk begin a word: "t…" as in "the"
      ',',
      '.',
      `${SPACE}Ca`, // a capital may start a word…
      'T',
    ]); // …but "▁cA" never comes: no capital inside a word
    const mask = lexicon.mask('');
    expect(mask[EOS]).to.equal(0);
    expect(mask[UNK]).to.be.below(-1e8);
    expect(mask[SPECIAL_TOKENS.length + 0x41]).to.be.below(-1e8); // a byte piece
  });

  it('inside a word: only pieces that keep it the start of a known word; the end only once it is one', () => {
    const ca = lexicon.next(lexicon.start(), id(`${SPACE}ca`));
    expect(ca).to.equal('ca');
    expect(allowed(lexicon, ca)).to.deep.equal(['t']); // "ca" is no word: no space, no full stop
    const cat = lexicon.next(ca, id('t'));
    expect(allowed(lexicon, cat)).to.deep.equal([
      SPACE,
      `${SPACE}the`,
      `${SPACE}ca`,
      's',
      ',',
      '.',
      `${SPACE}Ca`,
    ]); // (not "T": "caT" has a capital inside)
    expect(lexicon.mask(cat)[EOS]).to.equal(0);
    expect(lexicon.next(cat, id(','))).to.equal('');
  });

  it('keeps one mask per state (a morph needs only a handful)', () => {
    expect(lexicon.mask('ca')).to.equal(lexicon.mask('ca'));
  });
});
