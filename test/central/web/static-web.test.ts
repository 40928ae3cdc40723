import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWebUi } from '../../../central/server/static-web';
import { tempDir } from '../../support/temp-dir';

function builtUi(): string {
  const root = tempDir('hub-web-');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
  return root;
}

describe('the hub serves its built web UI', () => {
  it('the page with a strict CSP and no framing, hashed assets cached for good, nothing outside assets/', async () => {
    const app = Fastify();
    registerWebUi(app, builtUi());
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self';.*frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/assets/..%2Fsecret.txt', '/assets/../secret.txt', '/secret.txt', '/assets/missing.js']) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    await app.close();
  });

  it('says how to build it when it is not built', async () => {
    const app = Fastify();
    registerWebUi(app, tempDir('hub-web-empty-'));
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toBe('The hub web UI is not built: run `npm run build` in the project folder.');
    await app.close();
  });
});
