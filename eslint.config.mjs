// ESLint: typescript-eslint's type-aware rules on every TypeScript file (each file checked against
// the nearest tsconfig.json: the root one, train/'s or bench/'s), Lit's and custom elements' rules
// on the elements, and eslint-config-prettier last so no rule argues with Prettier's formatting.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    '**/node_modules/',
    '**/.build/',
    'train/checkpoints/',
    'weights/',
    // The consumer apps are verbatim copies of the snippets in docs/bundlers.md, built and
    // type-checked by test/consumers/run.mjs against the packed package.
    'test/consumers/*/',
    'test/hostile/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff declares chai's equal() as returning a promise, for its
          // `.dom.equal` comparisons; a plain `expect(x).to.equal(y)` returns no promise.
          allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: 'Equal' }],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          // A parameter an interface requires but this implementation ignores is named `_x`
          // (Lit's directive render(), the server build's configure()).
          argsIgnorePattern: '^_',
          // `const { left, ...rest } = object` is how a key is left out of a copy.
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Node scripts and configs are plain JavaScript: no type information to lint them with.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // dependency-cruiser reads its configuration as CommonJS.
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    // Code for the browser: the package, its tests and the bench page.
    files: ['src/**/*.ts', 'components/**/*.ts', 'test/**/*.ts', 'bench/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts that drive Chromium: the functions they pass to page.evaluate() run in the page.
    files: ['bench/measure.mjs', 'bench/worker.mjs', 'test/consumers/page-check.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/hostile/csp-watch.js', 'bench/worker-page.js', 'demo/embed.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['train/src/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['components/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: {
      // Lit calls a listener bound in a template (`@click=${this.onClick}`) with the element as
      // `this` (it passes the host as the listener's context), so such methods are never unbound.
      '@typescript-eslint/unbound-method': 'off',
      // A property setter takes any attribute text; its type names the known values too
      // (`'digits' | 'emoji' | string`) because the manifest, the JSX types and editors show them.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // A file is one job: past 400 lines it is two, and is split by feature (CONTRIBUTING).
    files: ['**/*.ts', '**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: { 'max-lines': ['error', 400] },
  },
  prettier,
);
