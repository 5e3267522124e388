// Two copies of the built package on one page (two bundles that each include it): the second
// finds the first through the page-global registry, reuses its tags and runtime, warns once,
// and no TF.js kernel is registered twice. `/dist-copy/` is the same dist/ under another URL
// (see web-test-runner.config.mjs), so the browser loads it as a separate module graph.
// No import of TF.js or of the test helpers (which import TF.js): the page holds the two copies only.
import { expect } from '@open-wc/testing';
import { loadPackage, nextEvent } from '../built-package.js';

describe('the package loaded twice on one page', () => {
  it('shares one runtime, keeps WASM, and warns once', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      originalWarn.apply(console, args);
    };
    try {
      const first = await loadPackage('/dist/generative-elements.js');
      const element = document.createElement('vae-latent-explorer');
      element.setAttribute('loading', 'eager');
      const ready = nextEvent<{ backend: string }>(element, 'model-ready', 120000);
      document.body.append(element);
      expect((await ready).detail.backend).to.equal('wasm');

      const second = await loadPackage('/dist-copy/generative-elements.js');
      expect(second.VaeLatentExplorer).to.not.equal(first.VaeLatentExplorer);
      expect(customElements.get('vae-latent-explorer')).to.equal(first.VaeLatentExplorer);

      // An element started after the second copy loaded uses the same runtime.
      const other = document.createElement('sentence-morph');
      other.setAttribute('loading', 'eager');
      const otherReady = nextEvent<{ backend: string }>(other, 'model-ready', 120000);
      document.body.append(other);
      expect((await otherReady).detail.backend).to.equal('wasm');

      expect(warnings.filter((w) => w.includes('loaded twice'))).to.have.length(1);
      expect(warnings.filter((w) => /already registered|already been set/i.test(w))).to.deep.equal(
        [],
      );
      element.remove();
      other.remove();
    } finally {
      console.warn = originalWarn;
    }
  });
});
