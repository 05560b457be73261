// Lint rules, including the layering of ../shared/docs/ARCHITECTURE.md §3 (type-only imports may cross).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }],
});
const NODE = {
  regex: '^(node:|fs$|path$|os$|crypto$|net$|tls$|child_process$)',
  message: 'No Node APIs in this layer.',
};
const ELECTRON = { group: ['electron'], message: 'Only the Electron shell may import electron.' };
const SIGNAL = {
  group: ['@privacyresearch/libsignal-protocol-typescript'],
  message:
    'Only electron/core/modules/omemo/signal.ts imports libsignal: it takes back the process handlers the library installs.',
};
const CORE = {
  group: [
    '**/renderer/**',
    '../main*',
    '../preload*',
    '../ipc/**',
    '../platform/**',
    '../desktop/**',
    '../bridge/**',
    'react',
    'zustand',
  ],
  message: 'The core knows nothing of Electron or the UI.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'artifacts/**', '.tmp/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            'renderer/vite.config.ts',
            'renderer/vitest.config.ts',
            'electron/vite.preload.config.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  { files: ['**/*.js', '**/vite*.config.ts'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'max-lines': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'before', 'after'] },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      NODE,
      ELECTRON,
      {
        group: ['react', 'react-dom', 'zustand', '@xmpp/*', '**/electron/**', '**/renderer/**'],
        message: 'shared/ is pure TypeScript.',
      },
    ]),
  },
  { files: ['electron/core/**/*.ts'], rules: restrict([ELECTRON, CORE, SIGNAL]) },
  { files: ['electron/core/modules/omemo/signal.ts'], rules: restrict([ELECTRON, CORE]) },
  { files: ['e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'], rules: restrict([SIGNAL]) },
  {
    files: ['electron/bridge/**/*.ts'],
    rules: restrict([
      ELECTRON,
      { group: ['../core/*/**', '**/renderer/**'], message: 'The bridge uses core/index.ts only.' },
    ]),
  },
  {
    files: ['electron/main.ts', 'electron/ipc/**/*.ts', 'electron/platform/**/*.ts', 'electron/desktop/**/*.ts'],
    rules: restrict([{ group: ['**/core/*/**', '**/renderer/**'], message: 'The shell uses core/index.ts only.' }]),
  },
  {
    files: ['electron/preload.ts'],
    rules: restrict([
      { group: ['**/core/**', '**/renderer/**', 'node:*'], message: 'The preload exposes the generic bridge only.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      NODE,
      ELECTRON,
      { group: ['**/electron/**', '@xmpp/*'], message: 'The renderer talks to the engine only through the bridge.' },
    ]),
  },
);
