// getState / setState / shareLink: a figure's settings round-trip through a link, an element with
// an id takes its state from the page URL, and a bad fragment gives a message and the defaults.
import { expect } from '@open-wc/testing';
import '../../../src/generative-elements.js';
import type { GanArena } from '../../../components/gan-arena/gan-arena.js';
import type { VaeLatentExplorer } from '../../../components/vae-latent-explorer/vae-latent-explorer.js';
import { stateFragment, stateFromFragment } from '../../../components/shared/shareable-state.js';
import { idleElement } from '../element-helpers.js';

describe('shareable state', () => {
  it('reads a state back from a fragment, and reports an unreadable one', () => {
    const state = { attributes: { 'grid-size': '5' }, extras: { code: [1, 2] } };
    const fragment = `#other=x&${stateFragment('fig 1', state)}`;
    expect(stateFromFragment(fragment, 'fig 1')).to.deep.equal(state);
    expect(stateFromFragment(fragment, 'missing')).to.equal(undefined);
    expect(stateFromFragment('#fig=%7Bnot json', 'fig')).to.be.instanceOf(Error);
    expect(
      stateFromFragment(`#${stateFragment('fig', { attributes: { a: 5 } } as never)}`, 'fig'),
    ).to.be.instanceOf(TypeError);
  });

  it('<gan-arena>: settings and custom points round-trip through getState/setState', async () => {
    const arena = await idleElement<GanArena>('gan-arena', {
      'd-steps': '5',
      loss: 'minimax',
      controls: 'playback charts',
    });
    arena.setState({
      ...arena.getState(),
      extras: {
        points: [
          [0.5, 0.5],
          [-0.25, 0.75],
        ],
      },
    });
    arena.distribution = 'custom';
    const state = arena.getState();
    expect(JSON.parse(JSON.stringify(state))).to.deep.equal(state);
    expect(state.attributes).to.include({
      'd-steps': '5',
      loss: 'minimax',
      controls: 'playback charts',
      distribution: 'custom',
    });
    expect(state.extras).to.deep.equal({
      points: [
        [0.5, 0.5],
        [-0.25, 0.75],
      ],
    });

    const copy = await idleElement<GanArena>('gan-arena');
    copy.setState(state);
    await copy.updateComplete;
    expect(copy.getState()).to.deep.equal(state);
    expect(copy.dSteps).to.equal(5);
    expect(() => copy.setState({ attributes: { wings: '2' } })).to.throw(RangeError, /wings/);
    expect(() => copy.setState({ attributes: {}, extras: { points: [[9, 9]] } })).to.throw(
      RangeError,
    );
  });

  it('shareLink puts the state in the fragment; an element with that id applies it on connect', async () => {
    const explorer = await idleElement<VaeLatentExplorer>('vae-latent-explorer', {
      id: 'fig-sweep',
      'grid-size': '5',
      'sweep-dims': '2,7',
    });
    explorer.setCode([0.5, -1, 0, 0, 0, 0, 0, 0, 0, 2]);
    const link = explorer.shareLink();
    expect(link.length).to.be.at.most(2000);
    expect(link).to.include('#fig-sweep=');
    const before = location.href;
    history.replaceState(null, '', link);
    try {
      const opened = await idleElement<VaeLatentExplorer>('vae-latent-explorer', {
        id: 'fig-sweep',
      });
      expect(opened.gridSize).to.equal(5);
      expect(opened.sweepDims).to.deep.equal([2, 7]);
      expect(opened.code).to.deep.equal([0.5, -1, 0, 0, 0, 0, 0, 0, 0, 2]);

      history.replaceState(null, '', `${before.split('#')[0]}#fig-bad=%7Bbroken`);
      const bad = await idleElement<VaeLatentExplorer>('vae-latent-explorer', { id: 'fig-bad' });
      expect(bad.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(
        /could not be used/,
      );
      expect(bad.gridSize).to.equal(9);
    } finally {
      history.replaceState(null, '', before);
    }
    const anonymous = await idleElement<VaeLatentExplorer>('vae-latent-explorer');
    expect(() => anonymous.shareLink()).to.throw(/id/);
  });

  it('the share part gives the link; controls without share hide it', async () => {
    const shown = await idleElement<VaeLatentExplorer>('vae-latent-explorer', {
      id: 'fig-share',
      controls: 'share',
    });
    shown.shadowRoot!.querySelector<HTMLButtonElement>('.share button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shown.updateComplete;
    expect(shown.shadowRoot!.querySelector<HTMLInputElement>('.share input')!.value).to.include(
      '#fig-share=',
    );
    const hiddenShare = await idleElement<VaeLatentExplorer>('vae-latent-explorer', {
      id: 'fig-plain',
      controls: 'none',
    });
    expect(hiddenShare.shadowRoot!.querySelector('.share')).to.equal(null);
  });
});
