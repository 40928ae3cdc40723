// Flat config. Besides typescript-eslint's recommended rules, it enforces the layering of ARCHITECTURE.md by
// allow-list: each layer below names the folders and npm packages it may import (static, re-export, dynamic
// import(), require, import types), and anything else fails `npm run lint`. A layer's own folder is always allowed.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layersPlugin from './scripts/eslint/allowed-imports.mjs';

const BROWSER = 'it runs in the browser too: no Node, no native modules';
const REACT_UI = ['react', 'react-dom', 'react-i18next', 'i18next'];
// What every screen may use: the core's client, the translations, the styles, the contract and the pure domain.
const FEATURE_BASE = ['renderer/core-client', 'renderer/core-query', 'renderer/session', 'renderer/i18n', 'renderer/styles', 'shared/contract', 'shared/domain'];
const feature = (name, { features = [], packages = [] } = {}) => ({
  folder: `renderer/features/${name}`,
  folders: [...FEATURE_BASE, ...features.map((f) => `renderer/features/${f}`)],
  packages: [...REACT_UI, ...packages],
  node: false,
  why: `a screen reaches the core only through CoreClient, and other screens only as listed`,
});

/**
 * The layers. `folders`: project folders a layer may import besides its own; `packages`: npm packages (a
 * trailing * allows a prefix, e.g. a scope); `node`: whether Node built-ins are allowed; `exceptions`: single files allowed
 * more, each a debt to pay off rather than a precedent.
 */
export const LAYERS = [
  {
    folder: 'shared/domain',
    folders: [],
    packages: ['asn1js', 'pkijs', 'cbor-x', 'fflate', 'zxing-wasm', 'certlogic-js'],
    node: false,
    why: `the domain is pure TypeScript at the bottom of the stack; ${BROWSER}`,
    // Schemas of formats read from outside (HCERT payloads, trust lists, rule profiles); they belong in the contract.
    exceptions: ['shared/domain/dcc/hcert-schema.ts', 'shared/domain/dcc/trust-list.ts', 'shared/domain/business-rules/business-rule.ts'].map((file) => ({ file, packages: ['zod'] })),
  },
  { folder: 'shared/contract', folders: ['shared/domain'], packages: ['zod'], node: false, why: `the contract is the API's types and schemas; ${BROWSER}` },
  {
    folder: 'shared/node',
    folders: ['shared/domain', 'shared/contract'],
    // esbuild: only to bundle the manifest worker thread when the core runs from its TypeScript sources (tests).
    packages: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'node-hid', 'serialport', '@serialport/*', 'csv-parse', 'exceljs', 'fflate', 'jpeg-js', 'pngjs', 'zod', 'esbuild'],
    node: true,
    why: 'adapters do I/O for the layers above and never call them',
  },
  { folder: 'shared/app', folders: ['shared/domain', 'shared/contract', 'shared/node'], packages: ['zod'], node: true, why: 'use-cases wire the adapters; devices and files go through shared/node' },
  { folder: 'shared/host', folders: ['shared/domain', 'shared/contract', 'shared/node', 'shared/app'], packages: ['ws', 'zod'], node: true, why: 'hosts expose the core; they do not reach the UI' },
  { folder: 'shared/cli', folders: ['shared/domain', 'shared/contract', 'shared/node', 'shared/app'], packages: [], node: true, why: 'the CLI drives the core like a host' },
  {
    folder: 'central',
    // The CLI's io conventions (exit codes, CliIo) are shared; the station's commands are not.
    folders: ['shared/domain', 'shared/contract', 'shared/node', 'shared/cli/io'],
    // The hub's server and database packages; its web UI, if it gets one, needs a browser layer of its own.
    packages: ['fastify', '@fastify/*', 'pg', 'pg-*', '@electric-sql/pglite', '@electric-sql/*', 'zod', 'ws', 'certlogic-js', 'fflate', 'cbor-x', 'asn1js', 'pkijs', 'exceljs'],
    node: true,
    why: 'the central hub shares the station\'s domain, contract and adapters, never its app or hosts',
  },
  {
    folder: 'central/web',
    folders: ['shared/contract', 'shared/domain', 'renderer/i18n', 'renderer/styles'],
    packages: [...REACT_UI, 'recharts'],
    node: false,
    why: `the hub's web UI talks to the hub only over its /api; it shares the station's languages, formats and styles; ${BROWSER}`,
  },
  {
    folder: 'electron/main',
    folders: ['shared/domain', 'shared/contract', 'shared/node', 'shared/app', 'shared/host'],
    packages: ['electron', 'electron-store', 'zod'],
    node: true,
    why: 'Electron main hosts the core; native modules stay in shared/node',
  },
  { folder: 'electron/preload', folders: ['shared/contract'], packages: ['electron'], node: false, why: 'the sandboxed preload only forwards contract calls over IPC' },
  { folder: 'renderer', folders: [], packages: REACT_UI, node: false, why: `the renderer's entry only mounts the app; ${BROWSER}` },
  {
    folder: 'renderer/app',
    folders: ['renderer/features', 'renderer/core-client', 'renderer/core-query', 'renderer/session', 'renderer/i18n', 'renderer/styles', 'shared/contract', 'shared/domain'],
    packages: REACT_UI,
    node: false,
    why: `the shell composes the screens; ${BROWSER}`,
  },
  {
    folder: 'renderer/core-query',
    folders: ['renderer/core-client', 'renderer/i18n', 'shared/contract', 'shared/domain'],
    packages: ['react', 'react-i18next', 'i18next'],
    node: false,
    why: `what screens read from the core, kept current by its events; knows no screen; ${BROWSER}`,
  },
  {
    folder: 'renderer/session',
    folders: ['renderer/core-client', 'renderer/core-query', 'renderer/i18n', 'shared/contract', 'shared/domain'],
    packages: ['react'],
    node: false,
    why: `who is signed in, for every screen; knows no screen; ${BROWSER}`,
  },
  { folder: 'renderer/core-client', folders: ['shared/contract', 'shared/domain'], packages: ['react'], node: false, why: 'CoreClient speaks the contract over IPC or HTTP' },
  {
    folder: 'renderer/i18n',
    folders: ['renderer/core-client', 'shared/contract', 'shared/domain'],
    packages: [...REACT_UI, 'i18n-iso-countries'],
    node: false,
    why: `translations know no screen; ${BROWSER}`,
  },
  feature('admin'),
  feature('alerts'),
  feature('camera', { packages: ['zxing-wasm'] }),
  feature('consular', { features: ['lane', 'override'] }),
  feature('dashboard', { features: ['alerts', 'consular'], packages: ['recharts'] }),
  feature('evidence', { features: ['lane'] }),
  feature('export', { packages: ['recharts'] }),
  feature('groups'),
  feature('lane', { features: ['alerts', 'camera', 'evidence', 'manual-mrz', 'override', 'settings'] }),
  feature('login', { features: ['users'] }),
  feature('manual-mrz'),
  feature('override'),
  feature('rules', { packages: ['zod'] }),
  feature('scanners', { features: ['lane'] }),
  feature('settings', { features: ['lane'] }),
  feature('users'),
];

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
    files: ['renderer/**/*.{ts,tsx}', 'central/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': ['error', { root: import.meta.dirname, layers: LAYERS }] },
  },
);
