// The bundled sentence VAE, scored in the browser on the held-out sentences shipped beside it: its
// KL and greedy word-level reconstruction must match the card (metrics.json), every input must be
// read without unknown words, morphs must start and end at the inputs and change along the way,
// and 100 morphs must leave no tensors behind.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { loadArtifacts } from '../../src/runtime/weights-io.js';
import { SentenceMorpher } from '../../src/models/sentence-morpher.js';
import { SentenceVae } from '../../src/models/sentence-vae.js';
import { BOS, PAD, UNK, Vocabulary } from '../../src/data/tokenizer.js';
import { compareWords } from '../../train/src/sentence-eval.js';
import { fetchJson, repoFile, tensorCount } from '../helpers.js';

describe('bundled sentence VAE', () => {
  let metrics: {
    shipped_held_out: { sentences: number; kl_per_sentence: number; recon_word_accuracy: number };
  };
  let sentences: string[];
  let model: SentenceVae;
  let morpher: SentenceMorpher;
  let vocabulary: Vocabulary;
  let ids: number[][];

  before(async () => {
    await initRuntime('wasm');
    metrics = await fetchJson(repoFile('weights/sentence-vae/metrics.json'));
    sentences = await fetchJson(repoFile('weights/sentence-vae/heldout-sentences.json'));
    const artifacts = await loadArtifacts(repoFile('weights/sentence-vae/model.json'));
    model = new SentenceVae();
    await model.setWeights(artifacts);
    morpher = new SentenceMorpher();
    await morpher.setWeights(artifacts);
    vocabulary = new Vocabulary(model.vocabulary!);
    ids = sentences.map((s) => vocabulary.encode(s).ids);
  });
  after(() => {
    model.dispose();
    morpher.dispose();
  });

  it('carries at least 10 nats of KL per held-out sentence, as its card says', async () => {
    expect(sentences).to.have.length(metrics.shipped_held_out.sentences);
    const kl = tf.tidy(() => {
      const { mean, logVar } = model.encode(ids);
      // KL(N(m, exp σ) ‖ N(0, I)) = ½ Σ (exp σ + m² − 1 − σ)
      return tf.mean(
        tf.mul(tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(logVar, 1)), 1), 0.5),
      );
    });
    const value = (await kl.data())[0];
    kl.dispose();
    expect(value).to.be.at.least(10);
    expect(value).to.be.closeTo(metrics.shipped_held_out.kl_per_sentence, 0.05);
  });

  it("reconstructs the held-out sentences greedily from their means at the card's word accuracy, never writing a special", async () => {
    const { mean, logVar } = model.encode(ids);
    const decoded = await model.decode(mean);
    tf.dispose([mean, logVar]);
    let right = 0;
    let words = 0;
    decoded.forEach((out, i) => {
      expect(out.some((id) => id === UNK || id === PAD || id === BOS)).to.equal(false);
      const score = compareWords(sentences[i], vocabulary.decode(out));
      right += score.right;
      words += score.words;
    });
    expect(right / words).to.be.closeTo(metrics.shipped_held_out.recon_word_accuracy, 0.01);
  });

  it('reads any Latin-script sentence with no unknown word', () => {
    for (const text of [
      'Zoë ate crème brûlée at the café.',
      'Łukasz and Søren met Ngô in São Paulo.',
      'The qwzxt flibbered.',
    ]) {
      expect(morpher.prepare(text).unknown, text).to.deep.equal([]);
    }
  });

  it('the ends of a morph are the reconstructions of its two inputs, and the points between differ', async () => {
    let distinctPaths = 0;
    for (let i = 0; i + 1 < 40; i += 2) {
      const path = (await morpher.morph(sentences[i], sentences[i + 1], 5)).sentences;
      expect(path).to.have.length(7);
      expect([path[0], path[6]]).to.deep.equal(
        await morpher.decode([
          (await morpher.encode(sentences[i])).mean,
          (await morpher.encode(sentences[i + 1])).mean,
        ]),
      );
      if (new Set(path).size >= 3) distinctPaths++;
    }
    // Not a collapsed model: most paths pass through sentences other than their two ends.
    expect(distinctPaths).to.be.at.least(15);
  });

  it('is a generator: codes drawn from N(0, I) decode to sentences of known words, within its lexicon', async () => {
    expect(model.lexicon, 'the bundled weights carry a lexicon').to.not.equal(undefined);
    const codes = tf.randomNormal<tf.Rank.R2>([20, model.config.latentSize], 0, 1, 'float32', 20);
    const samples = (await model.decode(codes)).map((ids) => vocabulary.decode(ids));
    codes.dispose();
    expect(new Set(samples).size).to.be.at.least(15);
    for (const sample of samples) {
      const words = sample.match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];
      expect(words.length, sample).to.be.at.least(2);
      // (a sentence cut off at the length limit may end inside a word)
      const finished = sample.endsWith('.') || sample.endsWith('!') || sample.endsWith('?');
      const checked = finished ? words : words.slice(0, -1);
      expect(
        checked.filter((w) => !model.lexicon!.has(w)),
        sample,
      ).to.deep.equal([]);
    }
  });

  it('leaves no tensors behind over 100 morphs', async () => {
    await morpher.morph(sentences[0], sentences[1], 5);
    const before = tensorCount();
    for (let i = 0; i < 100; i++)
      await morpher.morph(sentences[i % 50], sentences[(i + 7) % 50], 5);
    expect(tensorCount()).to.equal(before);
  });
});
