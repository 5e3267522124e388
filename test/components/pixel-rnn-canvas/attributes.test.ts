// <pixel-rnn-canvas>'s attribute parsers: the values they accept, what they fall back to or clamp
// to, and the problem each unusable value is reported with.
import {
  COUNT,
  SPEED,
  TEMPERATURE,
  parseCompare,
  parseCount,
  parseDataset,
  parseEncoding,
  parseSpeed,
  parseTemperature,
} from '../../../components/pixel-rnn-canvas/attributes.js';
import { STRINGS } from '../../../components/pixel-rnn-canvas/strings.js';
import { expectParses, expectProblemMessages } from '../attribute-checks.js';

describe('<pixel-rnn-canvas> attributes', () => {
  it('dataset: emoji (the default) or digits', () => {
    expectParses(parseDataset, [
      [null, { value: 'emoji' }],
      ['', { value: 'emoji' }],
      ['emoji', { value: 'emoji' }],
      ['digits', { value: 'digits' }],
      ['faces', { value: 'emoji', problem: 'datasetUnknown' }],
    ]);
  });

  it('color-encoding: one-hot or sigmoid, and only one-hot for digits', () => {
    expectParses(
      ([text, dataset]: Parameters<typeof parseEncoding>) => parseEncoding(text, dataset),
      [
        [[null, 'emoji'], { value: 'one-hot' }],
        [['', 'digits'], { value: 'one-hot' }],
        [['one-hot', 'digits'], { value: 'one-hot' }],
        [['sigmoid', 'emoji'], { value: 'sigmoid' }],
        [['sigmoid', 'digits'], { value: 'one-hot', problem: 'encodingDigits' }],
        [['rgb', 'emoji'], { value: 'one-hot', problem: 'encodingUnknown' }],
      ],
    );
  });

  it('compare: for the emoji models only', () => {
    expectParses(
      ([present, dataset]: Parameters<typeof parseCompare>) => parseCompare(present, dataset),
      [
        [[true, 'emoji'], { value: true }],
        [[false, 'emoji'], { value: false }],
        [[false, 'digits'], { value: false }],
        [[true, 'digits'], { value: false, problem: 'compareDigits' }],
      ],
    );
  });

  it('temperature: a number, clamped to 0.05–5; a negative or unreadable one gives 1', () => {
    expectParses(parseTemperature, [
      [null, { value: TEMPERATURE.default }],
      ['', { value: TEMPERATURE.default }],
      ['0.5', { value: 0.5 }],
      ['5', { value: 5 }],
      ['0', { value: TEMPERATURE.min, problem: 'temperatureClamped' }],
      ['0.01', { value: TEMPERATURE.min, problem: 'temperatureClamped' }],
      ['9', { value: TEMPERATURE.max, problem: 'temperatureClamped' }],
      ['-1', { value: TEMPERATURE.default, problem: 'temperatureInvalid' }],
      ['hot', { value: TEMPERATURE.default, problem: 'temperatureInvalid' }],
    ]);
  });

  it('speed: whole pixels per frame from 1 to 784, or instant', () => {
    expectParses(parseSpeed, [
      [null, { value: SPEED.default }],
      ['', { value: SPEED.default }],
      ['instant', { value: 'instant' }],
      [' instant ', { value: 'instant' }],
      ['16', { value: 16 }],
      ['784', { value: 784 }],
      ['1000', { value: SPEED.max, problem: 'speedClamped' }],
      ['2.5', { value: 3, problem: 'speedClamped' }],
      ['0', { value: SPEED.default, problem: 'speedInvalid' }],
      ['fast', { value: SPEED.default, problem: 'speedInvalid' }],
    ]);
  });

  it('count: a whole number of images from 1 to 16', () => {
    expectParses(parseCount, [
      [null, { value: COUNT.default }],
      ['', { value: COUNT.default }],
      ['4', { value: 4 }],
      ['16', { value: 16 }],
      ['0', { value: COUNT.min, problem: 'countClamped' }],
      ['99', { value: COUNT.max, problem: 'countClamped' }],
      ['2.4', { value: 2, problem: 'countClamped' }],
      ['many', { value: COUNT.default, problem: 'countInvalid' }],
    ]);
  });

  it('has a message for every problem, in every language, with the bounds the parsers use', () => {
    expectProblemMessages(STRINGS, {
      datasetUnknown: ['"emoji"', '"digits"'],
      encodingUnknown: ['"one-hot"', '"sigmoid"'],
      temperatureClamped: [`from ${TEMPERATURE.min} to ${TEMPERATURE.max}`],
      speedInvalid: ['"instant"'],
      speedClamped: [`from ${SPEED.min} to ${SPEED.max}`],
      countInvalid: [`from ${COUNT.min} to ${COUNT.max}`],
      countClamped: [`from ${COUNT.min} to ${COUNT.max}`],
    });
  });
});
