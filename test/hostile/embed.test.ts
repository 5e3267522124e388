// dist/embed.html, as a course platform uses it: an iframe on another origin shows one element
// from the URL, sizes itself through postMessage and passes on the element's events; a tag or an
// attribute outside the documented ones is refused with a visible message, and nothing from the
// URL becomes HTML.
import { expect } from '@open-wc/testing';

interface EmbedMessage {
  type: `generative-elements:${'height' | 'event' | 'refused'}`;
  height?: number;
  name?: string;
  tag?: string;
  detail?: unknown;
  message?: string;
}

/** The same server under another host name: another origin for the browser. */
const OTHER_ORIGIN = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

function embedFrame(
  query: string,
  origin = OTHER_ORIGIN,
): { frame: HTMLIFrameElement; messages: EmbedMessage[] } {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 700px; height: 300px; border: 0;';
  const messages: EmbedMessage[] = [];
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as EmbedMessage | undefined;
    if (event.source === frame.contentWindow && data?.type?.startsWith('generative-elements:'))
      messages.push(data);
  });
  frame.src = `${origin}/dist/embed.html?${query}`;
  document.body.append(frame);
  return { frame, messages };
}

async function until<T>(find: () => T | undefined, ms: number, what: string): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('embed.html in an iframe on another origin', function () {
  this.timeout(120000);

  it('is really on another origin', () => {
    expect(new URL(OTHER_ORIGIN).origin).to.not.equal(location.origin);
  });

  for (const [tag, query, event] of [
    ['gan-arena', 'tag=gan-arena&distribution=moons&controls=playback%20charts&running', 'round'],
    ['vae-latent-explorer', 'tag=vae-latent-explorer&grid-size=5&controls=none', 'model-ready'],
    [
      'pixel-rnn-canvas',
      'tag=pixel-rnn-canvas&dataset=digits&autoplay&speed=instant',
      'generate-end',
    ],
    ['sentence-morph', 'tag=sentence-morph&steps=3&controls=none&lang=zh-Hans', 'morph'],
  ] as const) {
    it(`shows <${tag}>, tells its height and passes on its "${event}" events`, async () => {
      const { frame, messages } = embedFrame(query);
      const sized = await until(
        () =>
          messages.find((m) => m.type === 'generative-elements:height' && (m.height ?? 0) > 150),
        60000,
        'a height message',
      );
      // The host snippet in docs/teaching-kit.md does this:
      frame.style.height = `${sized.height}px`;
      const passed = await until(
        () => messages.find((m) => m.type === 'generative-elements:event' && m.name === event),
        90000,
        `the ${event} event`,
      );
      expect(passed.tag).to.equal(tag);
      expect(messages.some((m) => m.type === 'generative-elements:refused')).to.equal(false);
      frame.remove();
    });
  }

  it('refuses a tag outside the four, visibly, without making HTML from the URL', async () => {
    const { frame, messages } = embedFrame('tag=img&src=x&onerror=alert(1)', location.origin);
    const refused = await until(
      () => messages.find((m) => m.type === 'generative-elements:refused'),
      30000,
      'a refusal',
    );
    expect(refused.message).to.contain('"tag=img" is not one of them');
    const doc = frame.contentDocument!;
    const alert = doc.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('gan-arena');
    expect(doc.querySelector('main img, main script, main [onerror]')).to.equal(null);
    frame.remove();
  });

  it('refuses an attribute the element does not document, and HTML in values stays text', async () => {
    const { frame, messages } = embedFrame(
      'tag=gan-arena&onclick=alert(1)&mode=digits',
      location.origin,
    );
    const refused = await until(
      () => messages.find((m) => m.type === 'generative-elements:refused'),
      30000,
      'a refusal',
    );
    expect(refused.message).to.contain('"onclick"');
    expect(frame.contentDocument!.querySelector('gan-arena')).to.equal(null);
    frame.remove();

    const markup = embedFrame(
      'tag=sentence-morph&from=%3Cimg%20src%3Dx%3E&controls=none',
      location.origin,
    );
    await until(
      () =>
        markup.messages.find(
          (m) => m.type === 'generative-elements:event' && m.name === 'model-ready',
        ),
      90000,
      'model-ready',
    );
    const doc = markup.frame.contentDocument!;
    expect(doc.querySelector('sentence-morph')!.getAttribute('from')).to.equal('<img src=x>');
    expect(doc.querySelectorAll('img').length).to.equal(0);
    markup.frame.remove();
  });

  it("checks values as the element does: a bad value shows the element's own message", async () => {
    const { frame, messages } = embedFrame(
      'tag=gan-arena&d-steps=many&controls=none',
      location.origin,
    );
    await until(
      () =>
        messages.find((m) => m.type === 'generative-elements:event' && m.name === 'model-ready'),
      60000,
      'model-ready',
    );
    const arena = frame.contentDocument!.querySelector('gan-arena')!;
    const shown = arena.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '';
    expect(shown).to.match(/d-steps/);
    frame.remove();
  });
});
