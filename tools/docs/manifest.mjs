// What the reference shows of each element, read from custom-elements.json (which `cem analyze`
// reads from the elements' code and JSDoc). The HTML pages and the markdown reference both render
// these rows, so the two cannot disagree with each other or with the code.
import { readFileSync } from 'node:fs';

export const MANIFEST_PATH = 'dist/custom-elements.json';

/** The manifest's custom elements, sorted by tag. */
export function readElements(path = MANIFEST_PATH) {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const isPublic = (member) =>
  (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

export const typeText = (entry) => entry?.type?.text;

/**
 * An attribute's default: the manifest's own (a field initialiser or `@default`), else what the
 * description says ("(default 9)", "`emoji` (default; …)", "`all` (default)",
 * "`lazy` (default: …)", "(default: random)").
 */
function defaultOf(attribute, member) {
  const given = member?.default ?? attribute.default;
  if (given !== undefined && given !== 'undefined') return given;
  const description = member?.description ?? attribute.description ?? '';
  const patterns = [
    /\(default `([^`]+)`/,
    /\(default ([^;,)`]+)/,
    /`([^`]+)` \((?:[^()]*?, )?default[;,):]/,
    /\(default: ([^;,)`]+)/,
  ];
  for (const pattern of patterns) {
    const match = description.match(pattern);
    if (match) return match[1].trim();
  }
  return undefined;
}

/** `name(a: T, b = 1): R`, as a reader would call the method. */
export function signature(method) {
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

/** One element's public API as plain rows (text as the manifest has it, not yet escaped). */
export function describeElement(element) {
  const members = (element.members ?? []).filter(isPublic);
  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((a) => a.fieldName).filter(Boolean));
  const memberNamed = (name) => members.find((m) => m.name === name && !m.static);

  return {
    tag: element.tagName,
    description: element.description ?? '',
    controlTokens: controlTokens(element),
    attributes: attributes.map((attribute) => {
      const member = memberNamed(attribute.fieldName);
      return {
        name: attribute.name,
        property: attribute.fieldName,
        type: typeText(member) ?? typeText(attribute),
        default: defaultOf(attribute, member),
        description: member?.description ?? attribute.description ?? '',
      };
    }),
    properties: members
      .filter((m) => m.kind === 'field' && !m.static && !attributeFields.has(m.name))
      .map((m) => ({
        name: m.name,
        type: typeText(m),
        readonly: Boolean(m.readonly),
        description: m.description ?? '',
      })),
    methods: members
      .filter((m) => m.kind === 'method' && !m.static)
      .map((m) => ({
        name: m.name,
        parameters: (m.parameters ?? []).map((p) => ({
          name: p.name,
          type: typeText(p),
          default: p.default,
          optional: Boolean(p.optional),
          description: p.description ?? '',
        })),
        returns: typeText(m.return) ?? 'void',
        signature: signature(m),
        description: m.description ?? '',
      })),
    events: (element.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
    cssParts: (element.cssParts ?? []).map((p) => ({
      name: p.name,
      description: p.description ?? '',
    })),
    cssProperties: (element.cssProperties ?? []).map((p) => ({
      name: p.name,
      description: p.description ?? '',
    })),
  };
}
