/**
 * The `controls` attribute: which parts of an element's UI are rendered. `all` (the default)
 * shows everything; `none` only the main view (the grid, the plane, the canvas, the path);
 * otherwise a space-separated list of the element's part tokens, e.g. `sliders training`.
 * Hidden parts are not rendered at all, so a cut-down figure in a lecture costs nothing.
 */
export interface ParsedControls {
  /** The parts shown: every known token for `all`. */
  shown: ReadonlySet<string>;
  /** Tokens that the element does not have, in the order given. */
  unknown: string[];
}

export function parseControls(text: string | null, known: readonly string[]): ParsedControls {
  const tokens = (text ?? '')
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.includes('all'))
    return {
      shown: new Set(known),
      unknown: tokens.filter((t) => t !== 'all' && !known.includes(t)),
    };
  if (tokens.length === 1 && tokens[0] === 'none') return { shown: new Set(), unknown: [] };
  return {
    shown: new Set(tokens.filter((t) => known.includes(t))),
    unknown: tokens.filter((t) => t !== 'none' && !known.includes(t)),
  };
}

/** The canonical text of a set of parts: `all`, `none`, or the tokens in the element's order. */
export function controlsText(shown: ReadonlySet<string>, known: readonly string[]): string {
  if (known.every((token) => shown.has(token))) return 'all';
  if (shown.size === 0) return 'none';
  return known.filter((token) => shown.has(token)).join(' ');
}
