// <gan-arena>'s attribute parsers: the values they accept, what they fall back to, and the
// problem each unusable value is reported with.
import {
  BATCH_SIZE,
  DEFAULT_LEARNING_RATES,
  MAX_STEPS,
  parseBatchSize,
  parseDistribution,
  parseLearningRate,
  parseLoss,
  parseMode,
  parseSteps,
} from '../../../components/gan-arena/attributes.js';
import { STRINGS } from '../../../components/gan-arena/strings.js';
import { TOY_DISTRIBUTIONS, type ToyDistribution } from '../../../src/data/toy-distributions.js';
import { expectParses, expectProblemMessages } from '../attribute-checks.js';

describe('<gan-arena> attributes', () => {
  it('mode: 2d (the default) or digits', () => {
    expectParses(parseMode, [
      [null, { value: '2d' }],
      ['', { value: '2d' }],
      ['2d', { value: '2d' }],
      ['digits', { value: 'digits' }],
      ['DIGITS', { value: '2d', problem: 'modeUnknown' }],
      ['faces', { value: '2d', problem: 'modeUnknown' }],
    ]);
  });

  it('distribution: one of the toy distributions, ring by default', () => {
    expectParses(parseDistribution, [
      [null, { value: 'ring' }],
      ['', { value: 'ring' }],
      ...TOY_DISTRIBUTIONS.map((name): [string, { value: ToyDistribution }] => [
        name,
        { value: name },
      ]),
      ['spiral', { value: 'ring', problem: 'distributionUnknown' }],
    ]);
  });

  it('d-steps / g-steps: a whole number from 0 (frozen) to 20, else 1', () => {
    expectParses(parseSteps, [
      [null, { value: 1 }],
      [' ', { value: 1 }],
      ['0', { value: 0 }],
      ['3', { value: 3 }],
      [String(MAX_STEPS), { value: MAX_STEPS }],
      [String(MAX_STEPS + 1), { value: 1, problem: 'stepsInvalid' }],
      ['-1', { value: 1, problem: 'stepsInvalid' }],
      ['1.5', { value: 1, problem: 'stepsInvalid' }],
      ['many', { value: 1, problem: 'stepsInvalid' }],
    ]);
  });

  it('lr-d / lr-g: a number above 0 and at most 1, else the mode’s default', () => {
    const fallback = DEFAULT_LEARNING_RATES.digits.d;
    expectParses(
      (text: string | null) => parseLearningRate(text, fallback),
      [
        [null, { value: fallback }],
        ['', { value: fallback }],
        ['0.01', { value: 0.01 }],
        ['1', { value: 1 }],
        ['1e-4', { value: 1e-4 }],
        ['0', { value: fallback, problem: 'learningRateInvalid' }],
        ['1.5', { value: fallback, problem: 'learningRateInvalid' }],
        ['-0.1', { value: fallback, problem: 'learningRateInvalid' }],
        ['fast', { value: fallback, problem: 'learningRateInvalid' }],
      ],
    );
  });

  it('batch-size: a whole number from 8 to 512, rounded and clamped into range', () => {
    expectParses(parseBatchSize, [
      [null, { value: BATCH_SIZE.default }],
      ['', { value: BATCH_SIZE.default }],
      ['128', { value: 128 }],
      ['8', { value: 8 }],
      ['4', { value: BATCH_SIZE.min, problem: 'batchSizeOutOfRange' }],
      ['1000', { value: BATCH_SIZE.max, problem: 'batchSizeOutOfRange' }],
      ['100.4', { value: 100, problem: 'batchSizeOutOfRange' }],
      ['big', { value: BATCH_SIZE.default, problem: 'batchSizeNotANumber' }],
    ]);
  });

  it('loss: non-saturating (the default) or minimax', () => {
    expectParses(parseLoss, [
      [null, { value: 'non-saturating' }],
      ['', { value: 'non-saturating' }],
      ['non-saturating', { value: 'non-saturating' }],
      ['minimax', { value: 'minimax' }],
      ['wasserstein', { value: 'non-saturating', problem: 'lossUnknown' }],
    ]);
  });

  it('has a message for every problem, in every language, with the bounds the parsers use', () => {
    expectProblemMessages(STRINGS, {
      modeUnknown: ['2d', 'digits'],
      distributionUnknown: TOY_DISTRIBUTIONS,
      stepsInvalid: [`from 0 to ${MAX_STEPS}`],
      learningRateInvalid: ['above 0', 'at most 1'],
      batchSizeNotANumber: [`${BATCH_SIZE.min}–${BATCH_SIZE.max}`],
      batchSizeOutOfRange: [`from ${BATCH_SIZE.min} to ${BATCH_SIZE.max}`],
      lossUnknown: ['non-saturating', 'minimax'],
    });
  });
});
