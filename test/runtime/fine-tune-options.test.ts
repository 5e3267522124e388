// checkFineTuneOptions: every option of fineTune checked before any work, with a message that
// names the option and its range.
import { expect } from '@open-wc/testing';
import { checkFineTuneOptions, FINE_TUNE_LIMITS } from '../../src/runtime/fine-tune-options.js';

describe('checkFineTuneOptions', () => {
  it('names the option and its range', () => {
    expect(() => checkFineTuneOptions({ batchSize: 0 })).to.throw(
      RangeError,
      /batchSize must be a whole number from 1 to 1024, got 0/,
    );
    expect(() => checkFineTuneOptions({ steps: NaN })).to.throw(RangeError, /steps .* got NaN/);
    expect(() => checkFineTuneOptions({ steps: 2.5 })).to.throw(RangeError);
    expect(() => checkFineTuneOptions({ learningRate: -1 })).to.throw(RangeError, /learningRate/);
    expect(() => checkFineTuneOptions({ signal: {} as AbortSignal })).to.throw(
      TypeError,
      /AbortSignal/,
    );
    expect(checkFineTuneOptions({ steps: 3, batchSize: 4, learningRate: 0.001 })).to.deep.equal({
      steps: 3,
      batchSize: 4,
      learningRate: 0.001,
    });
  });

  it('takes no options, and the limits themselves', () => {
    expect(checkFineTuneOptions(undefined)).to.deep.equal({});
    const limits = {
      steps: FINE_TUNE_LIMITS.steps,
      batchSize: FINE_TUNE_LIMITS.batchSize,
      learningRate: FINE_TUNE_LIMITS.learningRate,
    };
    expect(checkFineTuneOptions(limits)).to.equal(limits);
    expect(() => checkFineTuneOptions({ steps: FINE_TUNE_LIMITS.steps + 1 })).to.throw(RangeError);
    expect(() => checkFineTuneOptions({ learningRate: 1.5 })).to.throw(RangeError, /at most 1/);
    expect(() => checkFineTuneOptions(null as unknown as undefined)).to.throw(TypeError, /object/);
  });
});
