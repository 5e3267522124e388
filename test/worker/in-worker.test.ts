// The default path: the models run in the page's module worker, and the page itself never
// starts TF.js.
import { expect } from '@open-wc/testing';
import { describeEveryElement } from './every-element.js';

describeEveryElement('in the worker', true);

describe('the page, while its models run in the worker', () => {
  it('registers no TF.js backend of its own', () => {
    const engine = (globalThis as { _tfengine?: { registryFactory: Record<string, unknown> } })
      ._tfengine;
    expect(Object.keys(engine?.registryFactory ?? {})).to.deep.equal([]);
  });
});
