// Sentences with accents, emoji and other scripts: nothing is dropped in silence. Accents come off
// where the plain word is what the model reads, and every word it cannot spell is listed under
// the input.
import { expect } from '@open-wc/testing';
import '../../components/sentence-morph/sentence-morph.js';

describe('<sentence-morph> with any Unicode input', () => {
  it('lists the words it cannot spell, and still morphs', async () => {
    const morph = document.createElement('sentence-morph');
    morph.setAttribute('loading', 'eager');
    morph.setAttribute('seed', '3');
    morph.setAttribute('from', 'The old café was closed for the winter 🙂');
    morph.setAttribute('to', 'We said שלום to the people in the hall');
    document.body.append(morph);
    await morph.ready;
    await morph.updateComplete;
    const summaries = [...morph.shadowRoot!.querySelectorAll('.unknown-summary')].map(
      (p) => p.textContent ?? '',
    );
    expect(summaries[0]).to.include('🙂');
    expect(summaries[1]).to.include('שלום');
    const sentences = await morph.morph('The old café was closed 🙂', 'We said שלום to them', 3);
    expect(sentences).to.have.length(5);
    // The accent is taken off, never half the word: no "caf" in the reconstruction of the first.
    expect(sentences[0].toLowerCase()).to.not.match(/\bcaf\b/);
    morph.remove();
  });
});
