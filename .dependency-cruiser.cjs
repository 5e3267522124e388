// The import rules `npm run lint` holds (dependency-cruiser): no file of the package imports
// itself back through others, type-only imports included, so each part of an element reaches the
// element only through its context.ts and types.ts.
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: break it with a context.ts or types.ts the files both import.',
      severity: 'error',
      from: { path: '^(src|components)/' },
      to: { circular: true },
    },
  ],
  options: {
    // `import type` counts: a circle of types is a circle a reader must follow.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
