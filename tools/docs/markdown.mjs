// The reference as markdown, committed in docs/reference/ so it reads on GitHub and npm beside the
// guides: an index and one page per element, rendered from the rows of ./manifest.mjs. The
// package test checks that the committed files equal what this writes from the current manifest.

export const REFERENCE_DIR = 'docs/reference';

const GENERATED_NOTE =
  '_Generated from `dist/custom-elements.json` by `tools/write-docs.mjs` (run by `npm run build`); do not edit._';

/** Text outside code spans: no raw HTML, no table breaks. */
const plain = (text) => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '\\|');

/** JSDoc prose as markdown: its `code` spans kept, the rest escaped, on one line for a table. */
const prose = (text) =>
  String(text ?? '')
    .split('`')
    .map((piece, i) => (i % 2 === 1 ? `\`${piece.replaceAll('|', '\\|')}\`` : plain(piece)))
    .join('')
    .replaceAll('\n', ' ');

const code = (text) => {
  if (text === undefined || text === null || text === '') return '—';
  const fence = String(text).includes('`') ? '``' : '`';
  return `${fence}${String(text).replaceAll('|', '\\|')}${fence}`;
};

function table(headers, rows) {
  if (rows.length === 0) return 'None.';
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function parameterText(p) {
  const type = p.type ? `: ${code(p.type)}` : '';
  const given =
    p.default !== undefined ? ` (default ${code(p.default)})` : p.optional ? ' (optional)' : '';
  const description = p.description ? ` – ${prose(p.description)}` : '';
  return `${code(p.name)}${type}${given}${description}`;
}

function elementPage(element) {
  const { tag } = element;
  const tokens = element.controlTokens.length
    ? ` The \`controls\` tokens: ${element.controlTokens.map(code).join(' ')}.`
    : '';
  const sections = [
    `# \`<${tag}>\` reference`,
    GENERATED_NOTE,
    prose(element.description),
    '## Attributes',
    `Every attribute has a property that validates exactly like it.${tokens}`,
    table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      element.attributes.map((a) => [
        code(a.name),
        code(a.property),
        code(a.type),
        code(a.default),
        prose(a.description),
      ]),
    ),
    '## Properties',
    'Properties that have no attribute (those that do are listed above).',
    table(
      ['Property', 'Type', 'Read-only', 'Description'],
      element.properties.map((p) => [
        code(p.name),
        code(p.type),
        p.readonly ? 'yes' : 'no',
        prose(p.description),
      ]),
    ),
    '## Methods',
    table(
      ['Method', 'Parameters', 'Returns', 'Description'],
      element.methods.map((m) => [
        code(m.name),
        m.parameters.length ? m.parameters.map(parameterText).join('<br>') : '—',
        code(m.returns),
        `${prose(m.description)}${m.description ? '<br>' : ''}${code(m.signature)}`,
      ]),
    ),
    '## Events',
    'Every event bubbles and crosses shadow roots (`composed`).',
    table(
      ['Event', 'Detail and when'],
      element.events.map((e) => [code(e.name), prose(e.description)]),
    ),
    '## CSS parts',
    `Style them with \`${tag}::part(name)\`.`,
    table(
      ['Part', 'Description'],
      element.cssParts.map((p) => [code(p.name), prose(p.description)]),
    ),
    '## CSS custom properties',
    table(
      ['Property', 'Description'],
      element.cssProperties.map((p) => [code(p.name), prose(p.description)]),
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

function indexPage(elements) {
  const sections = [
    '# Reference',
    GENERATED_NOTE,
    "Every element's attributes (each with its property), other properties, methods, events, CSS parts and CSS custom properties, as `custom-elements.json` describes them. The same reference, with a live example per element, is written to `dist/docs/` as HTML.",
    table(
      ['Element', 'Description', 'Attributes'],
      elements.map((element) => [
        `[\`<${element.tag}>\`](${element.tag}.md)`,
        prose(element.description),
        String(element.attributes.length),
      ]),
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** docs/reference/'s files, by name: `README.md` (the index) and `<tag>.md`. */
export function markdownReference(elements) {
  const pages = { 'README.md': indexPage(elements) };
  for (const element of elements) pages[`${element.tag}.md`] = elementPage(element);
  return pages;
}
