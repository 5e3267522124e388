// Writes the reference docs, dist/docs/index.html and dist/docs/<tag>.html, from
// dist/custom-elements.json (which `cem analyze` reads from the elements' code and JSDoc), so the
// docs cannot drift from the code; then copies the lecture pages into dist/ beside the package,
// with their script pointed at the files beside them. Run by `npm run build` after `cem analyze`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

// The live example on each page: the element as a reader would first meet it.
const EXAMPLES = {
  'vae-latent-explorer':
    '<vae-latent-explorer id="example" grid-size="7" show-noise></vae-latent-explorer>',
  'gan-arena': '<gan-arena id="example" distribution="ring" seed="1"></gan-arena>',
  'pixel-rnn-canvas': '<pixel-rnn-canvas id="example" compare count="4"></pixel-rnn-canvas>',
  'sentence-morph': '<sentence-morph id="example" steps="5"></sentence-morph>',
};

const LECTURES = ['lecture.html', 'lecture.zh-Hans.html'];

// ---- text --------------------------------------------------------------------------------------
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

const isPublic = (member) =>
  (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

/**
 * An attribute's default: the manifest's own (a field initialiser or `@default`), else what the
 * description says ("(default 9)", "`emoji` (default; …)", "`all` (default)").
 */
function defaultOf(attribute, member) {
  const given = member?.default ?? attribute.default;
  if (given !== undefined && given !== 'undefined') return given;
  const description = member?.description ?? attribute.description ?? '';
  const patterns = [
    /\(default `([^`]+)`/,
    /\(default ([^;,)`]+)/,
    /`([^`]+)` \((?:[^()]*?, )?default[;,)]/,
  ];
  for (const pattern of patterns) {
    const match = description.match(pattern);
    if (match) return match[1].trim();
  }
  return undefined;
}

const typeText = (entry) => entry?.type?.text;

function signature(method) {
  const parameters = (method.parameters ?? [])
    .map(
      (p) =>
        `${p.rest ? '...' : ''}${p.name}${p.optional && p.default === undefined ? '?' : ''}${typeText(p) ? `: ${typeText(p)}` : ''}${p.default !== undefined ? ` = ${p.default}` : ''}`,
    )
    .join(', ');
  const returns = typeText(method.return);
  return `${method.name}(${parameters})${returns ? `: ${returns}` : ''}`;
}

/** The `controls` tokens an element lists (its static `controlParts`). */
function controlTokens(element) {
  const field = (element.members ?? []).find((m) => m.name === 'controlParts' && m.static);
  return [...(field?.default ?? '').matchAll(/['"]([\w-]+)['"]/g)].map((match) => match[1]);
}

// ---- markup ------------------------------------------------------------------------------------
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

function navFor(current) {
  const links = [
    `<a href="index.html"${current === null ? ' aria-current="page"' : ''}>All elements</a>`,
  ];
  for (const element of elements) {
    const here = element.tagName === current;
    links.push(
      `<a href="${element.tagName}.html"${here ? ' aria-current="page"' : ''}>&lt;${escapeHtml(element.tagName)}&gt;</a>`,
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

function elementPage(element) {
  const tag = element.tagName;
  const members = (element.members ?? []).filter(isPublic);
  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((a) => a.fieldName).filter(Boolean));
  const memberNamed = (name) => members.find((m) => m.name === name && !m.static);

  const attributeRows = attributes.map((attribute) => {
    const member = memberNamed(attribute.fieldName);
    return [
      code(attribute.name),
      code(attribute.fieldName),
      code(typeText(member) ?? typeText(attribute)),
      code(defaultOf(attribute, member)),
      prose(member?.description ?? attribute.description ?? ''),
    ];
  });

  const propertyRows = members
    .filter((m) => m.kind === 'field' && !m.static && !attributeFields.has(m.name))
    .map((m) => [
      code(m.name),
      code(typeText(m)),
      m.readonly ? 'yes' : 'no',
      prose(m.description ?? ''),
    ]);

  const methodRows = members
    .filter((m) => m.kind === 'method' && !m.static)
    .map((m) => {
      const parameters = (m.parameters ?? []).map(
        (p) =>
          `<li>${code(p.name)}${typeText(p) ? `: ${code(typeText(p))}` : ''}${p.default !== undefined ? ` (default ${code(p.default)})` : p.optional ? ' (optional)' : ''}${p.description ? ` – ${prose(p.description)}` : ''}</li>`,
      );
      return [
        code(m.name),
        parameters.length ? `<ul>${parameters.join('')}</ul>` : '—',
        code(typeText(m.return) ?? 'void'),
        `${prose(m.description ?? '')}<br /><code>${escapeHtml(signature(m))}</code>`,
      ];
    });

  const eventRows = (element.events ?? []).map((e) => [code(e.name), prose(e.description ?? '')]);
  const partRows = (element.cssParts ?? []).map((p) => [code(p.name), prose(p.description ?? '')]);
  const cssPropertyRows = (element.cssProperties ?? []).map((p) => [
    code(p.name),
    prose(p.description ?? ''),
  ]);
  const tokens = controlTokens(element);
  const example = EXAMPLES[tag] ?? `<${tag} id="example"></${tag}>`;

  const body = `      <p>${prose(element.description ?? '')}</p>
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
    nav: navFor(tag),
    body,
    scripts: '    <script type="module" src="../generative-elements.js"></script>\n',
  });
}

function indexPage() {
  const rows = elements.map((element) => [
    `<a href="${element.tagName}.html"><code>&lt;${escapeHtml(element.tagName)}&gt;</code></a>`,
    prose(element.description ?? ''),
    String((element.attributes ?? []).length),
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
    nav: navFor(null),
    body,
  });
}

mkdirSync('dist/docs', { recursive: true });
writeFileSync('dist/docs/index.html', indexPage());
for (const element of elements)
  writeFileSync(`dist/docs/${element.tagName}.html`, elementPage(element));

// The embed page for course platforms, beside the package's script.
writeFileSync(
  'dist/embed.html',
  readFileSync('demo/embed.html', 'utf8').replaceAll('../dist/', './'),
);
writeFileSync('dist/embed.js', readFileSync('demo/embed.js', 'utf8'));

// The lecture pages, served from dist/ itself: the script beside them, the demo as demo.html.
for (const name of LECTURES) {
  const text = readFileSync(`demo/${name}`, 'utf8')
    .replaceAll('../dist/', './')
    .replaceAll('href="index.html"', 'href="demo.html"');
  writeFileSync(`dist/${name}`, text);
}
console.log(
  `dist/docs/: index and ${elements.length} element pages; dist/: ${LECTURES.join(', ')}, embed.html`,
);
