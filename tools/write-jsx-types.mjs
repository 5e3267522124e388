// Writes dist/types/jsx.d.ts from dist/custom-elements.json: JSX declarations for React 19, so
// `<vae-latent-explorer grid-size="5" />` type-checks in TSX. Opt in with
// `import type {} from 'generative-elements/jsx';`. Generated, so it cannot drift from the code.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const typeOf = (attribute) =>
  attribute.type?.text === 'boolean' ? 'boolean | string' : 'string | number';
const quote = (name) => (/^[a-z][a-zA-Z]*$/.test(name) ? name : `'${name}'`);

const lines = [
  '// Generated from custom-elements.json by tools/write-jsx-types.mjs. Do not edit.',
  "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
  "import type {} from './src/generative-elements.js';",
  '',
  "declare module 'react' {",
  '  namespace JSX {',
  '    interface IntrinsicElements {',
];
for (const element of elements) {
  lines.push(
    `      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap['${element.tagName}']>, HTMLElementTagNameMap['${element.tagName}']> & {`,
  );
  for (const attribute of element.attributes ?? []) {
    const member = (element.members ?? []).find((m) => m.name === attribute.fieldName);
    const summary = (member?.description ?? attribute.description ?? '').split('\n')[0];
    if (summary) lines.push(`        /** ${summary.replaceAll('*/', '*\\/')} */`);
    lines.push(`        ${quote(attribute.name)}?: ${typeOf(attribute)};`);
  }
  lines.push('      };');
}
lines.push('    }', '  }', '}', '');
writeFileSync('dist/types/jsx.d.ts', lines.join('\n'));
console.log(`dist/types/jsx.d.ts: ${elements.length} elements`);
