import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Presets adopted whole (ESLint, typescript-eslint, React, hooks, jsx-a11y); the house rules keep
// server-only code out of browser bundles and keep the floors apart (tests/unit/architecture.test.ts
// checks the same floors on every file).
// Demo data and the start-up code sit above everything else: only app/server/ imports them.
const floors = [
  {
    group: ['**/seeds/**'],
    message: 'seeds/ is demo data; reference data the service needs is in app/reference/.',
  },
  {
    group: ['**/server/*', '**/server/cli/*'],
    message: 'Start-up code (app/server/) is imported by nothing below it.',
  },
]

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', '.data/**', 'tests/.artifacts/**', 'db/types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['app/**/*.tsx'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    settings: { react: { version: '18' } },
  },
  { files: ['app/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', 'search/**/*.ts'],
    ignores: ['app/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors }] },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/search/**'],
              message:
                'Routes reach the database and search through ~/db.server and ~/search.server.',
            },
            ...floors,
          ],
        },
      ],
    },
  },
  {
    // Browser-reachable modules (components, client code) must not import server-only modules.
    files: [
      'app/components/**/*.{ts,tsx}',
      'app/entry.client.tsx',
      'app/library/evidence-strength.ts',
      'app/utils/london-time.ts',
      'app/utils/page-title.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/search/**', '*.server', '**/*.server'],
              message: 'Server-only code cannot be imported into browser modules.',
            },
            ...floors,
          ],
        },
      ],
    },
  },
)
