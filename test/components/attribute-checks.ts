// Checks shared by the elements' attributes.test.ts files: each parser against a table of
// inputs, and the problem messages against the bounds the parsers use.
import { expect } from '@open-wc/testing';
import type { Strings } from '../../components/shared/i18n.js';

/** `parse(input)` deep-equals `expected` for every [input, expected] row. */
export function expectParses<I, T>(parse: (input: I) => T, rows: [I, T][]): void {
  for (const [input, expected] of rows)
    expect(parse(input), `parsing ${JSON.stringify(input)}`).to.deep.equal(expected);
}

const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();

/**
 * Every problem has a message in every language; the English one states each of `stated[problem]`
 * (the bounds or choices the parser uses), and every language states the same numbers.
 */
export function expectProblemMessages<P extends string>(
  strings: Strings<{ problems: Record<P, string> }>,
  stated: Partial<Record<P, readonly (string | number)[]>>,
): void {
  const english = strings.en.problems;
  for (const [problem, words] of Object.entries(stated) as [P, (string | number)[]][])
    for (const word of words) expect(english[problem], problem).to.contain(String(word));
  for (const lang of Object.keys(strings) as (keyof typeof strings)[]) {
    const messages = strings[lang].problems;
    expect(Object.keys(messages).sort(), lang).to.deep.equal(Object.keys(english).sort());
    for (const problem of Object.keys(english) as P[]) {
      expect(messages[problem].trim(), `${lang} ${problem}`).to.not.equal('');
      expect(numbersIn(messages[problem]), `${lang} ${problem}`).to.deep.equal(
        numbersIn(english[problem]),
      );
    }
  }
}
