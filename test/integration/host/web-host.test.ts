import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { startWebHost, type WebHost } from '../../../shared/host/web/web-host';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

let core: Core;
let host: WebHost & { staticDirForTest: string };

beforeEach(async () => {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>lane</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap('operator') });
  host = Object.assign(await startWebHost({ core, staticDir }), { staticDirForTest: staticDir });
});

afterEach(async () => {
  await host.close();
  core.close();
});

const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and hands the token over in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(43);
  });

  it('serves the renderer with a strict CSP on every response, and never outside its folder', async () => {
    for (const url of ['/', '/index.html', '/assets/app.js', '/some/screen', '/missing.js', '/..%2f..%2fetc%2fpasswd']) {
      const response = await fetch(`${host.origin}${url}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, url).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await fetch(`${host.origin}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect(await (await fetch(`${host.origin}/some/screen`)).text()).toContain('<title>lane</title>');
    expect((await fetch(`${host.origin}/missing.js`)).status).toBe(404);
    fs.writeFileSync(path.join(host.staticDirForTest, '..', 'secret.txt'), 'secret');
    expect((await fetch(`${host.origin}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${host.origin}/%2e%2e/secret.txt`)).status).toBe(404);
    // Extension-less paths fall back to the app itself, never to a file outside the folder.
    expect(await (await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`)).text()).toContain('<title>lane</title>');
  });

  it('answers a core call with the same Result the core returns', async () => {
    const response = await call('scan', { payload: mrzText(TAJIK_PASSPORT) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { decision: { outcome: string } } };
    expect(body.ok).toBe(true);
    // A passport alone under the default PCR rule profile.
    expect(body.value.decision.outcome).toBe('NOT_OK');
  });

  it('rejects a missing or wrong token', async () => {
    expect((await call('getStatus', {}, { Authorization: '' })).status).toBe(401);
    const wrong = await call('getStatus', {}, { Authorization: `Bearer ${host.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('rejects a foreign Origin and a foreign Host header (DNS rebinding)', async () => {
    expect((await call('getStatus', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('getStatus', {}, { Origin: host.origin })).status).toBe(200);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}/api/getStatus`, { method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${host.token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('turns malformed calls into typed errors', async () => {
    expect(await (await call('noSuchMethod', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await (await call('__proto__', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await (await call('scan', '{not json')).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await (await call('scan', { payload: 42 })).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('scan', 'x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await call('scan', JSON.stringify({ payload: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
    expect((await fetch(`${host.origin}/api/scan`, { headers: { Authorization: `Bearer ${host.token}` } })).status).toBe(405);
  });

  it('pushes core events over a token-protected WebSocket', async () => {
    const wsUrl = `${host.origin.replace('http', 'ws')}/api/events`;
    const refused = new WebSocket(`${wsUrl}?token=wrong`);
    await expect(new Promise((resolve, reject) => { refused.on('open', resolve); refused.on('error', reject); })).rejects.toThrow(/403/);

    const socket = new WebSocket(`${wsUrl}?token=${host.token}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const received = new Promise<string>((resolve) => socket.on('message', (data) => resolve(String(data))));
    const scan = (await (await call('scan', { payload: mrzText(TAJIK_PASSPORT) })).json()) as { value: { scanId: string } };
    await call('recordCrossing', { scanId: scan.value.scanId, direction: 'exit' });
    expect(JSON.parse(await received)).toMatchObject({ type: 'crossing-recorded', crossing: { direction: 'exit' } });
    socket.close();
  });
});
