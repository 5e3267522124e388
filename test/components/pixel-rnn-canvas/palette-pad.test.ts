// <ge-palette-pad>: a small image painted pixel by pixel in a palette's colours, read back as
// palette indices; the swatches choose the colour.
import { expect } from '@open-wc/testing';
import '../../../components/pixel-rnn-canvas/palette-pad.js';
import type { PalettePad } from '../../../components/pixel-rnn-canvas/palette-pad.js';
import { pointerAt } from '../element-helpers.js';

async function pad(): Promise<PalettePad> {
  const element = document.createElement('ge-palette-pad');
  element.palette = [
    [255, 255, 255],
    [0, 0, 0],
    [255, 0, 0],
  ];
  element.size = 4;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

describe('<ge-palette-pad>', () => {
  it('paints the chosen colour where the pointer goes, and clears', async () => {
    const element = await pad();
    expect(element.isEmpty).to.equal(true);
    expect(Array.from(element.indices)).to.deep.equal(new Array(16).fill(0));
    const swatches = element.shadowRoot!.querySelectorAll('button');
    expect(swatches.length).to.equal(3);
    swatches[2].click();
    await element.updateComplete;
    expect(swatches[2].getAttribute('aria-pressed')).to.equal('true');
    const canvas = element.shadowRoot!.querySelector('canvas')!;
    const at = (type: string, column: number, row: number) =>
      pointerAt(canvas, type, (column + 0.5) / 4, (row + 0.5) / 4);
    at('pointerdown', 1, 0);
    at('pointermove', 2, 0);
    at('pointerup', 2, 0);
    at('pointermove', 3, 3); // not painting any more
    const painted = new Array(16).fill(0);
    painted[1] = painted[2] = 2;
    expect(Array.from(element.indices)).to.deep.equal(painted);
    expect(element.isEmpty).to.equal(false);
    const { data } = canvas.getContext('2d')!.getImageData(1, 0, 1, 1);
    expect(Array.from(data)).to.deep.equal([255, 0, 0, 255]);
    element.clear();
    expect(element.isEmpty).to.equal(true);
    element.remove();
  });

  it('starts a blank painting for a new size or a palette without the colours used', async () => {
    const element = await pad();
    element.shadowRoot!.querySelectorAll('button')[2].click();
    await element.updateComplete;
    pointerAt(element.shadowRoot!.querySelector('canvas')!, 'pointerdown', 0.1, 0.1);
    expect(element.isEmpty).to.equal(false);
    element.palette = [
      [255, 255, 255],
      [0, 0, 0],
    ];
    await element.updateComplete;
    expect(element.isEmpty).to.equal(true);
    element.size = 8;
    await element.updateComplete;
    expect(element.indices.length).to.equal(64);
    element.remove();
  });
});
