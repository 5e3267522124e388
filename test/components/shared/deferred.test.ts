// Deferred: a promise settled from outside, which knows whether it has been.
import { expect } from '@open-wc/testing';
import { Deferred } from '../../../components/shared/deferred.js';
import { rejection } from '../../helpers.js';

describe('Deferred', () => {
  it('resolves with the value given, and says it has settled', async () => {
    const deferred = new Deferred<number>();
    expect(deferred.settled).to.equal(false);
    deferred.resolve(7);
    expect(deferred.settled).to.equal(true);
    expect(await deferred.promise).to.equal(7);
  });

  it('rejects with the reason given', async () => {
    const deferred = new Deferred();
    const reason = new Error('removed');
    deferred.reject(reason);
    expect(deferred.settled).to.equal(true);
    expect(await rejection(deferred.promise)).to.equal(reason);
  });

  it('raises no unhandled rejection when nobody awaits it', async () => {
    const unhandled: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', listener);
    try {
      new Deferred().reject(new Error('nobody listens'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
  });
});
