import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, its layer table included, applied to snippets as if they lived at a path.
interface Layer {
  readonly folder: string;
  readonly folders: readonly string[];
  readonly packages: readonly string[];
  readonly node: boolean;
}
const { LAYERS } = (await import(pathToFileURL(path.resolve('eslint.config.js')).href)) as { LAYERS: readonly Layer[] };
const eslint = new ESLint({ cwd: process.cwd() });

/** The lines (1-based) of `code` that the layer rule reports, with its messages. */
async function refused(filePath: string, code: string): Promise<{ lines: number[]; messages: string[] }> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports');
  return { lines: [...new Set(messages.map((m) => m.line))], messages: messages.map((m) => m.message) };
}

/** `import` of `target` (a project folder) from a file in `folder`, as a relative path. */
const relative = (folder: string, target: string) => {
  const spec = path.posix.relative(folder, `${target}/x`);
  return spec.startsWith('.') ? spec : `./${spec}`;
};
const importLine = (specifier: string, index: number) => `import * as m${index} from '${specifier}'; void m${index};`;
const packageSpecifier = (name: string) => (name.endsWith('*') ? `${name.slice(0, -1)}x` : name);

const ALL_FOLDERS = [...new Set(LAYERS.map((layer) => layer.folder))];
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'node-hid', 'serialport', 'exceljs', 'ws', 'electron', 'fastify', 'pg', 'react'];

describe('layering lint: every layer imports only what it lists (eslint.config.js)', () => {
  it.each(LAYERS.map((layer) => [layer.folder, layer] as const))('%s: its folders, packages and (if allowed) Node built-ins pass', async (folder, layer) => {
    const file = `${folder}/probe.ts`;
    const specifiers = [
      ...layer.folders.map((target) => relative(folder, target)),
      './sibling',
      ...layer.packages.map(packageSpecifier),
      ...(layer.node ? ['node:fs', 'path'] : []),
    ];
    expect(await refused(file, specifiers.map(importLine).join('\n'))).toEqual({ lines: [], messages: [] });
  });

  it.each(LAYERS.map((layer) => [layer.folder, layer] as const))('%s: every other layer, package and (if not allowed) Node built-in fails', async (folder, layer) => {
    const file = `${folder}/probe.ts`;
    const others = ALL_FOLDERS.filter((other) => !other.startsWith(folder) && !folder.startsWith(other) && !layer.folders.some((allowed) => other.startsWith(allowed)));
    const packages = NODE_ONLY_PACKAGES.filter((name) => !layer.packages.some((allowed) => (allowed.endsWith('*') ? name.startsWith(allowed.slice(0, -1)) : allowed === name)));
    const specifiers = [...others.map((target) => relative(folder, target)), ...packages, 'left-pad', ...(layer.node ? [] : ['node:fs', 'path'])];
    const code = specifiers.map(importLine).join('\n');
    const { lines, messages } = await refused(file, code);
    expect(lines).toEqual(specifiers.map((_, index) => index + 1));
    expect(messages.every((message) => message.startsWith(`${folder} may not import`))).toBe(true);
  });
});

describe('layering lint: the crossings the issue names, and every way to import', () => {
  it.each([
    ['electron/preload/x.ts', "import { StationStore } from '../../shared/node/db'; void StationStore;"],
    ['electron/preload/x.ts', "import { createCore } from '../../shared/app'; void createCore;"],
    ['electron/preload/x.ts', "import fs from 'node:fs'; void fs;"],
    ['shared/domain/mrz/x.ts', "import { coreMethods } from '../../contract'; void coreMethods;"],
    ['shared/domain/mrz/x.ts', "import { z } from 'zod'; void z;"],
    ['shared/domain/rules/rule-profile.ts', "import { z } from 'zod'; void z;"],
    ['shared/domain/mrz/x.ts', "import fs from 'node:fs'; void fs;"],
    ['shared/domain/mrz/x.ts', "import { app } from 'electron'; void app;"],
    ['shared/contract/x.ts', "import { StationStore } from '../node/db'; void StationStore;"],
    ['shared/app/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; void Database;"],
    ['shared/app/x.ts', "import { startWebHost } from '../host/web/web-host'; void startWebHost;"],
    ['shared/node/db/x.ts', "import { createCore } from '../../app'; void createCore;"],
    ['shared/host/x.ts', "import HID from 'node-hid'; void HID;"],
    ['electron/main/x.ts', "import Database from 'better-sqlite3'; void Database;"],
    ['renderer/features/lane/x.ts', "import ExcelJS from 'exceljs'; void ExcelJS;"],
    ['renderer/features/lane/x.ts', "import { WebSocketServer } from 'ws'; void WebSocketServer;"],
    ['renderer/features/lane/x.ts', "import { Shell } from '../../app/Shell'; void Shell;"],
    ['renderer/features/login/x.ts', "import { LaneScreen } from '../lane/LaneScreen'; void LaneScreen;"],
    ['renderer/core-client/x.ts', "import { LaneScreen } from '../features/lane/LaneScreen'; void LaneScreen;"],
    ['central/x.ts', "import { createCore } from '../shared/app'; void createCore;"],
    ['central/x.ts', "import { startWebHost } from '../shared/host/web/web-host'; void startWebHost;"],
    // Every form of import is checked, not only `import … from`.
    ['renderer/features/lane/x.ts', "export { StationStore } from '../../../shared/node/db';"],
    ['renderer/features/lane/x.ts', "export * from '../../../shared/app';"],
    ['renderer/features/lane/x.ts', "export const load = () => import('../../../shared/node/db');"],
    ['renderer/features/lane/x.ts', 'export const load = () => import(`../../../shared/app`);'],
    ['renderer/features/lane/x.ts', "export const load = (name: string) => import(name);"],
    ['renderer/features/lane/x.ts', "export type Store = import('../../../shared/node/db').StationStore;"],
    ['renderer/features/lane/x.ts', "import type { StationStore } from '../../../shared/node/db'; export type S = StationStore;"],
    ['electron/preload/x.ts', "const fs = require('node:fs'); void fs;"],
  ])('%s: %s fails', async (filePath, code) => {
    expect((await refused(filePath, code)).messages).not.toEqual([]);
  });

  it.each([
    ['shared/domain/mrz/x.ts', "import { ok } from '../result'; void ok;"],
    ['shared/domain/dcc/hcert-schema.ts', "import { z } from 'zod'; void z;"],
    ['shared/node/db/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; void Database;"],
    ['shared/node/scanners/x.ts', "export const load = () => import('node-hid');"],
    ['shared/app/x.ts', "import { StationStore } from '../node/db'; void StationStore;"],
    ['renderer/features/lane/x.ts', "import { coreMethods } from '../../../shared/contract'; void coreMethods;"],
    ['renderer/features/lane/x.ts', "import { EvidenceSection } from '../evidence'; void EvidenceSection;"],
    ['renderer/features/camera/x.ts', "import wasm from 'zxing-wasm/reader/zxing_reader.wasm?url'; void wasm;"],
    ['electron/main/x.ts', "import { app } from 'electron'; void app;"],
    ['central/x.ts', "import Fastify from 'fastify'; import pg from 'pg'; import { PGlite } from '@electric-sql/pglite'; void Fastify; void pg; void PGlite;"],
    // Tests and scripts belong to no layer.
    ['test/unit/x.test.ts', "import { StationStore } from '../../shared/node/db'; void StationStore;"],
  ])('%s: %s passes', async (filePath, code) => {
    expect((await refused(filePath, code)).messages).toEqual([]);
  });
});
