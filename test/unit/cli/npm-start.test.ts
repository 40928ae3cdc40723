import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

function electronBinaryPresent(): boolean {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

describe('npm start without the Electron binary', () => {
  it.skipIf(electronBinaryPresent())('says so in one sentence and serves the lane screen from the browser host', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', tempDir()], {
      env: { ...process.env, CHECKPOINT_SKIP_ELECTRON_DOWNLOAD: '1', DISPLAY: '', WAYLAND_DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /(http:\/\/127\.0\.0\.1:\d+\/launch\?code=\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const lines = output.trim().split('\n');
      expect(lines[0]).toBe('The Electron runtime is not installed and could not be downloaded on this machine. Starting Checkpoint Station in your web browser instead.');
      expect(output).not.toMatch(/\bat .*\.(m?js|ts):\d+|Error:/);
      // No display to open a browser on: the one-time address is printed, never the token.
      expect(output).not.toMatch(/token=/);
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
      const page = await fetch(new URL(url).origin);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
