/**
 * `<canvas ${paintImage(imageData)}>`: draws an image into a canvas. Thumbnails are canvases
 * rather than `<img src="data:…">` because a page's CSP (`img-src 'self'`) may block data: URLs.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class PaintImageDirective extends Directive {
  #painted: ImageData | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('paintImage() belongs on a <canvas>: <canvas ${paintImage(image)}>');
  }

  render(_image: ImageData) {
    return noChange;
  }

  override update(part: ElementPart, [image]: [ImageData]) {
    if (image === this.#painted) return noChange;
    const canvas = part.element as HTMLCanvasElement;
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.getContext('2d')?.putImageData(image, 0, 0);
    this.#painted = image;
    return noChange;
  }
}

export const paintImage = directive(PaintImageDirective);
