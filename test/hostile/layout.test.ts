// No control outside its element: both lecture pages, every element's panels open, at a phone's
// 320 and 390 px, a tablet's 768 px and a laptop's 1280 px; and no sideways scrolling.
import { expect } from '@open-wc/testing';
import { TAGS as ELEMENT_TAGS } from '../registry.js';

const WIDTHS = [320, 390, 768, 1280];
const PAGES = ['/demo/lecture.html', '/demo/lecture.zh-Hans.html'];
const TAGS = ELEMENT_TAGS.join(', ');
const CONTROLS = 'button, input, select, textarea, label, summary, [role="slider"]';

async function open(
  url: string,
  width: number,
): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `position: fixed; left: 0; top: 0; width: ${width}px; height: 800px; border: 0;`;
  frame.src = url;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined('gan-arena');
  return { frame, doc: frame.contentDocument! };
}

/** Every control inside `root`, nested shadow roots included. */
function controlsIn(root: ParentNode): Element[] {
  const found: Element[] = [...root.querySelectorAll(CONTROLS)];
  for (const host of root.querySelectorAll('*'))
    if (host.shadowRoot) found.push(...controlsIn(host.shadowRoot));
  return found;
}

/** The canvases inside `root`, nested shadow roots included. */
function picturesIn(root: ParentNode): Element[] {
  const found: Element[] = [...root.querySelectorAll('canvas')];
  for (const host of root.querySelectorAll('*'))
    if (host.shadowRoot) found.push(...picturesIn(host.shadowRoot));
  return found;
}

function openPanels(root: ParentNode): void {
  for (const details of root.querySelectorAll('details')) details.open = true;
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) openPanels(host.shadowRoot);
}

function describeControl(control: Element): string {
  const text =
    (control.textContent ?? '').trim().slice(0, 30) || control.getAttribute('aria-label') || '';
  return `<${control.localName}${control.getAttribute('part') ? ` part="${control.getAttribute('part')}"` : ''}> "${text}"`;
}

describe('layout: controls stay inside their element', function () {
  this.timeout(300000);
  for (const url of PAGES) {
    for (const width of WIDTHS) {
      it(`${url} at ${width} px`, async () => {
        const { frame, doc } = await open(url, width);
        const elements = [
          ...doc.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>(TAGS),
        ];
        await Promise.all(elements.map((el) => el.updateComplete));
        for (const el of elements) openPanels(el.shadowRoot!);
        await Promise.all(elements.map((el) => el.updateComplete));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const outside: string[] = [];
        for (const el of elements) {
          const box = el.getBoundingClientRect();
          const pictures = picturesIn(el.shadowRoot!);
          for (const control of controlsIn(el.shadowRoot!)) {
            const r = control.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const over = Math.max(box.left - r.left, r.right - box.right);
            if (over > 1)
              outside.push(`#${el.id} ${describeControl(control)} by ${over.toFixed(0)} px`);
            // Nor over a picture of its element (a canvas it does not hold).
            for (const picture of pictures) {
              if (control.contains(picture) || picture.contains(control)) continue;
              const p = picture.getBoundingClientRect();
              const across = Math.min(r.right, p.right) - Math.max(r.left, p.left);
              const down = Math.min(r.bottom, p.bottom) - Math.max(r.top, p.top);
              if (across > 2 && down > 2)
                outside.push(`#${el.id} ${describeControl(control)} over a <canvas>`);
            }
          }
        }
        const sideways = doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
        frame.remove();
        expect(outside, outside.join('\n')).to.deep.equal([]);
        expect(sideways, 'sideways scrolling (px)').to.be.at.most(0);
      });
    }
  }
});
