// The teaching kit's lecture pages, as a reader gets them after `npm run build`: the two pages
// (demo/lecture*.html, loading the built dist/), each opened in an iframe. Checks: the elements
// each page's text needs, MathML formulas, every element reaching `ready` with no visible error,
// Chinese UI on the zh-Hans page, a 390 px phone without sideways scrolling, and axe-core (the
// page's own markup and the elements' shadow DOM reported separately). The reference docs are
// checked in reference-docs.test.ts.
import { expect } from '@open-wc/testing';
import {
  READY_MS,
  TAGS,
  axeViolations,
  openPage,
  readyWithoutError,
  shadowText,
  type GenerativeElementLike,
} from './page-helpers.js';

/** The figures the lecture's text refers to, by id, in reading order: tag and required attributes. */
const FIGURES: [id: string, selector: string][] = [
  ['pixel-by-pixel', 'pixel-rnn-canvas'],
  ['colour-tip-figure', 'pixel-rnn-canvas[compare]'],
  ['fix-eight-sweep-two', 'vae-latent-explorer'],
  ['sentence-walk', 'sentence-morph'],
  ['overlap-map', 'vae-latent-explorer[show-map]'],
  ['gan-by-hand', 'gan-arena'],
  ['gan-minimax', 'gan-arena[loss="minimax"]'],
  ['gan-balance', 'gan-arena[distribution="grid"][d-steps="5"]'],
];
const LECTURES = [
  { url: '/demo/lecture.html', lang: 'en', other: 'lecture.zh-Hans.html' },
  { url: '/demo/lecture.zh-Hans.html', lang: 'zh-Hans', other: 'lecture.html' },
];
const CJK = /[\u3400-\u9fff]/;

for (const lecture of LECTURES) {
  describe(`lecture page ${lecture.url}`, function () {
    this.timeout(READY_MS + 60_000);
    let frame: HTMLIFrameElement;
    let doc: Document;
    let errors: string[];

    before(async () => {
      ({ frame, doc, errors } = await openPage(lecture.url));
    });
    after(() => frame?.remove());

    it('is in its language, links the other, and has the figures its text needs', () => {
      expect(doc.documentElement.lang).to.equal(lecture.lang);
      expect(doc.querySelectorAll('h1').length).to.equal(1);
      expect(
        doc.querySelector(`a[href="${lecture.other}"]`),
        'link to the other language',
      ).to.not.equal(null);
      const all = [...doc.querySelectorAll<GenerativeElementLike>(TAGS.join(','))];
      expect(all.map((el) => el.id)).to.deep.equal(FIGURES.map(([id]) => id));
      for (const [id, selector] of FIGURES) {
        const el = doc.getElementById(id)!;
        expect(el.matches(selector), `#${id} is ${selector}`).to.equal(true);
        expect(el.getAttribute('loading') ?? 'lazy', `#${id} loading`).to.equal('lazy');
        const asked = (el.getAttribute('controls') ?? '').trim().split(/\s+/).filter(Boolean);
        expect(asked.length, `#${id} is cut down with controls`).to.be.greaterThan(0);
        expect(asked, `#${id} controls`).to.not.include('all');
      }
      // Formulas are MathML; no images, no math library. The only images are the sample grids.
      expect(doc.querySelectorAll('math').length).to.be.greaterThan(10);
      expect(doc.querySelectorAll('math[display="block"]').length).to.be.at.least(6);
      expect(doc.querySelectorAll('img, svg image').length).to.equal(
        doc.querySelectorAll('#gan-vs-vae-figure .sample-grids img').length,
      );
      expect(
        doc.querySelector('script[type="module"][src="../dist/generative-elements.js"]'),
        'the package script',
      ).to.not.equal(null);
      expect(
        doc.querySelector(
          'script[src*="mathjax" i], script[src*="katex" i], link[href*="katex" i]',
        ),
        'no math library',
      ).to.equal(null);
    });

    it('gives each element the controls it asks for (no unknown token)', async () => {
      for (const [id] of FIGURES) {
        const el = doc.getElementById(id) as GenerativeElementLike;
        await el.updateComplete;
        const asked = new Set((el.getAttribute('controls') ?? '').trim().split(/\s+/));
        const shown = new Set(el.controls.split(' '));
        expect([...shown].sort(), `#${id}.controls`).to.deep.equal([...asked].sort());
      }
    });

    it('has the D-only and G-only steps the GAN section walks through', () => {
      const arena = doc.getElementById('gan-by-hand') as HTMLElement & Record<string, unknown>;
      expect(typeof arena.stepDiscriminator, 'gan-arena stepDiscriminator()').to.equal('function');
      expect(typeof arena.stepGenerator, 'gan-arena stepGenerator()').to.equal('function');
    });

    it("shows the GAN against the VAE with the GAN card's own figures and grids", async () => {
      const metrics = (await (await fetch('/weights/gan-digits/metrics.json')).json()) as Record<
        string,
        number
      >;
      const columns = {
        frechet: ['test_digits_frechet_train_half', 'vae_frechet', 'frechet'],
        class_entropy: ['test_digits_class_entropy', 'vae_class_entropy', 'class_entropy'],
        mean_confidence: ['test_digits_mean_confidence', 'vae_mean_confidence', 'mean_confidence'],
      } as const;
      const rows = doc.querySelectorAll('#gan-vs-vae-figure tr[data-metric]');
      expect(rows.length).to.equal(3);
      for (const row of rows) {
        const keys = columns[row.getAttribute('data-metric') as keyof typeof columns];
        const cells = [...row.querySelectorAll('td')].map((td) => Number(td.textContent));
        keys.forEach((key, i) =>
          expect(cells[i], `${key} in the lecture`).to.be.closeTo(metrics[key], 0.006),
        );
      }
      const images = [...doc.querySelectorAll<HTMLImageElement>('#gan-vs-vae-figure img')];
      expect(images.map((img) => img.src.replace(/.*\//, ''))).to.deep.equal([
        'test-digits.png',
        'vae-samples.png',
        'samples.png',
      ]);
      for (const img of images) {
        img.loading = 'eager';
        if (!img.complete)
          await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
        expect(img.naturalWidth, `${img.src} loads`).to.equal(242);
        expect(img.alt.length, `${img.src} has a text alternative`).to.be.above(10);
      }
    });

    it('has the map of test digits the intuition shows', () => {
      const map = doc.getElementById('overlap-map') as HTMLElement & Record<string, unknown>;
      expect(map.showMap, 'vae-latent-explorer showMap').to.equal(true);
    });

    for (const [id] of FIGURES) {
      it(`#${id} reaches ready with no visible error`, async () => {
        await readyWithoutError(doc.getElementById(id) as GenerativeElementLike);
      });
    }

    it(
      lecture.lang === 'zh-Hans'
        ? 'shows every element in Chinese'
        : 'shows every element in English',
      () => {
        for (const [id] of FIGURES) {
          const text = shadowText(doc.getElementById(id)!);
          expect(text.length, `#${id} has UI text`).to.be.greaterThan(0);
          if (lecture.lang === 'zh-Hans')
            expect(CJK.test(text), `#${id} UI in Chinese: ${text.slice(0, 200)}`).to.equal(true);
          else
            expect(CJK.test(text), `#${id} UI in English: ${text.slice(0, 200)}`).to.equal(false);
        }
      },
    );

    it('throws nothing on the page', () => {
      expect(errors).to.deep.equal([]);
    });

    it('passes axe on its own markup', async () => {
      const { page } = await axeViolations(frame);
      expect(page, page.join('\n')).to.deep.equal([]);
    });

    it("passes axe inside the elements' shadow DOM", async () => {
      const { elements } = await axeViolations(frame);
      expect(elements, elements.join('\n')).to.deep.equal([]);
    });
  });

  describe(`lecture page ${lecture.url} on a 390 px phone`, () => {
    it('needs no sideways scrolling', async () => {
      const { frame, doc } = await openPage(lecture.url, 390, 800);
      try {
        await Promise.all(
          [...doc.querySelectorAll<GenerativeElementLike>(TAGS.join(','))].map(
            (el) => el.updateComplete,
          ),
        );
        expect(doc.documentElement.scrollWidth, 'page width').to.be.at.most(390);
        for (const el of doc.querySelectorAll(TAGS.join(','))) {
          expect(el.getBoundingClientRect().right, `#${el.id} right edge`).to.be.at.most(390);
        }
      } finally {
        frame.remove();
      }
    });
  });
}

describe('the demo links the lectures', () => {
  it('has a link to each language', async () => {
    const html = await (await fetch('/demo/index.html')).text();
    expect(html).to.include('href="lecture.html"');
    expect(html).to.include('href="lecture.zh-Hans.html"');
  });
});
