// The UI language of an element, placeholders and numbers in it.
import { expect } from '@open-wc/testing';
import {
  format,
  formatNumber,
  resolveLang,
  type Strings,
} from '../../../components/shared/i18n.js';
import { SHARED_STRINGS } from '../../../components/shared/strings.js';
import { PROBLEM_STRINGS } from '../../../components/shared/problem-strings.js';
import { STRINGS as GAN_STRINGS } from '../../../components/gan-arena/strings.js';
import { STRINGS as PIXEL_STRINGS } from '../../../components/pixel-rnn-canvas/strings.js';
import { STRINGS as MORPH_STRINGS } from '../../../components/sentence-morph/strings.js';
import { STRINGS as EXPLORER_STRINGS } from '../../../components/vae-latent-explorer/strings.js';

/** Every string of a table, by its path of keys, with the placeholders it has. */
function placeholders(value: unknown, path = ''): Record<string, string[]> {
  if (typeof value === 'string')
    return { [path]: [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() };
  return Object.assign(
    {},
    ...Object.entries(value as Record<string, unknown>).map(([key, inner]) =>
      placeholders(inner, `${path}.${key}`),
    ),
  ) as Record<string, string[]>;
}

describe('i18n', () => {
  it('takes the language from the element, else its nearest ancestor, else the page', () => {
    const box = document.createElement('div');
    const element = document.createElement('span');
    box.append(element);
    document.body.append(box);
    const pageLang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'zh-CN';
      expect(resolveLang(element)).to.equal('zh-Hans');
      box.lang = 'de';
      expect(resolveLang(element)).to.equal('en');
      element.lang = 'zh-Hant-TW';
      expect(resolveLang(element)).to.equal('zh-Hans'); // any Chinese tag
      element.lang = 'zhx';
      expect(resolveLang(element)).to.equal('en'); // not a Chinese tag
      element.removeAttribute('lang');
      box.removeAttribute('lang');
      document.documentElement.lang = '';
      expect(resolveLang(element)).to.equal('en');
    } finally {
      document.documentElement.lang = pageLang;
      box.remove();
    }
  });

  it('fills {name} placeholders and leaves unknown ones as they are', () => {
    expect(format('step {step}/{total}', { step: 3, total: 10 })).to.equal('step 3/10');
    expect(format('{a}{a} {b}', { a: 'x' })).to.equal('xx {b}');
    expect(format('no placeholders', { a: 1 })).to.equal('no placeholders');
  });

  it('has every string in every language, with the same placeholders', () => {
    const tables: Record<string, Strings<unknown>> = {
      shared: SHARED_STRINGS,
      problems: PROBLEM_STRINGS,
      'gan-arena': GAN_STRINGS,
      'pixel-rnn-canvas': PIXEL_STRINGS,
      'sentence-morph': MORPH_STRINGS,
      'vae-latent-explorer': EXPLORER_STRINGS,
    };
    for (const [name, table] of Object.entries(tables)) {
      const english = placeholders(table.en);
      expect(Object.keys(english).length, name).to.be.greaterThan(2);
      for (const [path, names] of Object.entries(placeholders(table['zh-Hans'])))
        expect(names, `${name} zh-Hans${path}`).to.deep.equal(english[path]);
      expect(Object.keys(placeholders(table['zh-Hans'])).sort(), name).to.deep.equal(
        Object.keys(english).sort(),
      );
    }
  });

  it('writes numbers with the given number of decimals', () => {
    expect(formatNumber('en', 1234.567)).to.equal('1,234.6');
    expect(formatNumber('en', 0.5, 3)).to.equal('0.500');
    expect(formatNumber('zh-Hans', 2, 0)).to.equal('2');
  });
});
