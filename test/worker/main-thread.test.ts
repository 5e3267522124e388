// The fallback path, forced with configure({ worker: false }): the same elements, the same
// calls, on the page's main thread; the status carries no "no worker" note, since none was wanted.
import { expect } from '@open-wc/testing';
import { configure } from '../../src/runtime/config.js';
import { describeEveryElement } from './every-element.js';

configure({ worker: false });

describeEveryElement('on the main thread', false);

describe('configure({ worker })', () => {
  it('takes only true or false', () => {
    expect(() => configure({ worker: 'no' as unknown as boolean })).to.throw(
      TypeError,
      /worker must be true or false/,
    );
  });
});
