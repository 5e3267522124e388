// The reference as HTML pages for dist/docs/: an index and one page per element, each with a live
// example, rendered from the rows of ./manifest.mjs.
import { ELEMENTS } from '../registry.mjs';

const escapeHtml = (text) =>
  String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Escaped prose, with the JSDoc's `code` spans as <code>. */
const prose = (text) =>
  escapeHtml(text)
    .split('`')
    .map((piece, i) => (i % 2 === 1 ? `<code>${piece}</code>` : piece))
    .join('')
    .replaceAll('\n', ' ');

const code = (text) =>
  text === undefined || text === null || text === '' ? '—' : `<code>${escapeHtml(text)}</code>`;

// The live example on each page: the element as a reader would first meet it.
const EXAMPLES = Object.fromEntries(ELEMENTS.map(({ tag, example }) => [tag, example]));

const STYLE = `
  :root { color-scheme: light; --text: #1d1d1f; --muted: #555; --line: #d0d0d7; --accent: #3b3bb3; }
  * { box-sizing: border-box; }
  body { font-family: system-ui, sans-serif; color: var(--text); background: #fff; line-height: 1.55; margin: 0; }
  header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
  header nav { padding: 0.75rem 0; border-bottom: 1px solid var(--line); font-size: 0.95rem; }
  header nav a { margin-right: 1rem; }
  a { color: var(--accent); }
  a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  h1 { font-size: 1.9rem; margin: 1.5rem 0 0.5rem; }
  h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; background: #f2f2f6; padding: 0 0.25em; border-radius: 3px; overflow-wrap: anywhere; }
  pre { background: #f2f2f6; padding: 0.75rem; border-radius: 6px; overflow-x: auto; }
  pre code { background: none; padding: 0; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
  caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; }
  th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
  thead th { background: #f2f2f6; }
  tbody th { font-weight: normal; }
  .example { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; }
  .example > * { max-width: 100%; }
  .muted { color: var(--muted); }
  footer { color: var(--muted); font-size: 0.9rem; padding-top: 2rem; padding-bottom: 2rem; }
`;

function page({ title, heading, nav, body, scripts = '' }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
${scripts}    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <nav aria-label="Reference">${nav}</nav>
    </header>
    <main>
      <h1>${heading}</h1>
${body}
    </main>
    <footer>Generated from <code>custom-elements.json</code> by <code>tools/write-docs.mjs</code>; do not edit.</footer>
  </body>
</html>
`;
}

function navFor(tags, current) {
  const links = [
    `<a href="index.html"${current === null ? ' aria-current="page"' : ''}>All elements</a>`,
  ];
  for (const tag of tags) {
    const here = tag === current;
    links.push(
      `<a href="${tag}.html"${here ? ' aria-current="page"' : ''}>&lt;${escapeHtml(tag)}&gt;</a>`,
    );
  }
  links.push(
    '<a href="../lecture.html">Lecture</a>',
    '<a href="../lecture.zh-Hans.html" hreflang="zh-Hans" lang="zh-Hans">讲义</a>',
  );
  return links.join(' ');
}

/** A table with a header row and, per row, a row header in the first column. */
function table(caption, headers, rows) {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      ([first, ...rest]) =>
        `<tr><th scope="row">${first}</th>${rest.map((cell) => `<td>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}

function elementPage(element, tags) {
  const { tag } = element;
  const attributeRows = element.attributes.map((a) => [
    code(a.name),
    code(a.property),
    code(a.type),
    code(a.default),
    prose(a.description),
  ]);
  const propertyRows = element.properties.map((p) => [
    code(p.name),
    code(p.type),
    p.readonly ? 'yes' : 'no',
    prose(p.description),
  ]);
  const methodRows = element.methods.map((m) => {
    const parameters = m.parameters.map(
      (p) =>
        `<li>${code(p.name)}${p.type ? `: ${code(p.type)}` : ''}${p.default !== undefined ? ` (default ${code(p.default)})` : p.optional ? ' (optional)' : ''}${p.description ? ` – ${prose(p.description)}` : ''}</li>`,
    );
    return [
      code(m.name),
      parameters.length ? `<ul>${parameters.join('')}</ul>` : '—',
      code(m.returns),
      `${prose(m.description)}<br /><code>${escapeHtml(m.signature)}</code>`,
    ];
  });
  const eventRows = element.events.map((e) => [code(e.name), prose(e.description)]);
  const partRows = element.cssParts.map((p) => [code(p.name), prose(p.description)]);
  const cssPropertyRows = element.cssProperties.map((p) => [code(p.name), prose(p.description)]);
  const tokens = element.controlTokens;
  const example = EXAMPLES[tag] ?? `<${tag} id="example"></${tag}>`;

  const body = `      <p>${prose(element.description)}</p>
      <h2 id="example-heading">Live example</h2>
      <pre><code>${escapeHtml(example)}</code></pre>
      <section class="example" aria-labelledby="example-heading">
        ${example}
      </section>
      <h2 id="attributes">Attributes</h2>
      <p>Every attribute has a property that validates exactly like it.${tokens.length ? ` The <code>controls</code> tokens: ${tokens.map((t) => code(t)).join(' ')}.` : ''}</p>
      ${table(`Attributes of <${tag}>`, ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributeRows)}
      <h2 id="properties">Properties</h2>
      <p>Properties that have no attribute (those that do are listed above).</p>
      ${table(`Properties of <${tag}>`, ['Property', 'Type', 'Read-only', 'Description'], propertyRows)}
      <h2 id="methods">Methods</h2>
      ${table(`Methods of <${tag}>`, ['Method', 'Parameters', 'Returns', 'Description'], methodRows)}
      <h2 id="events">Events</h2>
      <p>Every event bubbles and crosses shadow roots (<code>composed</code>).</p>
      ${table(`Events of <${tag}>`, ['Event', 'Detail and when'], eventRows)}
      <h2 id="css-parts">CSS parts</h2>
      <p>Style them with <code>${escapeHtml(tag)}::part(name)</code>.</p>
      ${table(`CSS parts of <${tag}>`, ['Part', 'Description'], partRows)}
      <h2 id="css-properties">CSS custom properties</h2>
      ${table(`CSS custom properties of <${tag}>`, ['Property', 'Description'], cssPropertyRows)}`;

  return page({
    title: `<${tag}> reference · generative-elements`,
    heading: `<code>&lt;${escapeHtml(tag)}&gt;</code>`,
    nav: navFor(tags, tag),
    body,
    scripts: '    <script type="module" src="../generative-elements.js"></script>\n',
  });
}

function indexPage(elements) {
  const rows = elements.map((element) => [
    `<a href="${element.tag}.html"><code>&lt;${escapeHtml(element.tag)}&gt;</code></a>`,
    prose(element.description),
    String(element.attributes.length),
  ]);
  const body = `      <p>
        Reference for the four elements, generated from the package's <code>custom-elements.json</code>.
        Load them with <code>&lt;script type="module" src="generative-elements.js"&gt;&lt;/script&gt;</code>
        from a copy of <code>dist/</code>. The lecture that uses them:
        <a href="../lecture.html">Deep generative models</a> (English) and
        <a href="../lecture.zh-Hans.html" hreflang="zh-Hans" lang="zh-Hans">深度生成模型</a> (简体中文).
      </p>
      ${table('The elements', ['Element', 'Description', 'Attributes'], rows)}`;
  return page({
    title: 'generative-elements reference',
    heading: 'generative-elements reference',
    nav: navFor(
      elements.map((e) => e.tag),
      null,
    ),
    body,
  });
}

/** dist/docs/'s files, by name: `index.html` and `<tag>.html`, from describeElement's rows. */
export function htmlReference(elements) {
  const tags = elements.map((element) => element.tag);
  const pages = { 'index.html': indexPage(elements) };
  for (const element of elements) pages[`${element.tag}.html`] = elementPage(element, tags);
  return pages;
}
