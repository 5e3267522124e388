// cssProperties(): inline styles through the CSSOM, with properties no longer given removed.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssProperties } from '../../../components/shared/css-properties.js';

describe('cssProperties', () => {
  it('sets the properties given, changes them, and removes those left out', () => {
    const container = document.createElement('div');
    const draw = (properties: Record<string, string>) =>
      render(html`<div ${cssProperties(properties)}></div>`, container);
    draw({ top: '20%', '--ink': 'red' });
    const div = container.querySelector('div')!;
    expect(div.style.getPropertyValue('top')).to.equal('20%');
    expect(div.style.getPropertyValue('--ink')).to.equal('red');
    draw({ top: '30%' });
    expect(container.querySelector('div')).to.equal(div);
    expect(div.style.getPropertyValue('top')).to.equal('30%');
    expect(div.style.getPropertyValue('--ink')).to.equal('');
  });

  it('belongs on an element, not in an attribute', () => {
    const container = document.createElement('div');
    expect(() =>
      render(html`<div class=${cssProperties({ top: '0' })}></div>`, container),
    ).to.throw(/belongs on an element/);
  });
});
