import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import { CORE_METHOD_NAMES, ERROR_CODES, type Core } from '../../shared/contract';
import { createDispatcher } from '../../shared/host/dispatch';
import { startWebHost, type WebHost } from '../../shared/host/web/web-host';
import { tempDir } from '../support/temp-dir';
import { runs } from './fuzz-config';
import { TEST_PIN_HASH_COST } from '../support/core-session';

let core: Core;
let host: WebHost;
const staticDir = tempDir('checkpoint-fuzz-static-');

beforeAll(async () => {
  core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir('checkpoint-fuzz-'), logger: silentLogger });
  host = await startWebHost({ core, staticDir });
});

afterAll(async () => {
  await host.close();
  core.close();
});

const anyInput = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ payload: fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(null)) }, { requiredKeys: [] }),
  fc.record({ scanId: fc.oneof(fc.uuid(), fc.string()), direction: fc.string(), note: fc.anything() }, { requiredKeys: [] }),
  fc.record({ limit: fc.integer(), from: fc.string(), to: fc.string(), beforeSequence: fc.double() }, { requiredKeys: [] }),
  fc.anything({ maxDepth: 2 }),
);

function expectTypedResult(result: unknown): void {
  expect(typeof result).toBe('object');
  const r = result as { ok: boolean; error?: { code: string; message: string } };
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(ERROR_CODES).toContain(r.error?.code);
    expect(r.error?.message.length).toBeGreaterThan(8);
  }
}

describe('fuzz: every CoreApi method with malformed arguments', () => {
  it('through the dispatcher both hosts use: 8k calls, typed results only', async () => {
    const dispatch = createDispatcher(core);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...CORE_METHOD_NAMES), fc.string({ maxLength: 20 })), anyInput, async (method, input) => {
        expectTypedResult(await dispatch(method, input));
      }),
      runs(8_000),
    );
  });

  it('through the HTTP host: 1.5k raw request bodies, typed results only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CORE_METHOD_NAMES, 'nope', '..%2F'), fc.oneof(fc.string({ maxLength: 300 }), anyInput.map((v) => JSON.stringify(v) ?? 'null')), async (method, body) => {
        const response = await fetch(`${host.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
          body,
        });
        expect([200, 400]).toContain(response.status);
        expectTypedResult(await response.json());
      }),
      runs(1_500),
    );
  });
});
