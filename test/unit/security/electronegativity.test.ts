import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

const run = (dir?: string) =>
  spawnSync(process.execPath, ['scripts/electronegativity.mjs', ...(dir ? [dir] : [])], { encoding: 'utf8', timeout: 180_000 });

describe('electronegativity (Doyensec) over the shipped Electron code', () => {
  it('finds nothing in the built main, preload and renderer page', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/no findings/);
    expect(result.status).toBe(0);
  }, 180_000);

  it('fails on a window with Node integration and no CSP', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script>eval(location.hash)</script>');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0', dependencies: { electron: '41.0.0' } }));
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stderr).toMatch(/CSP_GLOBAL_CHECK/);
  }, 180_000);
});
