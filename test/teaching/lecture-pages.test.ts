// The teaching kit's pages, as a reader gets them after `npm run build`: the two lecture pages
// (demo/lecture*.html, loading the built dist/) and the reference docs (dist/docs/*.html), each
// opened in an iframe. Checks: the elements each page's text needs, MathML formulas, the docs
// listing every attribute custom-elements.json gives, every element reaching `ready` with no
// visible error, Chinese UI on the zh-Hans page, a 390 px phone without sideways scrolling, and
// axe-core (the page's own markup and the elements' shadow DOM reported separately).
import { expect } from '@open-wc/testing';

interface ManifestAttribute {
  name: string;
  fieldName?: string;
}
interface ManifestNamed {
  name: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
}
interface ManifestElement {
  tagName: string;
  attributes?: ManifestAttribute[];
  members?: ManifestNamed[];
  events?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
interface AxeNode {
  target: unknown[];
  html: string;
}
interface AxeResult {
  id: string;
  help: string;
  impact: string | null;
  nodes: AxeNode[];
}
type AxeWindow = Window & {
  axe?: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> };
};
type GenerativeElementLike = HTMLElement & {
  ready: Promise<void>;
  controls: string;
  updateComplete: Promise<boolean>;
};

const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as {
  modules: { declarations?: ManifestElement[] }[];
};
const ELEMENTS = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((d) => d.tagName);
const TAGS = ['gan-arena', 'pixel-rnn-canvas', 'sentence-morph', 'vae-latent-explorer'];

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
const READY_MS = 60_000;
const CJK = /[\u3400-\u9fff]/;

/** Opens `url` in a fixed iframe in view (elements start when near the viewport); collects page errors. */
async function openPage(
  url: string,
  width = 1000,
  height = 760,
  withElements = true,
): Promise<{ frame: HTMLIFrameElement; doc: Document; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `position: fixed; left: 0; top: 0; width: ${width}px; height: ${height}px; border: 0; background: #fff;`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) =>
    errors.push(`unhandled rejection: ${String(event.reason)}`),
  );
  const defined =
    !withElements ||
    (await Promise.race([
      win.customElements.whenDefined('vae-latent-explorer').then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000)),
    ]));
  if (!defined) throw new Error(`${url}: the elements were never defined (is dist/ built?)`);
  return { frame, doc: frame.contentDocument!, errors };
}

function visibleError(el: Element): string {
  const box = el.shadowRoot?.querySelector('[part~="error"]');
  return box?.textContent?.trim() ?? '';
}

/** Scrolls `el` into view and waits for `ready`; fails with the element's own message if it shows one. */
async function readyWithoutError(el: GenerativeElementLike): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    el.ready.then(() => 'ready'),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), READY_MS))),
  ]);
  clearTimeout(timer);
  await el.updateComplete;
  const label = `<${el.localName} id="${el.id}">`;
  expect(visibleError(el), `${label} shows an error`).to.equal('');
  expect(outcome, `${label} did not reach ready in ${READY_MS / 1000} s`).to.equal('ready');
}

/** The text a reader sees in an element's shadow DOM (no style text). */
function shadowText(el: Element): string {
  const root = el.shadowRoot;
  if (!root) return '';
  const walker = el.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('style, script')) text += `${node.textContent} `;
  }
  return text.replace(/\s+/g, ' ');
}

async function axeViolations(
  frame: HTMLIFrameElement,
): Promise<{ page: string[]; elements: string[] }> {
  const win = frame.contentWindow as AxeWindow;
  const doc = frame.contentDocument!;
  if (!win.axe) {
    const script = doc.createElement('script');
    script.textContent = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    doc.head.append(script);
  }
  const { violations } = await win.axe!.run(doc, { resultTypes: ['violations'] });
  const page: string[] = [];
  const elements: string[] = [];
  for (const rule of violations) {
    for (const node of rule.nodes) {
      // A nested target list is a path through shadow roots: the node is inside an element.
      const inShadow = node.target.some((part) => Array.isArray(part));
      (inShadow ? elements : page).push(
        `${rule.id} (${rule.impact}): ${rule.help} at ${JSON.stringify(node.target)} ${node.html.slice(0, 120)}`,
      );
    }
  }
  return { page, elements };
}

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

describe('reference docs /dist/docs/', function () {
  this.timeout(READY_MS + 60_000);

  it('the index links every element of custom-elements.json', async () => {
    const { frame, doc } = await openPage('/dist/docs/index.html', 1000, 760, false);
    try {
      expect(doc.querySelectorAll('h1').length).to.equal(1);
      expect(ELEMENTS.map((e) => e.tagName).sort()).to.deep.equal(TAGS);
      for (const element of ELEMENTS) {
        const link = doc.querySelector<HTMLAnchorElement>(`main a[href="${element.tagName}.html"]`);
        expect(link, `link to ${element.tagName}`).to.not.equal(null);
        expect(link!.textContent).to.include(element.tagName);
      }
      for (const th of doc.querySelectorAll('th'))
        expect(th.getAttribute('scope'), 'th scope').to.be.oneOf(['col', 'row']);
      const { page, elements } = await axeViolations(frame);
      expect([...page, ...elements], [...page, ...elements].join('\n')).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  for (const tag of TAGS) {
    it(`${tag}.html lists the element's API and its live example works`, async () => {
      const index = await openPage('/dist/docs/index.html', 1000, 760, false);
      const href = index.doc.querySelector<HTMLAnchorElement>(`main a[href="${tag}.html"]`)!.href;
      index.frame.remove();
      const { frame, doc, errors } = await openPage(href);
      try {
        const element = ELEMENTS.find((e) => e.tagName === tag)!;
        expect(doc.querySelectorAll('h1').length).to.equal(1);
        expect(doc.querySelector('h1')!.textContent).to.include(tag);
        const section = (id: string) => {
          const heading = doc.getElementById(id);
          expect(heading, `section #${id}`).to.not.equal(null);
          return heading!.nextElementSibling?.matches('p')
            ? heading!.nextElementSibling.nextElementSibling!
            : heading!.nextElementSibling!;
        };
        const rowHeaders = (id: string) =>
          [...section(id).querySelectorAll('tbody th[scope="row"]')].map((th) =>
            th.textContent.trim(),
          );
        expect(rowHeaders('attributes').sort()).to.deep.equal(
          (element.attributes ?? []).map((a) => a.name).sort(),
        );
        const attributeRows = [...section('attributes').querySelectorAll('tbody tr')];
        for (const attribute of element.attributes ?? []) {
          const row = attributeRows.find(
            (tr) => tr.querySelector('th')!.textContent.trim() === attribute.name,
          )!;
          expect(
            row.querySelectorAll('td')[0].textContent.trim(),
            `${attribute.name} property`,
          ).to.equal(attribute.fieldName);
        }
        const publicMethods = (element.members ?? []).filter(
          (m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public',
        );
        expect(rowHeaders('methods').sort()).to.deep.equal(publicMethods.map((m) => m.name).sort());
        expect(rowHeaders('events').sort()).to.deep.equal(
          (element.events ?? []).map((e) => e.name).sort(),
        );
        expect(rowHeaders('css-parts').sort()).to.deep.equal(
          (element.cssParts ?? []).map((p) => p.name).sort(),
        );
        expect(rowHeaders('css-properties').sort()).to.deep.equal(
          (element.cssProperties ?? []).map((p) => p.name).sort(),
        );
        for (const th of doc.querySelectorAll('th'))
          expect(th.getAttribute('scope'), 'th scope').to.be.oneOf(['col', 'row']);

        const example = doc.querySelector<GenerativeElementLike>(`.example ${tag}`);
        expect(example, 'live example').to.not.equal(null);
        await readyWithoutError(example!);
        expect(errors).to.deep.equal([]);
        const { page, elements } = await axeViolations(frame);
        expect(page, page.join('\n')).to.deep.equal([]);
        expect(elements, `inside <${tag}>:\n${elements.join('\n')}`).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
