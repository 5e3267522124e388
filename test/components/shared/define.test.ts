// defineElement: a tag is registered once per page; a second definition leaves the first.
import { expect } from '@open-wc/testing';
import { defineElement } from '../../../components/shared/define.js';

describe('defineElement', () => {
  it('defines a tag, and keeps the first class when the tag is defined again', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    expect(customElements.get('ge-define-test')).to.equal(undefined);
    defineElement('ge-define-test', First);
    expect(customElements.get('ge-define-test')).to.equal(First);
    expect(() => defineElement('ge-define-test', Second)).to.not.throw();
    expect(customElements.get('ge-define-test')).to.equal(First);
    expect(document.createElement('ge-define-test')).to.be.instanceOf(First);
  });
});
