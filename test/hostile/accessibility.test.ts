// axe-core on a page with every element, every panel open, in English and in Simplified Chinese:
// no violation. (axe is loaded as a classic script, the way it ships.)
import { expect } from '@open-wc/testing';
import { TAGS } from '../registry.js';
import '../../src/generative-elements.js';

type AxeResult = {
  violations: {
    id: string;
    impact: string;
    nodes: { target: unknown[]; failureSummary: string }[];
  }[];
};
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

async function loadAxe(): Promise<NonNullable<Window['axe']>> {
  if (!window.axe) {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    document.head.append(script);
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
  }
  return window.axe!;
}

for (const lang of ['en', 'zh-Hans']) {
  describe(`accessibility (${lang})`, () => {
    it('every element with every panel open has no axe violation', async () => {
      const axe = await loadAxe();
      const page = document.createElement('main');
      page.lang = lang;
      for (const tag of TAGS) {
        const element = document.createElement(tag);
        element.setAttribute('loading', 'eager');
        element.setAttribute('seed', '1');
        page.append(element);
      }
      const arena = document.createElement('gan-arena');
      arena.setAttribute('mode', 'digits');
      arena.setAttribute('loading', 'eager');
      page.append(arena);
      document.body.append(page);
      await Promise.all(
        [...page.children].map(
          (element) => (element as HTMLElement & { ready: Promise<void> }).ready,
        ),
      );
      for (const element of page.children)
        element.shadowRoot!.querySelectorAll('details').forEach((details) => (details.open = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result = await axe.run(page, { resultTypes: ['violations'] });
      const report = result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
      expect(report).to.deep.equal([]);
      page.remove();
    });
  });
}
