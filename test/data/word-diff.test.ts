// The word diff that marks what changed along a morph: words, not pieces.
import { expect } from '@open-wc/testing';
import { changedWords } from '../../src/data/word-diff.js';
import { splitWords } from '../../src/data/tokenizer.js';

describe('changedWords', () => {
  it('marks the words outside the longest common subsequence with the line before', () => {
    expect(changedWords(['the', 'cat', 'sat'], ['the', 'dog', 'sat'])).to.deep.equal([
      false,
      true,
      false,
    ]);
    expect(changedWords(['a', 'b', 'c'], ['x', 'a', 'b', 'c'])).to.deep.equal([
      true,
      false,
      false,
      false,
    ]);
    expect(changedWords([], ['a'])).to.deep.equal([true]);
    expect(changedWords(['a', 'b'], ['a', 'b'])).to.deep.equal([false, false]);
  });

  it('compares whole words of decoded text: a word that gained a piece is one changed word', () => {
    const before = splitWords('The cat sat on the mat.');
    const after = splitWords('The cats sat on the mat.');
    expect(changedWords(before, after)).to.deep.equal([false, true, false, false, false, false]);
  });
});
