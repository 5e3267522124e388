// Every element on a page whose CSP allows no inline style, no inline script and no foreign
// origin (the policy the README states), with and without Trusted Types: all reach `ready` and
// the browser reports no violation, and the models run in the page's worker. Where workers are
// forbidden (`worker-src 'none'`, or Trusted Types with no policy for the worker's URL), the
// elements run on the main thread instead and say so. The policy comes from the test server.
import { expect } from '@open-wc/testing';
import { TAGS } from '../registry.js';

type Element = HTMLElement & { ready: Promise<void>; runsInWorker: boolean | null };

async function openPage(query: string): Promise<Window & { cspViolations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '4000px';
  frame.src = `/test/hostile/csp-page.html?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Window & { cspViolations: string[] };
}

async function readyElements(page: Window): Promise<Element[]> {
  const elements = TAGS.map((tag) => page.document.querySelector(tag) as Element);
  await page.customElements.whenDefined('sentence-morph');
  await Promise.all(elements.map((element) => element.ready));
  // Let the first frames and the σ bars draw.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const element of elements)
    expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  const dot = page.document
    .querySelector('gan-arena')!
    .shadowRoot!.querySelector<HTMLElement>('.legend .dot')!;
  expect(dot.style.background).to.not.equal('');
  return elements;
}

for (const [name, query] of [
  ['strict CSP', 'policy=strict'],
  ['strict CSP with Trusted Types (a default policy admits the worker)', 'policy=trusted-types'],
]) {
  describe(`a page with a ${name}`, () => {
    it('runs every element in the worker with no violation', async () => {
      const page = await openPage(query);
      const elements = await readyElements(page);
      expect(page.cspViolations).to.deep.equal([]);
      expect(elements.map((element) => element.runsInWorker)).to.deep.equal([
        true,
        true,
        true,
        true,
      ]);
    });
  });
}

for (const [name, query, directive] of [
  ["worker-src 'none'", 'policy=no-worker', 'worker-src'],
  [
    'Trusted Types and no policy for the worker',
    'policy=trusted-types-bare',
    'require-trusted-types-for',
  ],
]) {
  describe(`a page with ${name}`, () => {
    it('runs every element on the main thread, says so, and the only violation is the worker', async () => {
      const page = await openPage(query);
      const elements = await readyElements(page);
      expect(elements.map((element) => element.runsInWorker)).to.deep.equal([
        false,
        false,
        false,
        false,
      ]);
      expect(page.cspViolations.length).to.equal(1, page.cspViolations.join('\n'));
      expect(page.cspViolations[0]).to.match(new RegExp(`^${directive}`));
      const status = elements[0].shadowRoot!.querySelector('[part="status"]')!.textContent;
      expect(status).to.match(/main thread/);
    });
  });
}
