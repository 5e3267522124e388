// The sentence VAE's words: tokenising, the vocabulary (unknown words), joining tokens back, and
// the word diff that marks what changed along a morph.
import { expect } from '@open-wc/testing';
import { detokenize, tokenize, Vocabulary, wordCount, SPECIAL_TOKENS, UNK } from '../../src/data/tokenizer.js';
import { changedWords } from '../../src/data/word-diff.js';

describe('tokenizer', () => {
  it('lower-cases, keeps inner apostrophes and , ; : ! ?, and drops other marks', () => {
    expect(tokenize('It’s “time”, Mr. Smith — isn’t it?')).to.deep.equal(["it's", 'time', ',', 'mr', 'smith', "isn't", 'it', '?']);
    expect(tokenize('<img src=x onerror=alert(1)>')).to.deep.equal(['img', 'src', 'x', 'onerror', 'alert', '1']);
    expect(tokenize('   ')).to.deep.equal([]);
    expect(wordCount(['a', ',', 'b', '?'])).to.equal(2);
  });

  it('joins tokens back into a readable sentence', () => {
    expect(detokenize(['i', 'think', ',', 'therefore', 'i', 'am', '!'])).to.equal('I think, therefore I am!');
    expect(detokenize([])).to.equal('');
  });

  it('maps words outside the vocabulary to UNK and reports them', () => {
    const vocabulary = Vocabulary.fromSentences([['the', 'cat', 'sat'], ['the', 'dog']], SPECIAL_TOKENS.length + 3);
    expect(vocabulary.words.slice(SPECIAL_TOKENS.length)).to.deep.equal(['the', 'cat', 'sat']);
    const encoded = vocabulary.encode('The zebra sat');
    expect(encoded.unknown).to.deep.equal(['zebra']);
    expect(encoded.ids[1]).to.equal(UNK);
    expect(vocabulary.tokens(encoded.ids)).to.deep.equal(['the', '<unk>', 'sat']);
    expect(vocabulary.has('cat')).to.equal(true);
    expect(vocabulary.has('<unk>')).to.equal(false);
    expect(() => new Vocabulary(['a', 'b'])).to.throw(TypeError, /starts with/);
  });
});

describe('changedWords', () => {
  it('marks the words outside the longest common subsequence with the line before', () => {
    expect(changedWords(['the', 'cat', 'sat'], ['the', 'dog', 'sat'])).to.deep.equal([false, true, false]);
    expect(changedWords(['a', 'b', 'c'], ['x', 'a', 'b', 'c'])).to.deep.equal([true, false, false, false]);
    expect(changedWords([], ['a'])).to.deep.equal([true]);
    expect(changedWords(['a', 'b'], ['a', 'b'])).to.deep.equal([false, false]);
  });
});
