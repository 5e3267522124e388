// What the teaching kit's tests share: a built page opened in an iframe as a reader gets it, an
// element's `ready` without a visible error, the text its shadow DOM shows, and axe-core's findings
// (the page's own markup and the elements' shadow DOM reported separately).
import { expect } from '@open-wc/testing';

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
export type GenerativeElementLike = HTMLElement & {
  ready: Promise<void>;
  controls: string;
  updateComplete: Promise<boolean>;
};

/** The package's elements, as components/registry.json lists them (sorted). */
export { TAGS } from '../registry.js';
/** How long an element may take to reach `ready` on a test machine. */
export const READY_MS = 60_000;

/** Opens `url` in a fixed iframe in view (elements start when near the viewport); collects page errors. */
export async function openPage(
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
export async function readyWithoutError(el: GenerativeElementLike): Promise<void> {
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
export function shadowText(el: Element): string {
  const root = el.shadowRoot;
  if (!root) return '';
  const walker = el.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('style, script')) text += `${node.textContent} `;
  }
  return text.replace(/\s+/g, ' ');
}

/** axe-core's violations on the frame's page: in its own markup, and inside the elements. */
export async function axeViolations(
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
