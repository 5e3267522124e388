// <sentence-morph>'s attribute parsers: the values they accept, what they fall back to or clamp
// to, and the problem each unusable value is reported with.
import {
  DECODINGS,
  STEPS,
  parseDecoding,
  parseSteps,
} from '../../../components/sentence-morph/attributes.js';
import { STRINGS } from '../../../components/sentence-morph/strings.js';
import { expectParses, expectProblemMessages } from '../attribute-checks.js';

describe('<sentence-morph> attributes', () => {
  it('steps: a whole number from 1 to 20, rounded and clamped into range', () => {
    expectParses(parseSteps, [
      [null, { value: STEPS.default }],
      [' ', { value: STEPS.default }],
      ['10', { value: 10 }],
      ['1', { value: 1 }],
      ['20', { value: 20 }],
      ['99', { value: STEPS.max, problem: 'stepsOutOfRange' }],
      ['0', { value: STEPS.min, problem: 'stepsOutOfRange' }],
      ['2.4', { value: 2, problem: 'stepsOutOfRange' }],
      ['five', { value: STEPS.default, problem: 'stepsNotANumber' }],
    ]);
  });

  it('decoding: greedy (the default), sample or beam, in any case', () => {
    expectParses(parseDecoding, [
      [null, { value: 'greedy' }],
      ['', { value: 'greedy' }],
      ['sample', { value: 'sample' }],
      [' Beam ', { value: 'beam' }],
      ['GREEDY', { value: 'greedy' }],
      ['fancy', { value: 'greedy', problem: 'decodingUnknown' }],
    ]);
  });

  it('has a message for every problem, in every language, with the bounds the parsers use', () => {
    expectProblemMessages(STRINGS, {
      stepsNotANumber: [`${STEPS.min}–${STEPS.max}`],
      stepsOutOfRange: [`${STEPS.min}–${STEPS.max}`],
      decodingUnknown: DECODINGS,
    });
  });
});
