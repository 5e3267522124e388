// Every element on a page whose CSP allows no inline style, no inline script and no foreign
// origin (the policy the README states), with and without Trusted Types: all reach `ready` and
// the browser reports no violation. The policy comes from the test server as a header.
import { expect } from '@open-wc/testing';

const TAGS = ['vae-latent-explorer', 'gan-arena', 'pixel-rnn-canvas', 'sentence-morph'];

async function openPage(query: string): Promise<Window & { cspViolations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '4000px';
  frame.src = `/test/hostile/csp-page.html?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Window & { cspViolations: string[] };
}

for (const [name, query] of [
  ['strict CSP', 'policy=strict'],
  ['strict CSP with Trusted Types', 'policy=trusted-types'],
]) {
  describe(`a page with a ${name}`, () => {
    it('runs every element with no violation', async () => {
      const page = await openPage(query);
      const elements = TAGS.map(
        (tag) => page.document.querySelector(tag) as HTMLElement & { ready: Promise<void> },
      );
      await page.customElements.whenDefined('sentence-morph');
      await Promise.all(elements.map((element) => element.ready));
      // Let the first frames and the σ bars draw.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(page.cspViolations).to.deep.equal([]);
      for (const element of elements)
        expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      const dot = page.document
        .querySelector('gan-arena')!
        .shadowRoot!.querySelector<HTMLElement>('.legend .dot')!;
      expect(dot.style.background).to.not.equal('');
    });
  });
}
