// The sentence model's training objective beyond the ELBO: the MMD between a batch's codes and
// N(0, I), the plain auto-encoder (the code's mean, no KL), the denoising encoder's deleted
// pieces, dropout, and decoding within a lexicon. Small random models on WASM.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { RERANK_WEIGHT, SentenceVae } from '../../src/models/sentence-vae.js';
import { beamHypotheses } from '../../src/models/sentence-decoding.js';
import { mmdToStandardNormal } from '../../src/models/sentence-objective.js';
import { deletePieces } from '../../src/models/sentence-batch.js';
import { MAX_INPUT_PIECES } from '../../src/data/sentence-input.js';
import { BYTE_PIECES, EOS, SPACE, SPECIAL_TOKENS, Vocabulary } from '../../src/data/tokenizer.js';
import { createRng } from '../../src/runtime/random.js';
import { WeightsError } from '../../src/runtime/weights-format.js';
import { rejection, tensorCount, TINY_SENTENCE_VAE as TINY } from '../helpers.js';

const SENTENCES = [
  [4, 5, 6],
  [7, 8, 9, 10],
  [11, 4],
  [12, 13, 14, 5],
];

async function scalar(t: tf.Tensor): Promise<number> {
  const value = (await t.data())[0];
  t.dispose();
  return value;
}

describe('sentence model objective (small random model, WASM)', () => {
  before(async () => {
    await initRuntime('wasm');
    await ensureGradients();
  });

  it('MMD² is near 0 for draws from N(0, I) and large for codes far from it', async () => {
    const before = tensorCount();
    const draws = tf.randomNormal<tf.Rank.R2>([128, 8], 0, 1, 'float32', 3);
    const shifted = tf.tidy(() => tf.add<tf.Tensor2D>(draws, 3));
    const near = await scalar(tf.tidy(() => mmdToStandardNormal(draws, 7)));
    const far = await scalar(tf.tidy(() => mmdToStandardNormal(shifted, 7)));
    expect(Math.abs(near)).to.be.below(0.05);
    expect(far).to.be.above(0.5);
    tf.dispose([draws, shifted]);
    expect(tensorCount()).to.equal(before);
  });

  it('as a plain auto-encoder (the mean, no KL) the objective is −log p(w | m)', async () => {
    const model = new SentenceVae(TINY, 21);
    const objective = await scalar(
      tf.tidy(() =>
        model.objective(SENTENCES, { klWeight: 0, sampleCode: false, rng: createRng(1) }),
      ),
    );
    const expected = await scalar(
      tf.tidy(() => tf.mean(model.nllGivenCode(model.encode(SENTENCES).mean, SENTENCES))),
    );
    expect(objective).to.be.closeTo(expected, 1e-4);
    model.dispose();
  });

  it('the MMD term is added with its weight', async () => {
    const model = new SentenceVae(TINY, 22);
    const at = (mmdWeight: number) =>
      scalar(
        tf.tidy(() =>
          model.objective(SENTENCES, {
            klWeight: 0,
            sampleCode: false,
            mmdWeight,
            rng: createRng(4),
          }),
        ),
      );
    const [none, one, two] = [await at(0), await at(1), await at(2)];
    expect(one - none).to.be.above(0);
    expect(two - none).to.be.closeTo(2 * (one - none), 1e-3);
    model.dispose();
  });

  it('the denoising encoder reads each sentence with pieces deleted, never all of them', () => {
    const rng = createRng(5);
    expect(deletePieces(SENTENCES, 0, rng)).to.deep.equal(SENTENCES);
    expect(deletePieces(SENTENCES, 1, rng)).to.deep.equal(SENTENCES.map((s) => s.slice(0, 1)));
    for (const [damaged, whole] of deletePieces(SENTENCES, 0.5, rng).map((d, i) => [
      d,
      SENTENCES[i],
    ])) {
      expect(damaged.length).to.be.within(1, whole.length);
      let at = 0; // damaged is whole with some pieces left out, in order
      for (const id of damaged) at = whole.indexOf(id, at) + 1;
      expect(at).to.be.above(0);
    }
  });

  it('trains on WASM with MMD, a small KL, deleted pieces and dropout: the loss falls, no tensor is left behind', async () => {
    const model = new SentenceVae(TINY, 23);
    const optimizer = tf.train.adam(0.03);
    const options = { klWeight: 0.1, mmdWeight: 1, inputDeletion: 0.2, dropout: 0.3 };
    const score = () =>
      scalar(
        tf.tidy(() =>
          model.objective(SENTENCES, { klWeight: 0.1, mmdWeight: 1, rng: createRng(9) }),
        ),
      );
    const first = await score();
    model.trainStep(optimizer, SENTENCES, { ...options, rng: createRng(1) }).dispose();
    const before = tensorCount();
    const rng = createRng(2);
    for (let i = 0; i < 60; i++)
      model.trainStep(optimizer, SENTENCES, { ...options, rng }).dispose();
    expect(tensorCount()).to.equal(before);
    expect(await score()).to.be.lessThan(first * 0.8);
    optimizer.dispose();
    model.dispose();
  });

  it('the weights carry the objective and the lexicon; fine-tuning keeps to that objective; a malformed one is refused', async () => {
    const model = new SentenceVae(TINY, 26);
    model.vocabulary = [...SPECIAL_TOKENS, ...BYTE_PIECES, SPACE, 'a'];
    model.useLexicon(['a', 'aa']);
    model.trainingObjective = { klWeight: 0.1, mmdWeight: 5, sampleCode: true, dropout: 0.3 };
    const artifacts = await model.getWeights();
    const copy = new SentenceVae(TINY, 27);
    await copy.setWeights(artifacts);
    expect(copy.trainingObjective).to.deep.equal(model.trainingObjective);
    expect(copy.lexicon?.has('aa')).to.equal(true);
    const topology = artifacts.modelTopology as { generativeElements: { objective: unknown } };
    topology.generativeElements.objective = { klWeight: 'a lot' };
    expect(await rejection(copy.setWeights(artifacts))).to.be.instanceOf(WeightsError);
    expect(copy.trainingObjective?.mmdWeight).to.equal(5); // the failed load changed nothing
    copy.dispose();
    model.dispose();
  });

  it("beam decoding picks the hypothesis with the best score less RERANK_WEIGHT times its re-encoding's distance to the code", async () => {
    const model = new SentenceVae(TINY, 28);
    const codes = tf.randomNormal<tf.Rank.R2>([5, TINY.latentSize], 0, 1, 'float32', 8);
    const before = tensorCount();
    const { sentences, scores } = await beamHypotheses(model, codes, 3);
    const distances = await model.reencodingDistances(codes, sentences);
    const expected = sentences.map((hypotheses, i) => {
      const combined = hypotheses.map((s, k) =>
        s.length ? scores[i][k] - RERANK_WEIGHT * distances[i][k] : -Infinity,
      );
      return hypotheses[combined.indexOf(Math.max(...combined))];
    });
    expect(await model.decode(codes, { decoding: 'beam', beamWidth: 3 })).to.deep.equal(expected);
    expect(distances.flat().every((d) => d >= 0)).to.equal(true);
    expect(tensorCount()).to.equal(before);
    codes.dispose();
    model.dispose();
  });

  it(`the encoder reads sentences longer than the decoder writes, up to ${MAX_INPUT_PIECES} pieces`, () => {
    const model = new SentenceVae(TINY, 24);
    const long = Array.from({ length: MAX_INPUT_PIECES }, (_, i) => 4 + (i % 200));
    const { mean, logVar } = model.encode([long]);
    expect(mean.shape).to.deep.equal([1, TINY.latentSize]);
    tf.dispose([mean, logVar]);
    expect(() => model.encode([[...long, 4]])).to.throw(
      RangeError,
      new RegExp(`at most ${MAX_INPUT_PIECES}`),
    );
    model.dispose();
  });

  it('with a lexicon, greedy, sampled and beam decodings finish only known words, and leave no tensors', async () => {
    // Pieces: "▁a", "▁b", "a", "b" and a full stop; known words: "ab", "ba", "a".
    const extra = [SPACE, `${SPACE}a`, `${SPACE}b`, 'a', 'b', '.'];
    const pieces = [...SPECIAL_TOKENS, ...BYTE_PIECES, ...extra];
    const config = { ...TINY, vocabularySize: pieces.length, maxTokens: 12 };
    const model = new SentenceVae(config, 25);
    model.vocabulary = pieces;
    const vocabulary = new Vocabulary(pieces);
    const codes = tf.randomNormal<tf.Rank.R2>([16, config.latentSize], 0, 2, 'float32', 6);
    const words = async (decoding: 'greedy' | 'sample' | 'beam') => {
      const out = await model.decode(codes, { decoding, seed: 3, beamWidth: 3 });
      // A sentence cut off at maxTokens may end inside a word: only finished words count.
      return out.flatMap((ids) => {
        const found =
          vocabulary
            .decode(ids)
            .toLowerCase()
            .match(/[a-z]+/g) ?? [];
        return ids.length >= config.maxTokens ? found.slice(0, -1) : found;
      });
    };
    const unconstrained = [...(await words('greedy')), ...(await words('sample'))];
    expect(unconstrained.some((w) => !['ab', 'ba', 'a'].includes(w))).to.equal(true);
    model.useLexicon(['ab', 'ba', 'a']);
    const before = tensorCount();
    for (const decoding of ['greedy', 'sample', 'beam'] as const) {
      const found = await words(decoding);
      expect(found.length, decoding).to.be.above(0);
      expect(
        found.filter((w) => !['ab', 'ba', 'a'].includes(w)),
        decoding,
      ).to.deep.equal([]);
    }
    expect(tensorCount()).to.equal(before);
    expect(EOS).to.equal(2);
    codes.dispose();
    model.dispose();
  });
});
