/**
 * The sentence VAE's encoder, q(c | w): a GRU reads the word vectors of a sentence's pieces, and
 * two linear heads turn its last state into the mean and log-variance of the code:
 *
 *   h_t = GRU(E w_t, h_{t−1}),   m = W_m h_L + b_m,   σ = W_σ h_L + b_σ
 *
 * or, with `encoderReads: 'backward'`, the same over w_L … w_1, so that the last pieces read are
 * the first the decoder writes.
 *
 * A batch of sentences runs in one loop over the longest; a sentence that has ended keeps its
 * state, so h_L is each sentence's own last state.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createLayer, linearParameters, type LinearParams } from './layer-parameters.js';
import { createGru, fuseGru, gruParameters, type GruParams } from './gru.js';
import { embeddingLookup, fusedGruStep, fusedInputs, linear } from './ops.js';
import { withDropout } from './dropout.js';
import type { Rng } from '../runtime/random.js';
import { encoderInputs, type TokenIds } from './sentence-batch.js';
import type { SentenceVaeConfig } from './plain-types.js';

export interface Posterior {
  mean: tf.Tensor2D; // m, [batch, latentSize]
  logVar: tf.Tensor2D; // σ, [batch, latentSize]
}

export class SentenceEncoder {
  private readonly gru: GruParams;
  private readonly meanHead: LinearParams;
  private readonly logVarHead: LinearParams;

  /** `embedding`: E, shared with the decoder; `nextSeed` hands out one seed per weight matrix. */
  constructor(
    private readonly config: SentenceVaeConfig,
    private readonly embedding: tf.Variable,
    nextSeed: () => number,
  ) {
    this.gru = createGru(config.embeddingSize, config.encoderSize, nextSeed);
    this.meanHead = createLayer(config.encoderSize, config.latentSize, nextSeed(), 'linear');
    this.logVarHead = createLayer(config.encoderSize, config.latentSize, nextSeed(), 'linear');
  }

  /** q(c | w) for each sentence: its mean m and log-variance σ; `training` adds dropout to the word vectors. */
  encode(sentences: readonly TokenIds[], training?: { dropout: number; rng: Rng }): Posterior {
    return tf.tidy(() => {
      const inOrder =
        this.config.encoderReads === 'backward'
          ? sentences.map((s) => [...s].reverse())
          : sentences;
      const { ids, masks } = encoderInputs(inOrder, this.config);
      const gru = fuseGru(this.gru);
      const inputTerms = fusedInputs(
        withDropout(embeddingLookup(this.embedding, ids), training),
        gru.inputWeight,
        masks.length,
      );
      let h: tf.Tensor2D = tf.zeros([sentences.length, this.config.encoderSize]);
      inputTerms.forEach((x, t) => {
        // A sentence that has ended keeps its state: h ← h + mask ⊙ (GRU(x, h) − h).
        const next = fusedGruStep(tf.add<tf.Tensor2D>(x, gru.inputBias), h, gru);
        h = tf.add(h, tf.mul(masks[t], tf.sub(next, h)));
      });
      return { mean: linear(h, this.meanHead), logVar: linear(h, this.logVarHead) };
    });
  }

  /** The encoder's variables by the names weight files use. */
  namedParameters(): Record<string, tf.Variable> {
    return {
      ...gruParameters('encoder_gru', this.gru),
      ...linearParameters('encoder_mean', this.meanHead),
      ...linearParameters('encoder_log_var', this.logVarHead),
    };
  }
}
