// The figures of the sentence VAE's card (train/src): the Kneser–Ney 3-gram judge of fluency, the
// word-level reconstruction score, the midpoint counts and the seeded choice of the card's morphs.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { EOS, KneserNeyTrigram, lmWords } from '../../train/src/kneser-ney.js';
import {
  chooseBySeed,
  compareWords,
  fluency,
  nonwordShare,
  teacherForcedChoices,
  type Morph,
} from '../../train/src/sentence-eval.js';
import { initRuntime } from '../../src/runtime/backend.js';
import { SentenceVae } from '../../src/models/sentence-vae.js';
import { EOS as EOS_PIECE } from '../../src/data/tokenizer.js';
import { tensorCount, TINY_SENTENCE_VAE } from '../helpers.js';

const TEXT = [
  'The cat sat on the mat.',
  'The dog sat on the log.',
  'The cat ate the fish.',
  'A dog ate the bone.',
  'The bird sat on the branch.',
  'The cat sat on the log.',
  'A cat sat on the mat.',
  'The dog ate the fish.',
];

describe('Kneser–Ney 3-gram model', () => {
  const lm = new KneserNeyTrigram(TEXT);

  it('reads lower-case words and punctuation marks apart', () => {
    expect(lmWords("The cat's mat, again!")).to.deep.equal([
      'the',
      "cat's",
      'mat',
      ',',
      'again',
      '!',
    ]);
  });

  it('is a distribution over its vocabulary in every context, seen or not', () => {
    for (const [u, v] of [
      ['<s>', '<s>'],
      ['the', 'cat'],
      ['on', 'the'],
      ['fish', 'bone'],
      ['<unk>', 'zebra'],
    ]) {
      let total = 0;
      for (const w of lm.vocabulary) total += Math.exp(lm.logProb(u, v, w));
      expect(total, `${u} ${v}`).to.be.closeTo(1, 1e-9);
    }
    expect(lm.vocabulary.has(EOS)).to.equal(true);
    expect(lm.vocabulary.has('bird')).to.equal(false); // seen once: <unk>
  });

  it('finds sentences like its text less surprising than the same words shuffled', () => {
    const fluent = lm.perplexity(['The cat sat on the log.', 'The dog ate the fish.']).perplexity;
    const shuffled = lm.perplexity(['Log the on sat cat the.', 'Fish the ate dog the.']).perplexity;
    expect(fluent).to.be.lessThan(shuffled / 2);
    // the, zebra, sat, ".": one word in four unknown.
    expect(lm.perplexity(['The zebra sat.']).unknownShare).to.be.closeTo(1 / 4, 1e-9);
  });
});

describe('card figures', () => {
  it('scores a reconstruction in words: by position, in order, exactly', () => {
    expect(compareWords('The cat sat on the mat.', 'The cat sat on the mat.')).to.deep.equal({
      words: 6,
      right: 6,
      inOrder: 6,
      exact: true,
    });
    // One word dropped early: positions after it are wrong, but in order they are found.
    expect(compareWords('The big cat sat down.', 'The cat sat down.')).to.deep.equal({
      words: 5,
      right: 1,
      inOrder: 4,
      exact: false,
    });
    expect(compareWords('The cat sat.', '')).to.deep.equal({
      words: 3,
      right: 0,
      inOrder: 0,
      exact: false,
    });
  });

  it('counts midpoints equal to an end or to the point before, and the perplexity ratio', () => {
    const lm = new KneserNeyTrigram(TEXT);
    const morphs: Morph[] = [
      {
        from: 'a',
        to: 'b',
        path: ['The cat sat.', 'The cat sat.', 'The dog sat.', 'The dog sat.', 'The dog ate.'],
      },
      {
        from: 'c',
        to: 'd',
        path: ['A dog ate.', 'The cat ate.', 'The cat sat.', 'A cat sat.', 'A cat sat.'],
      },
    ];
    const figures = fluency(lm, TEXT.length, ['The cat sat on the mat.'], morphs);
    expect(figures.morphs).to.equal(2);
    // Midpoints: [cat sat (= first end, which is also the point before), dog sat, dog sat (= previous)],
    // [cat ate, cat sat, a cat sat (= last end)].
    expect(figures.midpoints_equal_to_an_end).to.be.closeTo(2 / 6, 1e-4);
    expect(figures.midpoints_equal_to_previous).to.be.closeTo(2 / 6, 1e-4);
    const midpoints = morphs.flatMap((m) => m.path.slice(1, -1));
    const ratio =
      lm.perplexity(midpoints).perplexity / lm.perplexity(['The cat sat on the mat.']).perplexity;
    expect(figures.midpoint_perplexity_ratio).to.be.closeTo(ratio, 1e-3);
  });

  it('counts made-up words: letters-only words found in no known text, punctuation left out', () => {
    const known = new Set(['the', 'cat', 'sat', "cat's"]);
    expect(nonwordShare(['The zorp sat.', "The cat's cat!"], known)).to.be.closeTo(1 / 6, 1e-9);
    expect(nonwordShare([], known)).to.equal(0);
  });

  it("chooses the card's morphs by a seed: the same every time, in their order, none twice", () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const chosen = chooseBySeed(items, 10, 14);
    expect(chosen).to.deep.equal(chooseBySeed(items, 10, 14));
    expect(chosen).to.have.length(10);
    expect(new Set(chosen).size).to.equal(10);
    expect([...chosen].sort((a, b) => a - b)).to.deep.equal(chosen);
    expect(chooseBySeed(items, 10, 15)).to.not.deep.equal(chosen);
  });
});

describe('teacher-forced choices', () => {
  before(async () => {
    await initRuntime('wasm');
  });

  it("chooses greedy decoding's pieces again when given them, the first piece always, and leaves no tensors", async () => {
    const model = new SentenceVae(TINY_SENTENCE_VAE, 5);
    const codes = tf.randomNormal<tf.Rank.R2>([4, 3], 0, 2, 'float32', 2);
    const greedy = await model.decode(codes);
    expect(greedy.some((s) => s.length > 1)).to.equal(true);
    const before = tensorCount();
    // Fed its own pieces, each step sees what greedy decoding saw: the same choices.
    expect(await teacherForcedChoices(model, codes, greedy)).to.deep.equal(greedy);
    // Fed other pieces: one choice per piece, and the first (after BOS only) is greedy's.
    const others = [[200, 201, 202], [203], [204, 205], [206, 207, 208, 209]];
    const choices = await teacherForcedChoices(model, codes, others);
    expect(choices.map((c) => c.length)).to.deep.equal([3, 1, 2, 4]);
    expect(choices.map((c) => c[0])).to.deep.equal(greedy.map((g) => g[0] ?? EOS_PIECE));
    expect(tensorCount()).to.equal(before);
    codes.dispose();
    model.dispose();
  });
});
