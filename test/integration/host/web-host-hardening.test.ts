/**
 * Attacks on the browser host found by the second adversarial review: malformed addresses and media
 * types, the launch token on command lines and in the log, one session shared by every browser.
 * Each test failed on the host before its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { startWebHost, type WebHost } from '../../../shared/host/web/web-host';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
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

describe('browser host: events reach the browser holding the session only', () => {
  /** An event socket of one browser, keeping every event it receives. */
  async function events(token: string): Promise<{ received: { type: string; what?: string }[]; close: () => void }> {
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/api/events?token=${token}`);
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const received: { type: string; what?: string }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as { type: string }));
    return { received, close: () => socket.close() };
  }

  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const types = (received: { type: string; what?: string }[]) => received.map((event) => (event.what ? `${event.type}:${event.what}` : event.type));

  it('a recorded crossing goes to every socket of the browser that signed in, none of another browser', async () => {
    const lane = await launch();
    const other = await launch();
    const laneTabs = [await events(lane), await events(lane)];
    const outsider = await events(other);
    expect(await (await call('login', { username: TEST_USERNAME.operator, pin: TEST_PIN.operator }, lane)).json()).toMatchObject({ ok: true });
    const scan = (await (await call('scan', { payload: mrzText(TAJIK_PASSPORT) }, lane)).json()) as { value: { scanId: string } };
    expect(await (await call('recordCrossing', { scanId: scan.value.scanId, direction: 'entry' }, lane)).json()).toMatchObject({ ok: true });
    for (const tab of laneTabs) await until(() => tab.received.some((event) => event.type === 'crossing-recorded'));

    // The other browser signs in: its session event is sent after the crossing's, so the crossing would have arrived.
    expect(await (await call('login', { username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }, other)).json()).toMatchObject({ ok: true });
    await until(() => outsider.received.filter((event) => event.type === 'log-changed').length >= 2);
    expect(types(outsider.received)).toEqual(['log-changed:session', 'log-changed:session']);

    // Now the first browser is the outsider: the next crossing reaches only the browser that took the lane over.
    const second = (await (await call('scan', { payload: mrzText(TAJIK_PASSPORT) }, other)).json()) as { value: { scanId: string } };
    expect(await (await call('recordCrossing', { scanId: second.value.scanId, direction: 'exit' }, other)).json()).toMatchObject({ ok: true });
    await until(() => outsider.received.some((event) => event.type === 'crossing-recorded'));
    expect(await (await call('logout', {}, other)).json()).toMatchObject({ ok: true, value: { signedOut: true } });
    for (const tab of laneTabs) {
      // The sign-out's session event is the last one sent: everything before it has arrived.
      await until(() => types(tab.received).filter((type) => type === 'log-changed:session').length >= 3);
      expect(types(tab.received).filter((type) => type === 'crossing-recorded')).toHaveLength(1);
      tab.close();
    }
    outsider.close();
  });
});
