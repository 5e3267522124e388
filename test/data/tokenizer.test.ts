// The sentence VAE's pieces: normalising, chunking, learning byte-pair merges, and the round trip
// any text → pieces → the same text (normalised), with a byte fallback for characters without a
// piece, so that no input is dropped.
import { expect } from '@open-wc/testing';
import {
  BYTE_BASE,
  BYTE_PIECES,
  chunks,
  EOS,
  latinAlphabet,
  normalizeText,
  PAD,
  SPACE,
  SPECIAL_TOKENS,
  splitWords,
  UNK,
  Vocabulary,
} from '../../src/data/tokenizer.js';
import { learnPieces } from '../../src/data/piece-learner.js';
import { createRng } from '../../src/runtime/random.js';

const TEXT = [
  'The cat sat on the mat.',
  'The cat ate the rat.',
  'A dog sat on the log.',
  'The rat ran, the cat sat!',
  'Is the mat on the cat?',
];

/** A random string of code points from many scripts, spaces, marks, emoji, controls and lone surrogates. */
function randomText(rng: ReturnType<typeof createRng>): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x300, 0x36f],
    [0x391, 0x3c9],
    [0x410, 0x44f],
    [0x5d0, 0x5ea],
    [0x627, 0x64a],
    [0x900, 0x97f],
    [0x3040, 0x30ff],
    [0x4e00, 0x4fff],
    [0xac00, 0xac80],
    [0x1f300, 0x1f64f],
    [0x2000, 0x206f],
    [0x09, 0x0d],
    [0x2581, 0x2581],
    [0xd800, 0xdfff],
    [0xfe00, 0xfe0f],
    [0x1e00, 0x1eff],
  ];
  let out = '';
  const length = 1 + Math.floor(rng.next() * 30);
  for (let i = 0; i < length; i++) {
    const [from, to] = ranges[Math.floor(rng.next() * ranges.length)];
    out += String.fromCodePoint(from + Math.floor(rng.next() * (to - from + 1)));
  }
  return out;
}

describe('tokenizer: normalising and chunks', () => {
  it('normalises to NFC, straight quotes, single spaces, trimmed', () => {
    expect(normalizeText('  It\u2019s \u201ctime\u201d,\n\tMr.\u00a0Smith  ')).to.equal(
      'It\'s "time", Mr. Smith',
    );
    expect(normalizeText('cafe\u0301')).to.equal('caf\u00e9');
    expect(normalizeText('a\ud800b')).to.equal('a\ufffdb');
    expect(splitWords(' The  cat sat. ')).to.deep.equal(['The', 'cat', 'sat.']);
    expect(splitWords('   ')).to.deep.equal([]);
  });

  it('cuts words, digit runs and single marks, each knowing whether a space came before', () => {
    expect(chunks("Don't stop, 42 times!")).to.deep.equal([
      { spaced: true, text: "Don't" },
      { spaced: true, text: 'stop' },
      { spaced: false, text: ',' },
      { spaced: true, text: '42' },
      { spaced: true, text: 'times' },
      { spaced: false, text: '!' },
    ]);
  });
});

describe('tokenizer: learned pieces', () => {
  const pieces = learnPieces(TEXT, { size: 1100, alphabet: latinAlphabet() });
  const vocabulary = new Vocabulary(pieces);

  it('starts with the specials, the 256 bytes, the space mark and the alphabet, then merges in learned order', () => {
    expect(pieces.slice(0, 4)).to.deep.equal(SPECIAL_TOKENS);
    expect(pieces.slice(BYTE_BASE, BYTE_BASE + 256)).to.deep.equal(BYTE_PIECES);
    expect(pieces[BYTE_BASE + 256]).to.equal(SPACE);
    const alphabetEnd = BYTE_BASE + 257 + latinAlphabet().length;
    expect(pieces.length).to.be.greaterThan(alphabetEnd);
    // The most frequent pairs come first: "a" + "t" (13 times: cat, sat, mat, rat, ate), then
    // "h" + "e" (11 times: The, the).
    expect(pieces.slice(alphabetEnd, alphabetEnd + 2)).to.deep.equal(['at', 'he']);
    expect(new Set(pieces).size).to.equal(pieces.length);
  });

  it('writes frequent words as single pieces, keeping case and spaces', () => {
    const encoded = vocabulary.encode('The cat sat.');
    expect(encoded.pieces).to.deep.equal([`${SPACE}The`, `${SPACE}cat`, `${SPACE}sat`, '.']);
    expect(encoded.words).to.deep.equal(['The', 'cat', 'sat.']);
    expect(encoded.unknown).to.deep.equal([]);
    expect(vocabulary.decode(encoded.ids)).to.equal('The cat sat.');
  });

  it('gives every Latin-script word its own pieces (no byte fallback, nothing unknown)', () => {
    const text = 'Zoë naïve café Ærøskøbing Łódź Şişli Nguyễn straße ĳssel';
    const encoded = vocabulary.encode(text);
    expect(encoded.unknown).to.deep.equal([]);
    expect(encoded.ids.some((id) => id >= BYTE_BASE && id < BYTE_BASE + 256)).to.equal(false);
    expect(vocabulary.decode(encoded.ids)).to.equal(text);
  });

  it('writes other characters as their UTF-8 bytes and reports those words (still read, never dropped)', () => {
    const encoded = vocabulary.encode('The 猫 sat 🐈.');
    expect(encoded.unknown).to.deep.equal(['猫', '🐈.']);
    expect(encoded.pieces.filter((p) => p.startsWith('<0x'))).to.have.length(3 + 4);
    expect(vocabulary.decode(encoded.ids)).to.equal('The 猫 sat 🐈.');
    expect(vocabulary.has('cat')).to.equal(true);
    expect(vocabulary.has('猫')).to.equal(false);
  });

  it('round-trips any Unicode string: text → pieces → the same text, normalised', () => {
    const rng = createRng(2024);
    for (let i = 0; i < 500; i++) {
      const text = randomText(rng);
      const { ids } = vocabulary.encode(text);
      expect(ids.every((id) => Number.isInteger(id) && id > UNK && id < vocabulary.size)).to.equal(
        true,
      );
      expect(vocabulary.decode(ids), JSON.stringify(text)).to.equal(normalizeText(text));
    }
  });

  it('with wholeWords, the most frequent words are pieces of their own and still round-trip', () => {
    const pieces = learnPieces(TEXT, { size: 1100, alphabet: latinAlphabet(), wholeWords: 6 });
    // The six most frequent: "▁the" (6 times), "▁cat" (4), "▁The", "▁on", "▁sat" (3), "▁mat" (2).
    for (const word of [`${SPACE}the`, `${SPACE}cat`, `${SPACE}sat`])
      expect(pieces).to.include(word);
    const vocabulary = new Vocabulary(pieces);
    const { pieces: written } = vocabulary.encode('The cat sat on the mat.');
    expect(written).to.include.members([`${SPACE}cat`, `${SPACE}sat`, `${SPACE}the`]);
    const rng = createRng(8);
    for (let i = 0; i < 200; i++) {
      const text = randomText(rng);
      expect(vocabulary.decode(vocabulary.encode(text).ids)).to.equal(normalizeText(text));
    }
  });

  it('a literal "▁" in the text is a character, not a space', () => {
    expect(vocabulary.decode(vocabulary.encode(`a${SPACE}b ${SPACE}`).ids)).to.equal(
      `a${SPACE}b ${SPACE}`,
    );
  });

  it('decoding stops at EOS and skips the specials', () => {
    const ids = vocabulary.encode('The cat').ids;
    expect(vocabulary.decode([PAD, ...ids, UNK, EOS, ...ids])).to.equal('The cat');
  });

  it('refuses a list without the specials, the bytes and the space mark', () => {
    expect(() => new Vocabulary(['a', 'b'])).to.throw(TypeError, /starts with/);
    expect(() => new Vocabulary([...SPECIAL_TOKENS, ...BYTE_PIECES])).to.throw(
      TypeError,
      /space mark/,
    );
  });
});
