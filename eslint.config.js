// Flat config. Besides typescript-eslint's recommended rules, it enforces the layering of
// ARCHITECTURE.md (VS Code's code-import-patterns idea): a wrong-direction import fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const NATIVE_MODULES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'node-hid', 'serialport', '@serialport/*'];

const restrict = ({ paths = [], patterns = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: `"${name}" is not allowed in this layer (see ARCHITECTURE.md).` })),
      patterns,
    },
  ],
});

const layer = (group, message) => ({ group, message });
const ELECTRON = layer(['electron', 'electron/*', 'electron-store'], 'Only electron/ may import Electron.');
const NATIVE = layer(NATIVE_MODULES, 'Only shared/node may import native modules.');
const REACT = layer(['react', 'react-dom', 'react-dom/*', 'react/*'], 'React belongs to renderer/ only.');
const NODE_PREFIX = layer(['node:*'], 'This layer must run in a browser: no Node built-ins.');
const up = (dirs, message) => layer(dirs.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]), message);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // shared/domain and shared/contract: pure, browser-safe, the bottom of the stack.
  {
    files: ['shared/domain/**/*.ts', 'shared/contract/**/*.ts'],
    rules: restrict({
      paths: NODE_BUILTINS,
      patterns: [ELECTRON, NATIVE, REACT, NODE_PREFIX, up(['app', 'host', 'node', 'cli', 'renderer', 'electron'], 'domain/contract import nothing above them.')],
    }),
  },
  // shared/node: adapters; may use Node and native modules, never the layers above.
  {
    files: ['shared/node/**/*.ts'],
    rules: restrict({ patterns: [ELECTRON, REACT, up(['app', 'host', 'cli', 'renderer'], 'shared/node is an adapter layer: it cannot import app, host, cli or renderer.')] }),
  },
  {
    files: ['shared/app/**/*.ts'],
    rules: restrict({ patterns: [ELECTRON, NATIVE, REACT, up(['host', 'cli', 'renderer'], 'shared/app cannot import hosts, the CLI or the renderer.')] }),
  },
  {
    files: ['shared/host/**/*.ts', 'shared/cli/**/*.ts'],
    rules: restrict({ patterns: [ELECTRON, NATIVE, REACT, up(['renderer'], 'hosts never import the renderer.')] }),
  },
  // central/: the hub, a Node service of its own; it reuses the pure domain and the Node adapters, never a station's
  // core, hosts or screens.
  {
    files: ['central/**/*.ts'],
    rules: restrict({ patterns: [ELECTRON, NATIVE, REACT, up(['shared/app', 'shared/host', 'renderer', 'electron'], 'the hub reuses shared/domain and shared/node only.')] }),
  },
  // renderer: talks to the core only through CoreClient; shared/contract and shared/domain are allowed.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict({
      paths: NODE_BUILTINS,
      patterns: [ELECTRON, NATIVE, NODE_PREFIX, up(['shared/app', 'shared/host', 'shared/node', 'shared/cli', 'electron'], 'the renderer reaches the core only through CoreClient.')],
    }),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict({ patterns: [NATIVE, REACT, up(['renderer'], 'Electron code never imports the renderer.')] }),
  },
);
