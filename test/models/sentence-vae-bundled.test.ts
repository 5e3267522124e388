// The bundled sentence VAE, scored in the browser on the held-out sentences shipped beside it: its
// KL and greedy reconstruction must match the card (metrics.json), morphs must start and end at
// the inputs and change along the way, and 100 morphs must leave no tensors behind.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { assetUrl } from '../../src/runtime/config.js';
import { loadArtifacts } from '../../src/runtime/weights-io.js';
import { SentenceMorpher } from '../../src/models/sentence-morpher.js';
import { SentenceVae } from '../../src/models/sentence-vae.js';
import { Vocabulary } from '../../src/data/tokenizer.js';
import { tensorCount, useBuiltAssets } from '../helpers.js';

/** Tokens right, position by position, as the training script counts them. */
function tokenAccuracy(references: number[][], decoded: number[][]): number {
  let right = 0;
  let total = 0;
  references.forEach((reference, i) => {
    reference.forEach((id, t) => (right += decoded[i][t] === id ? 1 : 0));
    total += reference.length;
  });
  return right / total;
}

describe('bundled sentence VAE', () => {
  let metrics: Record<string, any>;
  let sentences: string[];
  let model: SentenceVae;
  let vocabulary: Vocabulary;
  let ids: number[][];

  before(async () => {
    useBuiltAssets();
    await initRuntime('wasm');
    metrics = await (await fetch(assetUrl('weights/sentence-vae/metrics.json'))).json();
    sentences = await (await fetch(assetUrl('weights/sentence-vae/heldout-sentences.json'))).json();
    model = new SentenceVae();
    await model.setWeights(await loadArtifacts(assetUrl('weights/sentence-vae/model.json')));
    vocabulary = new Vocabulary(model.vocabulary!);
    ids = sentences.map((s) => vocabulary.encode(s).ids);
  });
  after(() => model.dispose());

  it('carries at least 10 nats of KL per held-out sentence, as its card says', async () => {
    expect(sentences).to.have.length(metrics.shipped_held_out.sentences);
    const kl = tf.tidy(() => {
      const { mean, logVar } = model.encode(ids);
      // KL(N(m, exp σ) ‖ N(0, I)) = ½ Σ (exp σ + m² − 1 − σ)
      return tf.mean(tf.mul(tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(logVar, 1)), 1), 0.5));
    });
    const value = (await kl.data())[0];
    kl.dispose();
    expect(value).to.be.at.least(10);
    expect(value).to.be.closeTo(metrics.shipped_held_out.kl_per_sentence, 0.05);
  });

  it('reconstructs the held-out sentences greedily from their means at the card\'s accuracy', async () => {
    const { mean, logVar } = model.encode(ids);
    const decoded = await model.decode(mean);
    tf.dispose([mean, logVar]);
    expect(tokenAccuracy(ids, decoded)).to.be.closeTo(metrics.shipped_held_out.recon_token_accuracy, 0.01);
  });

  it('the ends of a morph reconstruct its two inputs at about the card\'s accuracy, and the points between differ', async () => {
    const morpher = new SentenceMorpher();
    await morpher.setWeights(await loadArtifacts(assetUrl('weights/sentence-vae/model.json')));
    const ends: number[][] = [];
    const references: number[][] = [];
    let distinctPaths = 0;
    for (let i = 0; i + 1 < 40; i += 2) {
      const path = await model.morph(ids[i], ids[i + 1], 5);
      ends.push(path[0], path[path.length - 1]);
      references.push(ids[i], ids[i + 1]);
      const text = (await morpher.morph(sentences[i], sentences[i + 1], 5)).sentences;
      expect(text).to.have.length(7);
      if (new Set(text).size >= 3) distinctPaths++;
    }
    expect(tokenAccuracy(references, ends)).to.be.closeTo(metrics.recon_token_accuracy, 0.12);
    // Not a collapsed model: nearly every path passes through sentences other than its two ends.
    expect(distinctPaths).to.be.at.least(15);
    morpher.dispose();
  });

  it('leaves no tensors behind over 100 morphs', async () => {
    const morpher = new SentenceMorpher();
    await morpher.setWeights(await loadArtifacts(assetUrl('weights/sentence-vae/model.json')));
    await morpher.morph(sentences[0], sentences[1], 5);
    const before = tensorCount();
    for (let i = 0; i < 100; i++) await morpher.morph(sentences[i % 50], sentences[(i + 7) % 50], 5);
    expect(tensorCount()).to.equal(before);
    morpher.dispose();
  });
});
