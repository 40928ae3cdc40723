import fs from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, Direction } from '../../../shared/contract';
import { pairingProblems, type Passage } from '../../../shared/domain/corridor';
import { openStationDatabase } from '../../../shared/node/db';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller, usePassportOnlyRules } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const PEOPLE = 6;
// Person 5 shows a replaced passport at the exit: same name and birth date, another number.
const atExit = (i: number) => (i === 5 ? traveller(i, { documentNumber: 'TJ9995005' }) : traveller(i));

type Step = { kind: 'entry' | 'exit'; person: number } | { kind: 'carry' } | { kind: 'carry-again' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('entry' as const), person: fc.integer({ min: 0, max: PEOPLE - 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('exit' as const), person: fc.integer({ min: 0, max: PEOPLE - 1 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'carry' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'carry-again' as const }) },
);

// Both stations are set up once (scrypt is slow on purpose); every run starts from a copy of their folders.
let templates: { entry: string; exit: string; groupId: string };

beforeAll(async () => {
  const clock = new ManualClock(new Date('2021-03-01T05:00:00Z'));
  const users = [testUser('shift-lead')];
  const entryDir = tempDir();
  const exitDir = tempDir();
  const entry = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: entryDir, clock, logger: silentLogger, bootstrap: { station: stationAt('entry', 'STN-A'), users, signIn: TEST_USERNAME['shift-lead'] } });
  const exit = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: exitDir, clock, logger: silentLogger, bootstrap: { station: stationAt('exit', 'STN-B'), users, signIn: TEST_USERNAME.admin } });
  await usePassportOnlyRules(entry, 'shift-lead');
  await usePassportOnlyRules(exit, 'admin');
  const group = unwrap(await entry.createGroup({ corridorId: CORRIDOR.id, label: 'Bus P' }));
  unwrap(await entry.importManifest({ groupId: group.id, fileName: 'p.csv', format: 'csv', content: manifestCsv(Array.from({ length: PEOPLE }, (_, i) => traveller(i))) }));
  unwrap(await entry.setLaneGroup({ groupId: group.id }));
  const identity = unwrap(await entry.getStationIdentity({}));
  unwrap(await exit.trustStation({ stationId: identity.stationId, label: 'A', publicKey: identity.publicKey }));
  entry.close();
  exit.close();
  templates = { entry: entryDir, exit: exitDir, groupId: group.id };
}, 120_000);

async function open(template: string, clock: ManualClock): Promise<{ core: Core; dir: string }> {
  const dir = tempDir();
  fs.cpSync(template, dir, { recursive: true });
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: dir, clock, logger: silentLogger });
  unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  return { core, dir };
}

function passagesAndPairings(dataDir: string) {
  const db = openStationDatabase(dataDir, { readonly: true });
  const passages = db
    .prepare(
      `SELECT id, direction, corridor_id AS corridorId, group_id AS groupId, station_id AS stationId, recorded_at_ms AS recordedAtMs,
         document_number AS documentNumber, nationality, birth_date AS birthDate, name_key AS nameKey, 'local' AS source FROM crossings
       UNION ALL SELECT id, direction, corridor_id, group_id, source_station_id, recorded_at_ms, document_number, nationality, birth_date, name_key, 'imported'
       FROM imported_crossings`,
    )
    .all() as (Passage & { source: string })[];
  const pairings = db.prepare('SELECT entry_id AS entryId, exit_id AS exitId, method FROM pairings').all() as { entryId: string; exitId: string; method: 'document' | 'identity' }[];
  const openUnexpected = db.prepare("SELECT crossing_id AS id FROM alerts WHERE type = 'unexpected-arrival' AND status = 'open'").all() as { id: string }[];
  db.close();
  return { passages, pairings, openUnexpected: openUnexpected.map((r) => r.id) };
}

describe('pairing under any order of entries, exits and group-file imports', () => {
  it('never loses a crossing and always ends in a consistent pairing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
        const { core: entry } = await open(templates.entry, clock);
        const { core: exit, dir: exitDir } = await open(templates.exit, clock);
        let lastFile: string | undefined;
        const recorded: Record<Direction, string[]> = { entry: [], exit: [] };
        const carry = async () => {
          lastFile = unwrap(await entry.exportGroupFile({ groupId: templates.groupId })).content;
          unwrap(await exit.importGroupFile({ content: lastFile }));
        };
        try {
          for (const s of steps) {
            clock.advance(11 * 60_000); // past the repeated-scan window: every scan here is a new passage
            if (s.kind === 'carry') await carry();
            else if (s.kind === 'carry-again') {
              if (lastFile) expect(unwrap(await exit.importGroupFile({ content: lastFile }))).toMatchObject({ alreadyImported: true, crossingsAdded: 0 });
            } else {
              const core = s.kind === 'entry' ? entry : exit;
              const who = s.kind === 'entry' ? traveller(s.person) : atExit(s.person);
              const scan = unwrap(await core.scan({ payload: mrzOf(who) }));
              const crossing = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: s.kind }));
              expect(crossing.duplicate).toBe(false);
              recorded[s.kind].push(crossing.id);
            }
          }
          await carry(); // the last group file always reaches the exit end
        } finally {
          entry.close();
          exit.close();
        }
        const state = passagesAndPairings(exitDir);
        const local = state.passages.filter((p) => p.source === 'local').map((p) => p.id);
        const imported = state.passages.filter((p) => p.source === 'imported').map((p) => p.id);
        // Nothing lost, nothing doubled: every exit recorded here, every entry recorded there and carried over.
        expect(local.sort()).toEqual([...recorded.exit].sort());
        expect(imported.sort()).toEqual([...recorded.entry].sort());
        expect(pairingProblems(state.passages, state.pairings)).toEqual([]);
        // An exit stays "unexpected" exactly as long as it has no entry.
        const pairedExits = new Set(state.pairings.map((p) => p.exitId));
        expect(state.openUnexpected.filter((id) => pairedExits.has(id))).toEqual([]);
        expect(local.filter((id) => !pairedExits.has(id)).sort()).toEqual([...state.openUnexpected].sort());
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
