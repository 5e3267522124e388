/**
 * An interpolated Kneser–Ney 3-gram language model over words (Chen and Goodman 1998), the judge
 * of fluency for the sentence VAE's card. With D a fixed discount and N₁₊ counts of distinct
 * continuations:
 *
 *   P(w | u v) = max(c(u v w) − D, 0) / c(u v ·)  +  D · N₁₊(u v ·) / c(u v ·) · P₂(w | v)
 *   P₂(w | v)  = max(N₁₊(· v w) − D, 0) / N₁₊(· v ·)  +  D · N₁₊(v ·) / N₁₊(· v ·) · P₁(w)
 *   P₁(w)      = max(N₁₊(· w) − D, 0) / N₁₊(· ·)  +  D · N₁₊-types / N₁₊(· ·) · 1 / |V|
 *
 * An unseen context passes all its weight to the lower order. Words seen once in the fitting text
 * are <unk>, so unknown words get the probability the model learned for rare ones.
 */

export const BOS = '<s>';
export const EOS = '</s>';
export const UNKNOWN = '<unk>';

/** A sentence as the n-gram model reads it: lower case, words and punctuation marks apart. */
export function lmWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

export class KneserNeyTrigram {
  readonly discount: number;
  readonly vocabulary: Set<string>;
  private readonly trigram = new Map<string, number>(); // c(u v w)
  private readonly context2 = new Map<string, { count: number; types: number }>(); // c(u v ·), N₁₊(u v ·)
  private readonly continuation2 = new Map<string, number>(); // N₁₊(· v w)
  private readonly middle = new Map<string, { count: number; types: number }>(); // N₁₊(· v ·), N₁₊(v ·) over continuations
  private readonly continuation1 = new Map<string, number>(); // N₁₊(· w)
  private bigramTypes = 0; // N₁₊(· ·)

  constructor(sentences: readonly string[], discount = 0.75) {
    this.discount = discount;
    const counts = new Map<string, number>();
    const tokenised = sentences.map(lmWords);
    for (const words of tokenised) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    this.vocabulary = new Set([...counts].filter(([, c]) => c >= 2).map(([w]) => w));
    this.vocabulary.add(EOS).add(UNKNOWN);
    for (const words of tokenised) {
      const padded = this.pad(words);
      for (let i = 2; i < padded.length; i++) {
        const key = padded[i - 2] + ' ' + padded[i - 1] + ' ' + padded[i];
        this.trigram.set(key, (this.trigram.get(key) ?? 0) + 1);
      }
    }
    const bigrams = new Set<string>();
    for (const [key, count] of this.trigram) {
      const [u, v, w] = key.split(' ');
      const context = this.context2.get(u + ' ' + v) ?? { count: 0, types: 0 };
      context.count += count;
      context.types += 1;
      this.context2.set(u + ' ' + v, context);
      const vw = v + ' ' + w;
      this.continuation2.set(vw, (this.continuation2.get(vw) ?? 0) + 1);
      bigrams.add(vw);
    }
    for (const [vw, n] of this.continuation2) {
      const [v, w] = vw.split(' ');
      const m = this.middle.get(v) ?? { count: 0, types: 0 };
      m.count += n;
      m.types += 1;
      this.middle.set(v, m);
      this.continuation1.set(w, (this.continuation1.get(w) ?? 0) + 1);
    }
    this.bigramTypes = bigrams.size;
  }

  /** ln P(w | u v). */
  logProb(u: string, v: string, w: string): number {
    const D = this.discount;
    const p1 =
      Math.max((this.continuation1.get(w) ?? 0) - D, 0) / this.bigramTypes +
      (D * this.continuation1.size) / this.bigramTypes / this.vocabulary.size;
    const m = this.middle.get(v);
    const p2 = m
      ? Math.max((this.continuation2.get(v + ' ' + w) ?? 0) - D, 0) / m.count +
        ((D * m.types) / m.count) * p1
      : p1;
    const c = this.context2.get(u + ' ' + v);
    const p3 = c
      ? Math.max((this.trigram.get(u + ' ' + v + ' ' + w) ?? 0) - D, 0) / c.count +
        ((D * c.types) / c.count) * p2
      : p2;
    return Math.log(p3);
  }

  /** Total ln-probability of the sentence (its end included) and the number of predictions made. */
  score(text: string): { logProb: number; tokens: number; unknown: number } {
    const words = lmWords(text);
    const padded = this.pad(words);
    let logProb = 0;
    for (let i = 2; i < padded.length; i++)
      logProb += this.logProb(padded[i - 2], padded[i - 1], padded[i]);
    return {
      logProb,
      tokens: padded.length - 2,
      unknown: words.filter((w) => !this.vocabulary.has(w)).length,
    };
  }

  /** Per-word perplexity over sentences: exp(−Σ ln P / Σ predictions), each sentence's end counted as a word. */
  perplexity(texts: readonly string[]): { perplexity: number; unknownShare: number } {
    let logProb = 0;
    let tokens = 0;
    let unknown = 0;
    let words = 0;
    for (const text of texts) {
      const s = this.score(text);
      logProb += s.logProb;
      tokens += s.tokens;
      unknown += s.unknown;
      words += s.tokens - 1;
    }
    return {
      perplexity: Math.exp(-logProb / Math.max(1, tokens)),
      unknownShare: unknown / Math.max(1, words),
    };
  }

  private pad(words: string[]): string[] {
    return [BOS, BOS, ...words.map((w) => (this.vocabulary.has(w) ? w : UNKNOWN)), EOS];
  }
}
