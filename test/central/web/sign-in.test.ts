import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HubUsers, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from '../../../central/auth/hub-users';
import { runCentralCli } from '../../../central/cli/run-central-cli';
import { createHubServer } from '../../../central/server/create-server';
import { openCentralStore } from '../../../central/store/open-store';
import { centralAdminUrl, createTestDatabase } from '../../support/central-db';
import { openTestHub } from '../../support/central-store';
import { tempDir } from '../../support/temp-dir';

const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const CHEAP = { N: 1024, r: 8, p: 1 };

function serverAt(store: Awaited<ReturnType<typeof openTestHub>>, clock: { now: number }): FastifyInstance {
  const app = createHubServer(store, { now: () => new Date(clock.now) });
  servers.push(app);
  return app;
}

const signIn = (app: FastifyInstance, name: string, secret: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { name, secret }, headers: { host: 'hub.test', ...headers } });

const cookieFrom = (setCookie: string | string[] | undefined): string => String(setCookie).split(';')[0]!;

describe.skipIf(!centralAdminUrl())('hub web UI sign-in on PostgreSQL', () => {
  it('`user add` prints a one-time password once; it signs in, the cookie is HttpOnly and SameSite=Strict, sign-out ends the session', async () => {
    const databaseUrl = await createTestDatabase();
    let out = '';
    const code = await runCentralCli(['user', 'add', '--name', 'aigerim', '--role', 'coordinator', '--database-url', databaseUrl, '--data-dir', tempDir('hub-')], {
      stdin: async () => '',
      stdout: (t) => (out += t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const added = JSON.parse(out) as { name: string; role: string; password: string };
    expect(added).toMatchObject({ name: 'aigerim', role: 'coordinator' });
    expect(added.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    let again = '';
    expect(await runCentralCli(['user', 'add', '--name', 'aigerim', '--role', 'consular', '--database-url', databaseUrl, '--data-dir', tempDir('hub-')], { stdin: async () => '', stdout: () => undefined, stderr: (t) => (again += t) })).toBe(1);
    expect(again).toMatch(/already exists/);

    const hub = await openCentralStore({ databaseUrl, dataDir: tempDir('hub-') });
    try {
      const stored = await hub.sql.query<{ secret_hash: string }>('SELECT secret_hash FROM central_users');
      expect(stored[0]!.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(stored[0]!.secret_hash).not.toContain(added.password);
      const app = serverAt(hub, { now: Date.now() });
      expect((await app.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
      const ok = await signIn(app, 'aigerim', added.password);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ user: { name: 'aigerim', role: 'coordinator' }, permissions: expect.arrayContaining(['board', 'alerts.acknowledge']) });
      const setCookie = String(ok.headers['set-cookie']);
      expect(setCookie).toMatch(/^hub_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
      const cookie = cookieFrom(ok.headers['set-cookie']);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json()).toMatchObject({ user: { name: 'aigerim' } });
      // Only the token's hash is kept.
      const [session] = await hub.sql.query<{ token_sha256: string }>('SELECT token_sha256 FROM central_sessions');
      expect(cookie).not.toContain(session!.token_sha256);
      expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, host: 'hub.test', origin: 'http://hub.test' } })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
      // Another site's page cannot sign in (a forged sign-in), whatever the secret.
      expect((await signIn(app, 'aigerim', added.password, { origin: 'https://evil.example' })).statusCode).toBe(403);
      const audit = await hub.sql.query<{ action: string }>('SELECT action FROM central_audit WHERE subject = $1 ORDER BY id', ['user:aigerim']);
      expect(audit.map((a) => a.action)).toEqual(['user.added', 'user.signed-in']);
    } finally {
      await hub.close();
    }
  });

  it('locks after MAX_FAILED_SIGN_INS wrong secrets counted before the compare: a burst of parallel guesses gets exactly that many compares', async () => {
    const store = await openTestHub();
    const users = new HubUsers(store.sql, CHEAP);
    const { password } = await users.add('farrukh', 'consular', 'test');
    const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
    const app = serverAt(store, clock);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(app, 'farrukh', `wrong-${i}`)));
    const statuses = burst.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(statuses.filter((s) => s === 423)).toHaveLength(12 - MAX_FAILED_SIGN_INS);
    // The right secret does not open a locked account, and is not even compared.
    const locked = await signIn(app, 'farrukh', password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ error: { code: 'sign-in-locked', until: new Date(clock.now + LOCK_MINUTES * 60_000).toISOString() } });
    clock.now += LOCK_MINUTES * 60_000 + 1;
    const after = await signIn(app, 'farrukh', password);
    expect(after.statusCode).toBe(200);
    expect(await store.sql.query('SELECT failed_attempts, locked_until FROM central_users')).toEqual([{ failed_attempts: 0, locked_until: null }]);
    expect((await store.sql.query<{ action: string }>(`SELECT action FROM central_audit WHERE action = 'user.locked'`)).length).toBe(1);
  });

  it('an unknown name and a wrong secret get the same answer; a session ends at its expiry', async () => {
    const store = await openTestHub();
    const users = new HubUsers(store.sql, CHEAP);
    const { password } = await users.add('admin.hub', 'hub-admin', 'test');
    const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
    const app = serverAt(store, clock);
    const unknown = await signIn(app, 'nobody', 'x');
    const wrong = await signIn(app, 'admin.hub', 'x');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
    const ok = await signIn(app, 'admin.hub', password);
    const cookie = cookieFrom(ok.headers['set-cookie']);
    clock.now += 12 * 3_600_000 + 1;
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });
});
