// <vae-latent-explorer>'s attribute parsers: the values they accept, what they fall back to, and
// the problem each unusable value is reported with.
import { expect } from '@open-wc/testing';
import {
  DEFAULT_SWEEP_DIMS,
  GRID_SIZE,
  RANGE,
  parseDataset,
  parseGridSize,
  parseRange,
  parseSweepDims,
} from '../../../components/vae-latent-explorer/attributes.js';
import { STRINGS } from '../../../components/vae-latent-explorer/strings.js';
import { DIGITS_VAE_CONFIG } from '../../../src/models/vae.js';
import { expectParses, expectProblemMessages } from '../attribute-checks.js';

const LATENT = DIGITS_VAE_CONFIG.latentSize;

describe('<vae-latent-explorer> attributes', () => {
  it('grid-size: a whole number from 3 to 25, rounded and clamped into range', () => {
    expectParses(parseGridSize, [
      [null, { value: GRID_SIZE.default }],
      ['  ', { value: GRID_SIZE.default }],
      ['5', { value: 5 }],
      [' 25 ', { value: 25 }],
      ['3', { value: 3 }],
      ['100', { value: 25, problem: 'gridSizeOutOfRange' }],
      ['1', { value: 3, problem: 'gridSizeOutOfRange' }],
      ['4.6', { value: 5, problem: 'gridSizeOutOfRange' }],
      ['nine', { value: GRID_SIZE.default, problem: 'gridSizeNotANumber' }],
      ['Infinity', { value: GRID_SIZE.default, problem: 'gridSizeNotANumber' }],
    ]);
  });

  it('sweep-dims: two different dimensions of the code, separated by commas or spaces', () => {
    const parse = (text: string | null) => parseSweepDims(text, LATENT);
    expectParses(parse, [
      [null, { value: [0, 1] }],
      ['', { value: [0, 1] }],
      ['2,5', { value: [2, 5] }],
      [' 9 0 ', { value: [9, 0] }],
      ['3, 4', { value: [3, 4] }],
      ['1', { value: [0, 1], problem: 'sweepDimsFormat' }],
      ['1,2,3', { value: [0, 1], problem: 'sweepDimsFormat' }],
      ['1.5,2', { value: [0, 1], problem: 'sweepDimsFormat' }],
      ['a,b', { value: [0, 1], problem: 'sweepDimsFormat' }],
      [`0,${LATENT}`, { value: [0, 1], problem: 'sweepDimsOutOfRange' }],
      ['-1,2', { value: [0, 1], problem: 'sweepDimsOutOfRange' }],
      ['4,4', { value: [0, 1], problem: 'sweepDimsSame' }],
    ]);
    // The fallback is a fresh pair: changing it leaves the default alone.
    expect(parse(null).value).to.not.equal(DEFAULT_SWEEP_DIMS);
  });

  it('range: a number above 0, at most 10 standard deviations', () => {
    expectParses(parseRange, [
      [null, { value: RANGE.default }],
      ['', { value: RANGE.default }],
      ['2', { value: 2 }],
      ['0.5', { value: 0.5 }],
      ['10', { value: 10 }],
      ['11', { value: RANGE.max, problem: 'rangeTooLarge' }],
      ['0', { value: RANGE.default, problem: 'rangeInvalid' }],
      ['-1', { value: RANGE.default, problem: 'rangeInvalid' }],
      ['wide', { value: RANGE.default, problem: 'rangeInvalid' }],
    ]);
  });

  it('dataset: digits only', () => {
    expectParses(parseDataset, [
      [null, { value: 'digits' }],
      ['', { value: 'digits' }],
      ['digits', { value: 'digits' }],
      ['faces', { value: 'digits', problem: 'datasetUnknown' }],
    ]);
  });

  it('has a message for every problem, in every language, with the bounds the parsers use', () => {
    expectProblemMessages(STRINGS, {
      gridSizeNotANumber: [`${GRID_SIZE.min}–${GRID_SIZE.max}`],
      gridSizeOutOfRange: [`from ${GRID_SIZE.min} to ${GRID_SIZE.max}`],
      sweepDimsOutOfRange: [`from 0 to ${LATENT - 1}`],
      rangeInvalid: [`at most ${RANGE.max}`],
      rangeTooLarge: [`at most ${RANGE.max}`],
      datasetUnknown: ['"digits"'],
    });
  });
});
