// The sentence VAE on the WASM backend with a small random model: the embedding's own gradient,
// the encoder's handling of sentences of different lengths, training, the three decodings, the
// morph, weights, and memory.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { SentenceVae } from '../../src/models/sentence-vae.js';
import { beamSearch } from '../../src/models/sentence-decoding.js';
import { WeightsError } from '../../src/runtime/weights-format.js';
import { createRng } from '../../src/runtime/random.js';
import { BYTE_PIECES, EOS, PAD, SPACE, SPECIAL_TOKENS, UNK } from '../../src/data/tokenizer.js';
import { rejection, tensorCount, TINY_SENTENCE_VAE as TINY } from '../helpers.js';

async function values(t: tf.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

describe('SentenceVae (small random model, WASM)', () => {
  before(async () => {
    await initRuntime('wasm');
    await ensureGradients();
  });

  it('runs on the WASM backend', () => {
    expect(tf.getBackend()).to.equal('wasm');
  });

  it('the embedding gradient adds up repeated words, as the one-hot product would', async () => {
    const model = new SentenceVae(TINY, 3);
    const sentences = [
      [4, 5, 4, 4],
      [6, 4],
    ];
    const embedding = model.namedParameters().embedding;
    const objective = () => model.objective(sentences, { rng: createRng(1) });
    const { grads } = tf.variableGrads(objective, [embedding]);
    const ours = await values(grads[embedding.name]);
    // Finite differences on two entries of row 4 (used four times) and one of row 6.
    for (const [row, column] of [
      [4, 0],
      [4, 3],
      [6, 1],
    ]) {
      const index = row * TINY.embeddingSize + column;
      const shift = (delta: number) => {
        const bump = tf.tidy(() => tf.scatterND([[row, column]], [delta], embedding.shape));
        embedding.assign(tf.add(embedding, bump));
        bump.dispose();
      };
      const h = 1e-2;
      shift(h);
      const up = (await values(tf.tidy(objective)))[0];
      shift(-2 * h);
      const down = (await values(tf.tidy(objective)))[0];
      shift(h);
      expect(ours[index]).to.be.closeTo((up - down) / (2 * h), 2e-2 + 0.02 * Math.abs(ours[index]));
    }
    tf.dispose(grads);
    model.dispose();
  });

  it('encodes a sentence the same whatever else is in the batch (padding is ignored)', async () => {
    const model = new SentenceVae(TINY, 4);
    const alone = model.encode([[4, 5]]);
    const batched = model.encode([
      [4, 5],
      [6, 7, 8, 9, 10],
    ]);
    const a = await values(alone.mean);
    const b = (await values(batched.mean)).slice(0, TINY.latentSize);
    a.forEach((v, i) => expect(v).to.be.closeTo(b[i], 1e-5));
    tf.dispose([alone.mean, alone.logVar, batched.mean, batched.logVar]);
    model.dispose();
  });

  it("encoderReads 'backward' reads the pieces last to first, and its weights do not load into a forward model", async () => {
    const forward = new SentenceVae(TINY, 8);
    const backward = new SentenceVae({ ...TINY, encoderReads: 'backward' }, 8);
    const a = backward.encode([
      [4, 5, 6],
      [7, 8],
    ]);
    const b = forward.encode([
      [6, 5, 4],
      [8, 7],
    ]);
    const c = forward.encode([
      [4, 5, 6],
      [7, 8],
    ]);
    const [meanA, meanB, meanC] = await Promise.all([a.mean, b.mean, c.mean].map(values));
    meanA.forEach((v, i) => expect(v).to.be.closeTo(meanB[i], 1e-5));
    expect(meanA.some((v, i) => Math.abs(v - meanC[i]) > 1e-4)).to.equal(true);
    const artifacts = await backward.getWeights();
    artifacts.modelTopology = {
      ...(artifacts.modelTopology as object),
      generativeElements: {
        ...(artifacts.modelTopology as { generativeElements: object }).generativeElements,
        vocabulary: [...SPECIAL_TOKENS, ...BYTE_PIECES, SPACE, 'a'],
      },
    };
    expect((await rejection(forward.setWeights(artifacts))).message).to.match(/architecture/);
    tf.dispose([a, b, c].flatMap((p) => [p.mean, p.logVar]));
    forward.dispose();
    backward.dispose();
  });

  it('the reconstruction is −log p(w | c) over the words and EOS, and nothing after EOS', async () => {
    const model = new SentenceVae(TINY, 5);
    const short = model.losses([[4, 5]], { rng: createRng(2) });
    const padded = model.losses(
      [
        [4, 5],
        [6, 7, 8, 9],
      ],
      { rng: createRng(2) },
    );
    // Same code noise for sentence 0 (the same seed, the first row), so the same reconstruction.
    expect((await values(padded.reconstruction))[0]).to.be.closeTo(
      (await values(short.reconstruction))[0],
      1e-3,
    );
    expect((await values(short.reconstruction))[0]).to.be.greaterThan(0);
    tf.dispose([short, padded].flatMap((l) => [l.reconstruction, l.klPerDimension, l.code]));
    model.dispose();
  });

  it("with ownChoices, the decoder's inputs are its own choices: the same as teacher forcing only where those are the sentence's pieces", async () => {
    const model = new SentenceVae(TINY, 7);
    // A decoder that always scores piece 7 highest: its own choice after every step is 7.
    const bias = model.namedParameters().decoder_output_bias;
    const boost = new Float32Array(262);
    boost[7] = 100;
    bias.assign(tf.tidy(() => tf.add(bias, tf.tensor1d(boost))));
    const reconstruction = async (sentence: number[], ownChoices: number) => {
      const losses = model.losses([sentence], { rng: createRng(4), ownChoices });
      const value = (await values(losses.reconstruction))[0];
      tf.dispose([losses.reconstruction, losses.klPerDimension, losses.code]);
      return value;
    };
    const before = tensorCount();
    // [7, 7, 7]: the inputs after BOS are 7s either way.
    expect(await reconstruction([7, 7, 7], 1)).to.be.closeTo(
      await reconstruction([7, 7, 7], 0),
      1e-3,
    );
    // [8, 9, 10]: fed 7s instead of 8 and 9, the decoder scores the sentence differently.
    expect(
      Math.abs((await reconstruction([8, 9, 10], 1)) - (await reconstruction([8, 9, 10], 0))),
    ).to.be.greaterThan(1e-3);
    // And a training step with it runs on WASM and leaves nothing behind.
    const optimizer = tf.train.adam(0.01);
    model.trainStep(optimizer, [[8, 9, 10]], { ownChoices: 0.5, rng: createRng(5) }).dispose();
    const afterFirstStep = tensorCount();
    model.trainStep(optimizer, [[8, 9, 10]], { ownChoices: 0.5, rng: createRng(6) }).dispose();
    expect(tensorCount()).to.equal(afterFirstStep);
    expect(afterFirstStep).to.be.greaterThan(before); // Adam's moments, made on its first step
    optimizer.dispose();
    model.dispose();
  });

  it('trains on WASM: the loss on a few sentences falls, and no tensors are left behind', async () => {
    const model = new SentenceVae(TINY, 6);
    const sentences = [
      [4, 5, 6],
      [7, 8, 9, 10],
      [11, 4],
    ];
    const optimizer = tf.train.adam(0.03);
    const rng = createRng(3);
    const score = async () => {
      const loss = tf.tidy(() => model.objective(sentences, { rng: createRng(9) }));
      const value = (await loss.data())[0];
      loss.dispose();
      return value;
    };
    const first = await score();
    // Adam makes its moment variables on the first step; after that nothing may accumulate.
    model.trainStep(optimizer, sentences, { freeBits: 0.5, wordDropout: 0.2, rng }).dispose();
    const before = tensorCount();
    for (let i = 0; i < 60; i++)
      model.trainStep(optimizer, sentences, { freeBits: 0.5, wordDropout: 0.2, rng }).dispose();
    expect(tensorCount()).to.equal(before);
    const last = await score();
    expect(last).to.be.lessThan(first * 0.7);
    optimizer.dispose();
    model.dispose();
  });

  it('greedy decoding is repeatable, sampling is repeatable with a seed, and a beam of one is greedy', async () => {
    const model = new SentenceVae(TINY, 7);
    const codes = tf.randomNormal<tf.Rank.R2>([4, TINY.latentSize], 0, 1, 'float32', 11);
    const before = tensorCount();
    const greedy = await model.decode(codes);
    expect(await model.decode(codes)).to.deep.equal(greedy);
    expect(await model.decode(codes, { decoding: 'sample', seed: 5 })).to.deep.equal(
      await model.decode(codes, { decoding: 'sample', seed: 5 }),
    );
    expect(await model.decode(codes, { decoding: 'beam', beamWidth: 1 })).to.deep.equal(greedy);
    const beam = await model.decode(codes, { decoding: 'beam', beamWidth: 3 });
    for (const sentence of [...greedy, ...beam]) {
      expect(sentence.length).to.be.at.most(TINY.maxTokens + 1);
      expect(
        sentence.every(
          (id) =>
            Number.isInteger(id) &&
            id !== EOS &&
            id !== PAD &&
            id !== UNK &&
            id < TINY.vocabularySize,
        ),
      ).to.equal(true);
    }
    expect(tensorCount()).to.equal(before);
    codes.dispose();
    model.dispose();
  });

  it('a beam search finds sentences at least as likely (per word) as greedy decoding', async () => {
    const model = new SentenceVae(TINY, 8);
    // Make EOS likely, so that the sentences end (the scores below count EOS).
    const bias = model.namedParameters().decoder_output_bias;
    bias.assign(
      tf.tidy(() =>
        tf.add(
          bias,
          tf.mul(
            tf.reshape(tf.oneHot(tf.tensor1d([EOS], 'int32'), TINY.vocabularySize), [-1]),
            1.5,
          ),
        ),
      ),
    );
    const codes = tf.randomNormal<tf.Rank.R2>([6, TINY.latentSize], 0, 1, 'float32', 12);
    const greedy = await model.decode(codes);
    const beam = await beamSearch(model, codes, 4); // (the beam's own best, before reranking)
    const perWord = async (sentences: number[][]) => {
      const scores = [];
      for (let i = 0; i < sentences.length; i++) {
        const code = tf.slice(codes, [i, 0], [1, -1]);
        const nll = model.nllGivenCode(code, [sentences[i]]);
        scores.push((await nll.data())[0] / (sentences[i].length + 1));
        tf.dispose([code, nll]);
      }
      return scores;
    };
    expect([...greedy, ...beam].every((s) => s.length < TINY.maxTokens)).to.equal(true);
    const [g, b] = [await perWord(greedy), await perWord(beam)];
    b.forEach((score, i) => expect(score).to.be.at.most(g[i] + 1e-4));
    codes.dispose();
    model.dispose();
  });

  it("a morph has steps + 2 points and starts and ends at the two sentences' reconstructions", async () => {
    const model = new SentenceVae(TINY, 9);
    const [a, b] = [
      [4, 5, 6],
      [9, 10],
    ];
    const path = await model.morph(a, b, 3);
    expect(path).to.have.length(5);
    const ends = model.encode([a, b]);
    expect(await model.decode(ends.mean)).to.deep.equal([path[0], path[4]]);
    tf.dispose([ends.mean, ends.logVar]);
    model.dispose();
  });

  it('refuses bad sentences and weights of another architecture, with clear messages', async () => {
    const model = new SentenceVae(TINY, 10);
    const code = tf.zeros<tf.Rank.R2>([1, TINY.latentSize]);
    expect(() => model.nllGivenCode(code, [[4, 5, 6, 7, 8, 9, 10]])).to.throw(
      RangeError,
      /at most 6/,
    );
    code.dispose();
    expect(() => model.encode([[4, 999]])).to.throw(RangeError, /0 to 261/);
    expect(() => model.encode([])).to.throw(RangeError, /No sentences/);
    const other = new SentenceVae({ ...TINY, latentSize: 4 }, 1);
    expect(await rejection(model.setWeights(await other.getWeights()))).to.be.instanceOf(
      WeightsError,
    );
    other.dispose();
    // Its own weights go round: the same decodings afterwards.
    const copy = new SentenceVae(TINY, 99);
    model.vocabulary = [...SPECIAL_TOKENS, ...BYTE_PIECES, SPACE, 'a'];
    await copy.setWeights(await model.getWeights());
    expect(copy.vocabulary).to.deep.equal(model.vocabulary);
    const codes = tf.randomNormal<tf.Rank.R2>([3, TINY.latentSize], 0, 1, 'float32', 4);
    expect(await copy.decode(codes)).to.deep.equal(await model.decode(codes));
    codes.dispose();
    copy.dispose();
    model.dispose();
    expect(UNK).to.equal(3);
  });
});
