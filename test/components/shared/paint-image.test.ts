// paintImage(): an ImageData drawn into a canvas, the canvas sized to it.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { paintImage } from '../../../components/shared/paint-image.js';

function image(width: number, height: number, rgba: [number, number, number, number]): ImageData {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return new ImageData(data, width, height);
}

describe('paintImage', () => {
  it('sizes the canvas to the image and draws it, again when the image changes', () => {
    const container = document.createElement('div');
    const draw = (picture: ImageData) =>
      render(html`<canvas ${paintImage(picture)}></canvas>`, container);
    const red = image(3, 2, [255, 0, 0, 255]);
    draw(red);
    const canvas = container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).to.deep.equal([3, 2]);
    const pixel = () => Array.from(canvas.getContext('2d')!.getImageData(1, 1, 1, 1).data);
    expect(pixel()).to.deep.equal([255, 0, 0, 255]);
    draw(image(4, 4, [0, 0, 255, 255]));
    expect([canvas.width, canvas.height]).to.deep.equal([4, 4]);
    expect(pixel()).to.deep.equal([0, 0, 255, 255]);
  });

  it('belongs on a canvas element, not in an attribute', () => {
    const container = document.createElement('div');
    const picture = image(1, 1, [0, 0, 0, 255]);
    expect(() => render(html`<canvas title=${paintImage(picture)}></canvas>`, container)).to.throw(
      /belongs on a <canvas>/,
    );
  });
});
