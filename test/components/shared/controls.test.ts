// `controls`: which parts an element renders. The parser on its own, then each element with
// `none`, one part, and an unknown token (checked without starting a model: the elements sit in
// a hidden box, so `loading="lazy"` never starts them).
import { expect } from '@open-wc/testing';
import '../../../src/generative-elements.js';
import { controlsText, parseControls } from '../../../components/shared/controls.js';
import { idleElement } from '../element-helpers.js';

const KNOWN = ['source', 'sliders', 'training'];

describe('parseControls', () => {
  it('reads all, none, and token lists, reporting unknown tokens', () => {
    expect([...parseControls(null, KNOWN).shown]).to.deep.equal(KNOWN);
    expect([...parseControls('all', KNOWN).shown]).to.deep.equal(KNOWN);
    expect([...parseControls('none', KNOWN).shown]).to.deep.equal([]);
    expect([...parseControls(' Sliders  training ', KNOWN).shown]).to.deep.equal([
      'sliders',
      'training',
    ]);
    expect(parseControls('sliders wings', KNOWN)).to.deep.equal({
      shown: new Set(['sliders']),
      unknown: ['wings'],
    });
    expect(controlsText(new Set(['training', 'source']), KNOWN)).to.equal('source training');
    expect(controlsText(new Set(KNOWN), KNOWN)).to.equal('all');
    expect(controlsText(new Set(), KNOWN)).to.equal('none');
  });
});

type Lit = HTMLElement & { updateComplete: Promise<boolean>; controls: string };

const element = (tag: string, controls?: string) =>
  idleElement<Lit>(tag, controls === undefined ? {} : { controls });

const parts = (el: HTMLElement, selector: string) =>
  el.shadowRoot!.querySelectorAll(selector).length;

describe('controls on each element', () => {
  const CASES = [
    {
      tag: 'vae-latent-explorer',
      main: '[part="grid"]',
      part: 'sliders',
      selector: '[part="sliders"]',
      other: '[part="source"]',
    },
    {
      tag: 'sentence-morph',
      main: '.credit',
      part: 'inputs',
      selector: '[part="inputs"]',
      other: '[part="training"]',
    },
    {
      tag: 'pixel-rnn-canvas',
      main: '[part="panels"]',
      part: 'completion',
      selector: '[part="completion"]',
      other: 'button.generate',
    },
    {
      tag: 'gan-arena',
      main: '[part="plane"]',
      part: 'charts',
      selector: '[part="charts"]',
      other: '.settings',
    },
  ];
  for (const c of CASES) {
    it(`<${c.tag}>: all by default, none keeps the main view, a token shows only that part`, async () => {
      const all = await element(c.tag);
      expect(all.controls).to.equal('all');
      expect(parts(all, c.selector)).to.be.above(0);
      expect(parts(all, 'h2')).to.equal(1);

      const none = await element(c.tag, 'none');
      expect(none.controls).to.equal('none');
      expect(parts(none, c.main)).to.be.above(0);
      expect(parts(none, c.selector)).to.equal(0);
      expect(parts(none, c.other)).to.equal(0);
      expect(parts(none, 'h2')).to.equal(0);

      const one = await element(c.tag, c.part);
      expect(one.controls).to.equal(c.part);
      expect(parts(one, c.selector)).to.be.above(0);
      expect(parts(one, c.other)).to.equal(0);

      one.controls = `${c.part} wings`;
      await one.updateComplete;
      expect(one.shadowRoot!.querySelector('[part="error"]')?.textContent).to.include('wings');
      expect(parts(one, c.selector)).to.be.above(0);
    });
  }
});
