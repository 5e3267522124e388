// The reference docs (dist/docs/*.html) as a reader gets them after `npm run build`, each opened
// in an iframe: the index links every element, each element's page lists the API that
// custom-elements.json gives, its live example reaches `ready` with no visible error, and
// axe-core finds nothing.
import { expect } from '@open-wc/testing';
import {
  READY_MS,
  TAGS,
  axeViolations,
  openPage,
  readyWithoutError,
  type GenerativeElementLike,
} from './page-helpers.js';

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

const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as {
  modules: { declarations?: ManifestElement[] }[];
};
const ELEMENTS = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((d) => d.tagName);

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
