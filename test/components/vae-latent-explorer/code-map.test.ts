// renderCodeMap: each digit's code as its mean with a one-σ ellipse in the plane of the two
// swept dimensions (up is positive), coloured by class, the grid's centre marked.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { CLASS_COLOURS, renderCodeMap } from '../../../components/vae-latent-explorer/code-map.js';

describe('renderCodeMap', () => {
  it('draws each code in the swept plane with its σ ellipse and class colour', () => {
    const container = document.createElement('div');
    const points = [
      {
        mean: Float32Array.from([1, 2, 3]),
        logVar: Float32Array.from([0, Math.log(0.25), 0]),
        label: 3,
      },
      {
        mean: Float32Array.from([-1, 0, 0.5]),
        logVar: Float32Array.from([0, 0, Math.log(4)]),
        label: 7,
      },
    ];
    render(
      renderCodeMap(points, [0, 2], Float32Array.from([0.5, 0, -1]), 'the map', 'Title'),
      container,
    );
    expect(container.querySelector('figcaption')!.textContent).to.equal('Title');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).to.equal('the map');
    const ellipses = [...container.querySelectorAll('ellipse')];
    const geometry = (e: Element) =>
      ['cx', 'cy', 'rx', 'ry'].map((name) => Number(e.getAttribute(name)).toFixed(6));
    expect(geometry(ellipses[0])).to.deep.equal(['1.000000', '-3.000000', '1.000000', '1.000000']);
    expect(geometry(ellipses[1])).to.deep.equal(['-1.000000', '-0.500000', '1.000000', '2.000000']);
    expect(ellipses.map((e) => e.getAttribute('fill'))).to.deep.equal([
      CLASS_COLOURS[3],
      CLASS_COLOURS[7],
    ]);
    expect(container.querySelectorAll('circle').length).to.equal(2);
    expect(container.querySelector('path')!.getAttribute('d')).to.equal(
      'M 0.3 1 h 0.4 M 0.5 0.8 v 0.4',
    );
    expect(container.querySelectorAll('.map-legend .dot').length).to.equal(10);
  });
});
