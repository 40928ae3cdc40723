import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived at the given path, with the project's own eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint (ARCHITECTURE.md)', () => {
  it.each([
    ['shared/domain/mrz/x.ts', "import fs from 'node:fs'; void fs;"],
    ['shared/domain/mrz/x.ts', "import path from 'path'; void path;"],
    ['shared/domain/mrz/x.ts', "import { app } from 'electron'; void app;"],
    ['shared/domain/mrz/x.ts', "import { createCore } from '../../app'; void createCore;"],
    ['shared/contract/x.ts', "import { StationStore } from '../node/db'; void StationStore;"],
    ['shared/contract/x.ts', "import React from 'react'; void React;"],
    ['shared/app/x.ts', "import Database from 'better-sqlite3'; void Database;"],
    ['shared/app/x.ts', "import { startWebHost } from '../host/web/web-host'; void startWebHost;"],
    ['shared/node/db/x.ts', "import { createCore } from '../../app'; void createCore;"],
    ['shared/node/db/x.ts', "import { ipcMain } from 'electron'; void ipcMain;"],
    ['shared/host/x.ts', "import HID from 'node-hid'; void HID;"],
    ['renderer/features/x.ts', "import { StationStore } from '../../shared/node/db'; void StationStore;"],
    ['renderer/features/x.ts', "import { createCore } from '../../shared/app'; void createCore;"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron'; void ipcRenderer;"],
    ['renderer/features/x.ts', "import fs from 'node:fs'; void fs;"],
    ['electron/main/x.ts', "import Database from 'better-sqlite3'; void Database;"],
    ['electron/main/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; void Database;"],
    ['shared/app/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; void Database;"],
  ])('reports %s importing across a boundary: %s', async (filePath, code) => {
    expect(await violations(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/mrz/x.ts', "import { ok } from '../result'; void ok;"],
    ['shared/node/db/x.ts', "import Database from 'better-sqlite3'; void Database;"],
    ['shared/node/db/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; void Database;"],
    ['shared/app/x.ts', "import { StationStore } from '../node/db'; void StationStore;"],
    ['renderer/features/x.ts', "import { coreMethods } from '../../shared/contract'; void coreMethods;"],
    ['electron/main/x.ts', "import { app } from 'electron'; void app;"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});
