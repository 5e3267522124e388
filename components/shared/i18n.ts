/**
 * UI language: the element's own `lang`, else the nearest ancestor's, else the page's; any
 * Chinese tag selects Simplified Chinese, everything else English.
 */
export type Lang = 'en' | 'zh-Hans';
export type Strings<T> = Record<Lang, T>;

export function resolveLang(element: HTMLElement): Lang {
  const tag =
    element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en';
  return /^zh\b/i.test(tag) ? 'zh-Hans' : 'en';
}

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** Numbers in the UI language's own notation. */
export function formatNumber(lang: Lang, value: number, digits = 1): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
