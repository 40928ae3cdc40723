/**
 * kill -9 through the real path: the whole application (`createCore`) in a child process, and the built browser
 * host (`dist/node/web-host.mjs`, needs `npm run build`) serving several concurrent HTTP clients. Each round kills
 * at a random moment up to KILL_WINDOW_MS after the first acknowledgement (seconds into the run, not only its
 * first milliseconds) and then checks, on the folder the killed process left: integrity, every acknowledged
 * crossing present with its audit row and matching content hash, the audit chain. The next round starts a new
 * process on the same folder (a stale host.lock is taken over). Rounds: CORE_CRASH_ROUNDS / HOST_CRASH_ROUNDS
 * (at least the defaults in CI); the kill schedule replays with CRASH_SEED.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import { lanePassport } from './lane-passport';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { checkAcknowledged, roundsFrom } from './acknowledged';
import { buildChild, runAndKill, seededRandom, type BuiltChild } from './kill-harness';

const KILL_WINDOW_MS = 3_000;
const CORE_ROUNDS = roundsFrom('CORE_CRASH_ROUNDS', 3);
const HOST_ROUNDS = roundsFrom('HOST_CRASH_ROUNDS', 3);
const CLIENTS = 4;
const HOST_SCRIPT = path.resolve('dist/node/web-host.mjs');
const random = seededRandom();
let child: BuiltChild;

beforeAll(async () => {
  child = await buildChild('test/reliability/core-child.ts');
});

afterAll(() => child?.dispose());

function expectAllThere(dataDir: string, acknowledged: Set<string>, round: number): void {
  const check = checkAcknowledged(dataDir, acknowledged);
  expect(check, `round ${round}`).toEqual({ integrity: 'ok', lost: [], withoutAudit: [], content: [], auditChain: true });
}

describe('kill -9 through createCore', () => {
  it(`keeps every acknowledged crossing, its audit row and audited content over ${CORE_ROUNDS} kills`, async () => {
    const dataDir = path.join(child.workDir, 'core-station');
    const acknowledged = new Set<string>();
    let next = 0;
    for (let round = 1; round <= CORE_ROUNDS; round += 1) {
      const acked = await runAndKill(child.script, [dataDir, String(next)], Math.floor(random() * KILL_WINDOW_MS));
      for (const id of acked) acknowledged.add(id);
      // Travellers continue after the highest number handed out, acknowledged or not.
      next += acked.length + 10_000;
      expectAllThere(dataDir, acknowledged, round);
    }
    expect(acknowledged.size).toBeGreaterThan(CORE_ROUNDS);
    console.log(`createCore: ${acknowledged.size} crossings acknowledged over ${CORE_ROUNDS} kills, none lost`);
  });
});

interface RunningHost {
  readonly origin: string;
  readonly token: string;
  kill(): Promise<void>;
}

/** Starts the built browser host on the folder and waits for the address it prints with its token. */
function startHost(dataDir: string): Promise<RunningHost> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--port', '0', '--print-token', '--idle-minutes', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Address with the station token: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(out);
      if (found) resolve({ origin: found[1] ?? '', token: found[2] ?? '', kill: () => (proc.kill('SIGKILL'), exited) });
    });
    proc.once('exit', (code) => reject(new Error(`the host ended before it listened (${code}): ${err}${out}`)));
  });
}

async function call(host: RunningHost, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

/**
 * One lane client: scan, Enter, until the host dies. An id counts as acknowledged once its answer arrived;
 * a call cut by the kill (connection reset) is not.
 */
async function laneClient(host: RunningHost, numbers: () => number, acked: (id: string) => void): Promise<void> {
  for (;;) {
    const n = numbers();
    try {
      const scan = await call(host, 'scan', { payload: lanePassport(n) });
      if (!scan.ok) throw new Error(`scan ${n}: ${scan.error?.message}`);
      const recorded = await call(host, 'recordCrossing', { scanId: (scan.value as { scanId: string }).scanId, direction: n % 2 === 0 ? 'entry' : 'exit' });
      if (!recorded.ok) throw new Error(`record ${n}: ${recorded.error?.message}`);
      acked((recorded.value as { id: string }).id);
    } catch (error) {
      if (error instanceof TypeError) return; // fetch failed: the host is gone
      throw error;
    }
  }
}

describe('kill -9 through the browser host with concurrent clients', () => {
  it.skipIf(!fs.existsSync(HOST_SCRIPT))(`keeps every crossing a client got an answer for over ${HOST_ROUNDS} kills`, async () => {
    const dataDir = path.join(child.workDir, 'host-station');
    // The station and its operator, set up once as at a first start.
    (await createCore({ dataDir, logger: silentLogger, pinHashCost: TEST_PIN_HASH_COST, bootstrap: testBootstrap(null, { roles: ['operator'] }) })).close();
    const acknowledged = new Set<string>();
    let n = 50_000;
    for (let round = 1; round <= HOST_ROUNDS; round += 1) {
      const host = await startHost(dataDir);
      const login = await call(host, 'login', { username: TEST_USERNAME.operator, pin: TEST_PIN.operator });
      expect(login, `round ${round}: sign in`).toMatchObject({ ok: true });
      let killAt: NodeJS.Timeout | undefined;
      let killed: Promise<void> | undefined;
      const acked = (id: string) => {
        acknowledged.add(id);
        killAt ??= setTimeout(() => (killed = host.kill()), Math.floor(random() * KILL_WINDOW_MS));
      };
      await Promise.all(Array.from({ length: CLIENTS }, () => laneClient(host, () => (n += 1), acked)));
      await killed;
      n += 10_000;
      expectAllThere(dataDir, acknowledged, round);
    }
    expect(acknowledged.size).toBeGreaterThan(HOST_ROUNDS);
    console.log(`browser host: ${acknowledged.size} crossings acknowledged to ${CLIENTS} clients over ${HOST_ROUNDS} kills, none lost`);
  });
});
