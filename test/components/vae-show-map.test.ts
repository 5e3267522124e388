// `show-map`: the bundled test digits encoded, drawn in the plane of the swept dims with their σ
// ellipses, coloured by class; it follows the swept dims.
import { expect } from '@open-wc/testing';
import '../../components/vae-latent-explorer/vae-latent-explorer.js';
import { CLASS_COLOURS } from '../../components/vae-latent-explorer/code-map.js';

describe('<vae-latent-explorer show-map>', () => {
  it('draws each test digit as a coloured σ ellipse in the swept plane', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    explorer.setAttribute('controls', 'none');
    explorer.toggleAttribute('show-map', true);
    document.body.append(explorer);
    await explorer.ready;
    await explorer.updateComplete;
    expect(explorer.showMap).to.equal(true);
    const ellipses = () => [
      ...explorer.shadowRoot!.querySelectorAll<SVGEllipseElement>('[part="map"] ellipse'),
    ];
    expect(ellipses()).to.have.length(50);
    const colours = new Set(ellipses().map((e) => e.getAttribute('fill')));
    expect([...colours].every((c) => CLASS_COLOURS.includes(c!))).to.equal(true);
    expect(colours.size).to.equal(10);
    // Radii are one σ of q(c | x) in the swept dims: positive, below the prior's 1.
    const radii = ellipses().map((e) => Number(e.getAttribute('rx')));
    expect(radii.every((r) => r > 0 && r < 1.5)).to.equal(true);
    const before = ellipses()[0].getAttribute('cx');
    explorer.sweepDims = [2, 3];
    await explorer.updateComplete;
    expect(ellipses()[0].getAttribute('cx')).to.not.equal(before);
    explorer.showMap = false;
    await explorer.updateComplete;
    expect(ellipses()).to.have.length(0);
    explorer.remove();
  });
});
