// <ge-draw-pad>: a black square to draw on; strokes in white ink, an event after each, an image
// shown in it scaled to fill it, and clear().
import { expect } from '@open-wc/testing';
import '../../../components/shared/draw-pad.js';
import type { DrawPad } from '../../../components/shared/draw-pad.js';
import { nextEvent } from '../../helpers.js';
import { pointerAt } from '../element-helpers.js';

async function pad(): Promise<DrawPad> {
  const element = document.createElement('ge-draw-pad');
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** The share of the pad's pixels that are not black. */
function ink(element: DrawPad): number {
  const { data } = element.toImageData();
  let lit = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] > 0) lit++;
  return lit / (data.length / 4);
}

describe('<ge-draw-pad>', () => {
  it('starts empty and black, labelled for screen readers', async () => {
    const element = await pad();
    expect(element.isEmpty).to.equal(true);
    expect(ink(element)).to.equal(0);
    expect(element.toImageData().width).to.equal(280);
    expect(element.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).to.equal(
      'Drawing pad',
    );
    element.remove();
  });

  it('draws a stroke in white where the pointer goes, and says when the stroke ends', async () => {
    const element = await pad();
    const canvas = element.shadowRoot!.querySelector('canvas')!;
    const at = (type: string, fx: number, fy: number) => pointerAt(canvas, type, fx, fy);
    const ended = nextEvent(element, 'draw-end', 2000);
    at('pointerdown', 0.5, 0.2);
    at('pointermove', 0.5, 0.8);
    at('pointerup', 0.5, 0.8);
    await ended;
    expect(element.isEmpty).to.equal(false);
    const { data } = element.toImageData();
    const pixel = (x: number, y: number) => data[(y * 280 + x) * 4];
    expect(pixel(140, 140)).to.equal(255); // on the stroke
    expect(pixel(20, 140)).to.equal(0); // far from it
    element.clear();
    expect(element.isEmpty).to.equal(true);
    expect(ink(element)).to.equal(0);
    element.remove();
  });

  it('shows an image scaled to fill it', async () => {
    const element = await pad();
    const white = new ImageData(new Uint8ClampedArray(28 * 28 * 4).fill(255), 28, 28);
    element.show(white);
    expect(element.isEmpty).to.equal(false);
    expect(ink(element)).to.be.greaterThan(0.99);
    element.remove();
  });
});
