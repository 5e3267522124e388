// custom-elements.json, read from the elements' code and JSDoc (`npm run build` writes it to dist/).
// The four public elements document their attributes as properties with JSDoc (a getter and a
// setter each); the shared ones come from GenerativeElement.
import { TAGS } from './tools/registry.mjs';

/** Keeps the manifest to the public contract: no internal reactive state, no helper elements. */
function publicContractOnly() {
  const PUBLIC_TAGS = new Set(TAGS);
  return {
    name: 'public-contract-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const isPublic = (name) =>
            (declaration.members ?? []).some(
              (member) =>
                member.name === name && (member.privacy ?? 'public') === 'public' && !member.static,
            );
          // Lit's `{ state: true }` entries are reactive state, not attributes.
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) => !attribute.fieldName || isPublic(attribute.fieldName),
          );
          declaration.events = (declaration.events ?? []).filter(
            (event) => event.name && event.name !== 'name',
          );
        }
        module.exports = (module.exports ?? []).filter(
          (entry) => entry.kind !== 'custom-element-definition' || PUBLIC_TAGS.has(entry.name),
        );
      }
    },
  };
}

export default {
  globs: ['components/*/*.ts'],
  exclude: [
    'components/**/strings.ts',
    'components/**/styles.ts',
    'components/**/attributes.ts',
    'components/**/assets.ts',
  ],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [publicContractOnly()],
};
