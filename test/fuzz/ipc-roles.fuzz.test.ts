/**
 * Every CoreApi method through Electron main's IPC handlers (registerCoreIpc with a fake ipcMain: the
 * Electron binary cannot be downloaded here), with malformed arguments, as every role and signed out, so
 * the calls get past the permission check into input validation and the use-cases. Every answer must be a
 * typed result; `internal` (an exception nobody turned into words) fails the run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCoreIpc } from '../../electron/main/core-ipc';
import { createCore, silentLogger } from '../../shared/app';
import { CORE_METHOD_NAMES, ERROR_CODES, ipcChannelFor, type Core } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain/auth';
import { createDispatcher } from '../../shared/host/dispatch';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { unwrap } from '../support/result';
import { tempDir } from '../support/temp-dir';
import { FakeIpcMain, appFrame } from '../unit/electron/fakes';
import { runs } from './fuzz-config';

// Signing in and out is what the loop itself does per role; the first-run wizard is done.
const METHODS = CORE_METHOD_NAMES.filter((m) => m !== 'login' && m !== 'logout' && m !== 'bootstrapStation');

let core: Core;
const ipc = new FakeIpcMain();

beforeAll(async () => {
  core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir('checkpoint-fuzz-ipc-'), logger: silentLogger, bootstrap: testBootstrap(null, { roles: ROLES }) });
  registerCoreIpc(ipc, createDispatcher(core));
});
afterAll(() => core.close());

const malformed = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
  fc.dictionary(fc.constantFrom('id', 'groupId', 'scanId', 'days', 'limit', 'path', 'content', 'format', 'direction', 'username', 'pin', 'userId'), fc.anything({ maxDepth: 1 })),
  fc.record({ groupId: fc.uuid(), scanId: fc.uuid(), userId: fc.uuid(), days: fc.integer(), limit: fc.integer() }, { requiredKeys: [] }),
);
// Usually one argument; sometimes none or too many (a compromised renderer is not bound to the preload).
const args = fc.oneof({ weight: 8, arbitrary: malformed.map((a) => [a]) }, { weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(malformed, { minLength: 2, maxLength: 3 }) });

describe('fuzz: every CoreApi method through the Electron IPC handlers, as every role', () => {
  for (const role of [...ROLES, null] as (Role | null)[]) {
    it(`${role ?? 'signed out'}: 3k calls with malformed arguments, typed results only`, async () => {
      if (role) unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
      else unwrap(await core.logout({}));
      const codes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...METHODS), args, async (method, callArgs) => {
          const result = (await ipc.invoke(ipcChannelFor(method), appFrame, ...callArgs)) as { ok: boolean; error?: { code: string; message: string } };
          expect(typeof result.ok).toBe('boolean');
          const code = result.ok ? 'ok' : String(result.error?.code);
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (result.ok) return;
          expect(ERROR_CODES).toContain(result.error?.code);
          expect(result.error?.code, `${method}(${JSON.stringify(callArgs).slice(0, 200)}): ${result.error?.message}`).not.toBe('internal');
          expect(result.error?.message.length).toBeGreaterThan(8);
        }),
        runs(3_000),
      );
      // Signed in, the calls did get past the permission check to input validation, or this proved little.
      if (role) expect(codes.get('invalid-input') ?? 0, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(100);
      // The session survived the fuzzing: the role is still signed in (or still signed out).
      expect(unwrap(await core.whoAmI({})).user?.role ?? null).toBe(role);
    }, 300_000);
  }
});
