import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  win: { target: { target: string }[] };
  linux: { target: string[] };
  asarUnpack: string[];
  files: string[];
  extraMetadata: { main: string };
};
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('builds Windows NSIS and Linux AppImage + deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('rebuilds the native modules for Electron at packaging time and keeps them out of the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3-multiple-ciphers/**', 'node_modules/node-hid/**', 'node_modules/@serialport/bindings-cpp/**']),
    );
    for (const native of ['better-sqlite3-multiple-ciphers', 'node-hid', 'serialport']) expect(pkg.dependencies[native], native).toBeDefined();
  });

  it('ships the encrypting SQLite build: no app code loads plain better-sqlite3 at run time (types only)', () => {
    const sources = ['shared', 'electron'].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => `${dir}/${file}`),
    );
    expect(sources.length).toBeGreaterThan(50);
    const runtimeImports = sources.filter((file) => /^import (?!type )[^;]*from 'better-sqlite3';/m.test(fs.readFileSync(file, 'utf8')));
    expect(runtimeImports).toEqual([]);
    expect(fs.readFileSync('shared/node/db/open-database.ts', 'utf8')).toMatch(/^import Database from 'better-sqlite3-multiple-ciphers';$/m);
  });

  it('packages the built app and points at the same main entry as package.json', () => {
    expect(config.files).toContain('dist/**');
    expect(config.extraMetadata.main).toBe(pkg.main);
  });
});
