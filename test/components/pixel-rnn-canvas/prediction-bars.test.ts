// renderPredictionBars: one bar per palette colour, as tall as its probability, the drawn colour
// marked; for a sigmoid model, its R, G and B means and the colour they make.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderPredictionBars } from '../../../components/pixel-rnn-canvas/prediction-bars.js';

const PALETTE = [
  [255, 255, 255],
  [255, 0, 0],
  [0, 0, 255],
] as const;

function bars(input: Partial<Parameters<typeof renderPredictionBars>[0]>): HTMLElement {
  const container = document.createElement('div');
  render(
    renderPredictionBars({
      encoding: 'one-hot',
      palette: PALETTE,
      values: [],
      colourName: (index) => `colour ${index + 1}`,
      meanColourName: 'mean colour',
      ...input,
    }),
    container,
  );
  return container;
}

describe('renderPredictionBars', () => {
  it('draws a bar per colour, in that colour, as tall as its probability', () => {
    const container = bars({ values: [0.1, 0.6, 0.3], drawnIndex: 2 });
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).to.equal('colour 2: 60%');
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects.length).to.equal(4); // three bars and the mark under the drawn colour
    const [first, second, third, mark] = rects;
    expect(Number(second.getAttribute('height'))).to.be.closeTo(36, 1e-9);
    expect(Number(first.getAttribute('height'))).to.be.closeTo(6, 1e-9);
    expect(second.getAttribute('fill')).to.equal('rgb(255,0,0)');
    expect(third.querySelector('title')!.textContent).to.equal('colour 3: 30.0%');
    expect(mark.getAttribute('x')).to.equal(third.getAttribute('x'));
  });

  it('shows a sigmoid model’s mean as three channel bars and a swatch', () => {
    const container = bars({ encoding: 'sigmoid', values: [1, 0.5, -0.2] });
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).to.equal('mean colour: R 255, G 128, B 0');
    const heights = [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights).to.deep.equal([60, 30, 0]);
    const swatch = container.querySelector<HTMLElement>('.swatch')!;
    expect(swatch.style.getPropertyValue('background')).to.equal('rgb(255, 128, 0)');
  });
});
