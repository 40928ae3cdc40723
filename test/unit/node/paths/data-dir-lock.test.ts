import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, HOST_LOCK_FILE, acquireDataDirLock } from '../../../../shared/node/paths/data-dir-lock';
import { tempDir } from '../../../support/temp-dir';

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, with a sentence naming the folder', () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir);
    // Another live process: this test runner's parent stands in for a second host.
    expect(() => acquireDataDirLock(dir, process.ppid)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, process.ppid)).toThrow(new RegExp(`already running on the data folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    first.release();
    expect(fs.existsSync(path.join(dir, HOST_LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, process.ppid).release();
  });

  it('takes over a lock left by a process that has died, and an unreadable one', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(path.join(dir, HOST_LOCK_FILE), JSON.stringify({ pid: dead, host: os.hostname() }));
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    fs.writeFileSync(path.join(dir, HOST_LOCK_FILE), '{"pid":');
    acquireDataDirLock(dir).release();
  });

  it('a second built web host on the same folder refuses to start and says why; the first keeps running', async () => {
    const dir = tempDir();
    const first = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Open this address')) resolve();
        });
        first.once('exit', (code) => reject(new Error(`first host exited ${code}`)));
      });
      const second = spawnSync(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`Another Checkpoint Station (process ${first.pid}) is already running on the data folder ${dir}`);
      expect(first.exitCode).toBeNull();
    } finally {
      first.kill('SIGTERM');
      await new Promise((resolve) => first.once('exit', resolve));
    }
    expect(fs.existsSync(path.join(dir, HOST_LOCK_FILE))).toBe(false);
  });

  it('web-host --help prints its usage and starts nothing', () => {
    const dir = tempDir();
    const help = spawnSync(process.execPath, ['dist/node/web-host.mjs', '--help', '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: node dist\/node\/web-host\.mjs/);
    expect(help.stdout).toContain('--data-dir DIR');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
