import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { tempDir } from '../../support/temp-dir';

function rendererDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>lane</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index.js'), 'export {}');
  return dir;
}

describe('app:// protocol handler', () => {
  it('serves the renderer with the strict CSP on every response', async () => {
    const handle = createAppProtocolHandler(rendererDir());
    for (const url of ['app://station/index.html', 'app://station/assets/index.js', 'app://station/nope.js', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    }
    const js = await handle(new Request('app://station/assets/index.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('export {}');
  });

  it('never serves files outside the renderer folder or for another host', async () => {
    const dir = rendererDir();
    fs.writeFileSync(path.join(dir, '..', 'secret.txt'), 'secret');
    const handle = createAppProtocolHandler(dir);
    expect((await handle(new Request('app://station/..%2fsecret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://station/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://station/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
