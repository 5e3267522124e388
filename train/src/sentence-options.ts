// The settings of a sentence-VAE training run: its command-line flags; the training options they
// give, over the defaults or over the checkpoint's own (a resumed run changes only the options
// given); and what this session changed, for the card.
import { parseArgs } from 'node:util';
import type { CheckpointState } from './sentence-checkpoint.js';
import { TRAINING_OBJECTIVE } from '../../src/models/sentence-vae.js';

/** The command line, parsed (see train-sentence-vae.ts for the commands). */
export function parseSentenceVaeFlags() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'weights/sentence-vae' },
      checkpoint: { type: 'string', default: 'train/checkpoints/sentence-vae' },
      minutes: { type: 'string', default: '80' },
      'checkpoint-minutes': { type: 'string', default: '10' },
      'batch-size': { type: 'string', default: '64' },
      // (no defaults here: on --resume, only the ones given change the checkpoint's settings)
      'learning-rate': { type: 'string' },
      'free-bits': { type: 'string' },
      'word-dropout': { type: 'string' },
      'bow-weight': { type: 'string' },
      'own-choices': { type: 'string' },
      'kl-weight': { type: 'string' },
      'mmd-weight': { type: 'string' },
      'sample-code': { type: 'string' },
      'input-deletion': { type: 'string' },
      dropout: { type: 'string' },
      'encoder-reads': { type: 'string' },
      // (from scratch only: the model's shape, its pieces and its data)
      'extra-data': { type: 'string' },
      'whole-words': { type: 'string' },
      'vocabulary-size': { type: 'string' },
      'latent-size': { type: 'string' },
      'max-tokens': { type: 'string' },
      // (any time: decoding only)
      'lexicon-min-count': { type: 'string' },
      'warmup-steps': { type: 'string', default: '1500' },
      seed: { type: 'string', default: '1' },
      resume: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      evaluate: { type: 'boolean', default: false },
      // with --evaluate: compare greedy and reranked beam decodings on this many held-out sentences, then stop
      'compare-decodings': { type: 'string' },
    },
  });
  return values;
}

export type SentenceVaeFlags = ReturnType<typeof parseSentenceVaeFlags>;

export interface ResolvedOptions {
  /** The objective's settings given on the command line (a resumed run changes only these). */
  given: Record<string, number>;
  /** The checkpoint's settings; one added since it was written has its default (what it ran with). */
  previousOptions: Record<string, number> | undefined;
  /** The settings this run trains with. */
  options: Record<string, number>;
}

/** The run's options from its flags and, when it goes on from one, the checkpoint's state. */
export function resolveOptions(
  flags: SentenceVaeFlags,
  previous: CheckpointState | undefined,
  smoke: boolean,
): ResolvedOptions {
  // A checkpoint is read exactly when the run resumes or evaluates one.
  const fromCheckpoint = previous !== undefined;
  const given: Record<string, number> = Object.fromEntries(
    (
      [
        ['learningRate', flags['learning-rate']],
        ['freeBits', flags['free-bits']],
        ['wordDropout', flags['word-dropout']],
        ['bowWeight', flags['bow-weight']],
        ['ownChoices', flags['own-choices']],
        ['klWeight', flags['kl-weight']],
        ['mmdWeight', flags['mmd-weight']],
        ['sampleCode', flags['sample-code']],
        ['inputDeletion', flags['input-deletion']],
        ['dropout', flags.dropout],
      ] as const
    ).flatMap(([key, value]) => (value === undefined ? [] : [[key, Number(value)]])),
  );
  const defaultOptions: Record<string, number> = {
    batchSize: Number(flags['batch-size']),
    learningRate: 0.001,
    freeBits: TRAINING_OBJECTIVE.freeBits,
    wordDropout: TRAINING_OBJECTIVE.wordDropout,
    ownChoices: 0,
    bowWeight: 1,
    warmupSteps: smoke ? 2 : Number(flags['warmup-steps']),
    seed: Number(flags.seed),
    // (added later; a checkpoint that predates one ran with its default)
    klWeight: 1,
    mmdWeight: 0,
    sampleCode: 1,
    inputDeletion: 0,
    dropout: 0,
    extraData: 0,
    wholeWords: 0,
    lexiconMinCount: 0,
  };
  const fromScratchOnly = [
    'extra-data',
    'whole-words',
    'vocabulary-size',
    'latent-size',
    'max-tokens',
  ] as const;
  if (fromCheckpoint) {
    for (const flag of fromScratchOnly)
      if (flags[flag] !== undefined)
        throw new Error(`--${flag} applies to a run from scratch only.`);
  } else {
    // From scratch, the bundled model's data, pieces and lexicon unless told otherwise.
    defaultOptions.extraData = Number(flags['extra-data'] ?? 1);
    defaultOptions.wholeWords = Number(flags['whole-words'] ?? 6000);
    defaultOptions.lexiconMinCount = 2;
  }
  const previousOptions = previous ? { ...defaultOptions, ...previous.options } : undefined;
  const options: Record<string, number> = {
    ...(previousOptions ?? defaultOptions),
    ...(flags.evaluate ? {} : given),
    ...(flags['lexicon-min-count'] ? { lexiconMinCount: Number(flags['lexicon-min-count']) } : {}),
  };
  return { given, previousOptions, options };
}

/** What this session changed, as the card lists it: the objective's settings and the encoder's order. */
export function sessionChanges(
  { given, previousOptions }: ResolvedOptions,
  previous: CheckpointState | undefined,
  encoderReads: string | undefined,
): Record<string, { from: number | string; to: number | string }> {
  return {
    ...(previousOptions
      ? Object.fromEntries(
          Object.keys(given)
            .filter((key) => given[key] !== previousOptions[key])
            .map((key) => [key, { from: previousOptions[key], to: given[key] }]),
        )
      : {}),
    ...(previous && encoderReads && encoderReads !== (previous.config.encoderReads ?? 'forward')
      ? { encoderReads: { from: previous.config.encoderReads ?? 'forward', to: encoderReads } }
      : {}),
  };
}
