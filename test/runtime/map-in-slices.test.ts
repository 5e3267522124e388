// mapInSlices keeps the order and lets the page run between slices (a task queued before it
// starts runs before the mapping ends, which one long loop would not allow).
import { expect } from '@open-wc/testing';
import { mapInSlices } from '../../src/runtime/map-in-slices.js';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // burn time, as decoding an image would
  }
}

describe('mapInSlices', () => {
  it('maps every item in order, sync or async', async () => {
    expect(await mapInSlices([1, 2, 3], (n) => n * 2)).to.deep.equal([2, 4, 6]);
    expect(
      await mapInSlices(new Set(['a', 'b']), (s) => Promise.resolve(s.toUpperCase())),
    ).to.deep.equal(['A', 'B']);
    expect(await mapInSlices([], (n: number) => n)).to.deep.equal([]);
  });

  it('lets other tasks run between slices', async () => {
    let converted = 0;
    let convertedWhenTaskRan = -1;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (convertedWhenTaskRan = converted);
    channel.port2.postMessage(null);
    await mapInSlices(
      Array.from({ length: 20 }, (_, i) => i),
      () => {
        busyFor(2);
        converted++;
      },
      8,
    );
    channel.port1.close();
    expect(converted).to.equal(20);
    // The queued task ran after the first slice (about 8 ms, 4–5 items), long before the end.
    expect(convertedWhenTaskRan).to.be.within(1, 10);
  });
});
