// `poster`: an image shows at once, before the model is ready (a bundled preview by default, or
// the page's own), and goes when the first output is drawn.
import { expect } from '@open-wc/testing';
import '../../src/generative-elements.js';

const poster = (element: HTMLElement) =>
  element.shadowRoot!.querySelector<HTMLImageElement>('[part="poster"]');

describe('poster', () => {
  it('shows the bundled preview until the first output, then goes', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.updateComplete;
    const image = poster(explorer)!;
    expect(image.getAttribute('src')).to.match(/starter-digits\.png$/);
    await image.decode(); // a real image, served
    expect(image.naturalWidth).to.be.above(0);
    await explorer.ready;
    await explorer.updateComplete;
    expect(poster(explorer)).to.equal(null);
    explorer.remove();
  });

  it('shows each PixelRNN dataset its own bundled preview, a real image', async () => {
    const box = document.createElement('div');
    box.style.display = 'none'; // never starts
    document.body.append(box);
    for (const [dataset, file] of [
      ['digits', /pixel-rnn-digits\/samples\.png$/],
      ['emoji', /pixel-rnn-emoji\/samples\.png$/],
    ] as const) {
      const canvas = document.createElement('pixel-rnn-canvas');
      canvas.setAttribute('dataset', dataset);
      box.append(canvas);
      await canvas.updateComplete;
      const image = poster(canvas)!;
      expect(image.getAttribute('src')).to.match(file);
      const response = await fetch(image.src);
      expect(response.headers.get('content-type')).to.match(/image\/png/);
    }
    box.remove();
  });

  it('draws the real points of a 2-d arena at once, before its networks exist', async () => {
    const box = document.createElement('div');
    box.style.display = 'none'; // never starts
    document.body.append(box);
    const arena = document.createElement('gan-arena');
    arena.setAttribute('mode', '2d');
    arena.setAttribute('distribution', 'ring');
    box.append(arena);
    await arena.updateComplete;
    const canvas = arena.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plane')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    expect(painted).to.be.above(100);
    expect(arena.activeBackend).to.equal(null); // nothing started
    box.remove();
  });

  it("shows the page's own poster, and none where the element has no preview", async () => {
    const box = document.createElement('div');
    box.style.display = 'none'; // never starts
    document.body.append(box);
    const own = document.createElement('vae-latent-explorer');
    own.setAttribute('poster', '/weights/gan-digits/samples.png');
    const morph = document.createElement('sentence-morph') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    box.append(own, morph);
    await own.updateComplete;
    await morph.updateComplete;
    expect(poster(own)!.getAttribute('src')).to.equal('/weights/gan-digits/samples.png');
    expect(poster(morph)).to.equal(null);
    box.remove();
  });
});
