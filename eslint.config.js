// Lint rules that keep the layout of docs/architecture.md true (see ../shared/STYLE.md §7 and §8.13).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { basename } from 'node:path';

const KEBAB = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Local rule: file names are kebab-case (migrations may carry their ISO timestamp). */
const layout = {
  rules: {
    'kebab-case-files': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        const file = basename(context.filename).replace(/\.(d\.)?(m?[jt]sx?)$/, '');
        const name = context.filename.includes('/migrations/') ? file.replace(/^\d{4}-\d{2}-\d{2}T\d{4}-/, '') : file;
        return {
          Program(node) {
            if (!KEBAB.test(name)) context.report({ node, message: `File name "${basename(context.filename)}" must be kebab-case.` });
          },
        };
      },
    },
  },
};

const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports (default exports only in tool config files).',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layout },
    rules: {
      'layout/kebab-case-files': 'error',
      'no-restricted-syntax': ['error', noDefaultExport],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // A server feature may use another feature's service only — never its repository, routes or mapper.
    files: ['server/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*/*.repository', '../*/*.routes', '../*/*.mapper', '../*/*.middleware'], message: "Import another feature's *.service.ts only." },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/lib/**/*.ts', 'server/src/db/**/*.ts', 'common/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**'], message: 'lib/, db/ and common/ must not depend on features.' }] }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Web features never import each other; pages in app/routes compose them.
    files: ['web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*/**', '!../../../**'], message: 'Web features must not import each other.' }, { group: ['**/app/**'], message: 'Features must not import app/.' }] },
      ],
    },
  },
  {
    files: ['web/src/lib/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}', 'web/src/config/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'Shared web code must not depend on features or app.' }] }],
    },
  },
  {
    files: ['**/*.config.{ts,js,mjs}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
