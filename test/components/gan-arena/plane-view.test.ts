// drawPlane: D's decision map as the background (green where D says real, purple where it says
// generated, white where undecided), real and generated points, and G's arrows.
import { expect } from '@open-wc/testing';
import { drawPlane } from '../../../components/gan-arena/plane-view.js';

function canvas(): HTMLCanvasElement {
  const element = document.createElement('canvas');
  element.width = element.height = 100;
  return element;
}

const pixel = (element: HTMLCanvasElement, x: number, y: number) =>
  Array.from(element.getContext('2d')!.getImageData(x, y, 1, 1).data);

describe('drawPlane', () => {
  it('paints D’s verdicts: green for real, purple for generated, white where undecided', () => {
    const plane = canvas();
    // A 3×3 map, row 0 at the top: real across the top, undecided in the middle, fake below.
    const values = [1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0];
    drawPlane(plane, { domain: [-1, 1], decision: { values, size: 3 }, real: [], fake: [] });
    const [r1, g1, b1] = pixel(plane, 50, 2);
    expect(g1).to.be.greaterThan(r1 + 40);
    expect(g1).to.be.greaterThan(b1 + 40);
    const [r0, g0, b0] = pixel(plane, 50, 97);
    expect(b0).to.be.greaterThan(g0 + 40);
    expect(r0).to.be.greaterThan(g0 + 20);
    expect(pixel(plane, 50, 50)).to.deep.equal([255, 255, 255, 255]);
  });

  it('puts real and generated points where they are in the domain, and arrows on the fakes', () => {
    const plane = canvas();
    drawPlane(plane, {
      domain: [-1, 1],
      real: [0.5, 0.5], // x = 75 px, y = 25 px (up is positive)
      fake: [-0.5, -0.5], // x = 25 px, y = 75 px
      arrows: [0, 1], // G pushes the fake point up
    });
    const [r, g, b, a] = pixel(plane, 75, 25);
    expect(a).to.be.greaterThan(150);
    expect(g).to.be.greaterThan(r + b / 2);
    const fake = pixel(plane, 25, 75);
    expect(fake[3]).to.be.greaterThan(150);
    expect(fake[2]).to.be.greaterThan(fake[1] + 60); // purple
    // The arrow is a tenth of the plane long: it reaches 10 px above the fake point.
    expect(pixel(plane, 25, 68)[3]).to.be.greaterThan(0);
    expect(pixel(plane, 25, 58)[3]).to.equal(0);
    expect(pixel(plane, 50, 50)[3]).to.equal(0); // no decision map: the rest stays clear
  });
});
