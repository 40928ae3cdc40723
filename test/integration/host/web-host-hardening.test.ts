/**
 * Attacks on the browser host found by the second adversarial review: malformed addresses and media
 * types, the launch token on command lines and in the log, one session shared by every browser.
 * Each test failed on the host before its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { startWebHost, type WebHost } from '../../../shared/host/web/web-host';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

let core: Core;
let host: WebHost;

beforeEach(async () => {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>lane</title>');
  core = await createCore({ dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap(null, { roles: ['operator', 'shift-lead'] }) });
  host = await startWebHost({ core, staticDir });
});

afterEach(async () => {
  await host.close();
  core.close();
});

const call = (method: string, body: unknown, token = host.token, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

/** Opens a one-time launch address as a browser would, and returns the token its redirect hands over. */
async function launch(url = host.launchUrl()): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  const token = /^\/#token=([\w-]+)$/.exec(response.headers.get('location') ?? '')?.[1];
  expect(token).toBeDefined();
  return token ?? '';
}

describe('browser host: addresses and media types', () => {
  it('answers a malformed percent-encoding in the method name with 400, not 500', async () => {
    for (const name of ['%', '%E0%A4%A', 'get%Status', '%ZZ']) {
      const response = await call(name, {});
      expect(response.status, name).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('takes application/json only, not a type that merely starts with it', async () => {
    for (const type of ['application/jsonx', 'application/json-seq', 'application/jsonp; charset=utf-8', 'text/plain']) {
      expect((await call('getStatus', {}, host.token, { 'Content-Type': type })).status, type).toBe(415);
    }
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      expect((await call('getStatus', {}, host.token, { 'Content-Type': type })).status, type).toBe(200);
    }
  });
});

describe('browser host: launch codes', () => {
  it('hands a browser its own token for a one-time code that carries no token', async () => {
    const url = host.launchUrl();
    expect(url).not.toContain(host.token);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[\w-]{32}$/);
    const token = await launch(url);
    expect(token).not.toBe(host.token);
    expect((await call('getStatus', {}, token)).status).toBe(200);
    // Spent: the same address opens nothing a second time, and made-up codes open nothing.
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`${host.origin}/launch?code=x`, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`${host.origin}/launch`, { redirect: 'manual' })).status).toBe(403);
  });
});

describe('browser host: the signed-in session belongs to the browser that signed in', () => {
  it('another browser sees the station signed out and cannot act as that person', async () => {
    const lane = await launch();
    const other = await launch();
    const login = await call('login', { username: TEST_USERNAME.operator, pin: TEST_PIN.operator }, lane);
    expect(await login.json()).toMatchObject({ ok: true });
    expect(await (await call('listCrossings', {}, lane)).json()).toMatchObject({ ok: true });

    const stolen = await call('listCrossings', {}, other);
    expect(stolen.status).toBe(401);
    expect(await stolen.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await (await call('whoAmI', {}, other)).json()).toMatchObject({ ok: true, value: { user: null } });
    // Signing out from elsewhere does not end the lane's session.
    expect(await (await call('logout', {}, other)).json()).toMatchObject({ ok: true, value: { signedOut: false } });
    expect(await (await call('whoAmI', {}, lane)).json()).toMatchObject({ ok: true, value: { user: { username: TEST_USERNAME.operator } } });

    // Signing in from the other browser takes the lane over: the first browser is then the outsider.
    await call('login', { username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }, other);
    expect((await call('listCrossings', {}, other)).status).toBe(200);
    expect((await call('listCrossings', {}, lane)).status).toBe(401);
  });
});
