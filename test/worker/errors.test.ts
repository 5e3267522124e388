// Errors cross the worker boundary as data and come back as what the elements check for: the
// same class, message, problem code (for the element's language) and cause.
import { expect } from '@open-wc/testing';
import { reviveError, serializeError } from '../../src/worker/errors.js';
import { WeightsError } from '../../src/runtime/weights-error.js';
import { SentenceInputError } from '../../src/data/sentence-input.js';

/** Through structuredClone, as postMessage would carry it. */
const roundTrip = (error: unknown) => reviveError(structuredClone(serializeError(error)));

describe('errors across the worker boundary', () => {
  it('a WeightsError keeps its class, message, problem and cause', () => {
    const cause = new TypeError('bad dtype');
    const error = roundTrip(
      new WeightsError('The file is not weights.', {
        cause,
        problem: { code: 'badDtype', params: { dtype: 'string' } },
      }),
    );
    expect(error).to.be.instanceOf(WeightsError);
    expect(error.message).to.equal('The file is not weights.');
    expect((error as WeightsError).problem).to.deep.equal({
      code: 'badDtype',
      params: { dtype: 'string' },
    });
    expect(error.cause).to.be.instanceOf(TypeError);
    expect((error.cause as Error).message).to.equal('bad dtype');
  });

  it('a SentenceInputError keeps its problem word and counts', () => {
    const error = roundTrip(new SentenceInputError('tooManyWords', 31, 20)) as SentenceInputError;
    expect(error).to.be.instanceOf(SentenceInputError);
    expect([error.problem, error.count, error.limit]).to.deep.equal(['tooManyWords', 31, 20]);
    expect(error.message).to.contain('31 words');
  });

  it('an AbortError stays a DOMException named AbortError; RangeError stays a RangeError', () => {
    const abort = roundTrip(new DOMException('The element was removed.', 'AbortError'));
    expect(abort).to.be.instanceOf(DOMException);
    expect(abort.name).to.equal('AbortError');
    expect(roundTrip(new RangeError('steps out of range'))).to.be.instanceOf(RangeError);
  });

  it('any other error keeps its name, message and problem code; a thrown string becomes an Error', () => {
    const fetchError = Object.assign(new Error('no answer within 0.3 s'), {
      name: 'FetchError',
      problem: { code: 'fetchTimeout', params: { url: 'x', seconds: 0.3 } },
      url: 'x',
    });
    const error = roundTrip(fetchError) as Error & { problem?: unknown; url?: string };
    expect([error.name, error.message, error.url]).to.deep.equal([
      'FetchError',
      'no answer within 0.3 s',
      'x',
    ]);
    expect(error.problem).to.deep.equal({
      code: 'fetchTimeout',
      params: { url: 'x', seconds: 0.3 },
    });
    expect(roundTrip('plain text').message).to.equal('plain text');
  });
});
