import { createPrivateKey } from 'node:crypto';
import type { Crossing } from '../../shared/contract';
import { ExportsRepo, StationStore } from '../../shared/node/db';
import { AlertsRepo } from '../../shared/node/db/alerts-repo';
import { GroupsRepo } from '../../shared/node/db/groups-repo';
import { writeBundle, type WrittenBundle } from '../../shared/node/export';
import { loadOrCreateStationKey, type StationKey } from '../../shared/node/keys';
import { addGoldenHistory } from './golden-history';

/**
 * A fully deterministic station (fixed ids, times and signing key) whose bundles are compared byte for byte
 * with test/fixtures/export: the central system parses these files, so a faster writer must not change a byte.
 */

/** 1 March 2021, 00:00 in Tashkent. */
const TASHKENT_DAY = Date.parse('2021-02-28T19:00:00Z');
/** 28 March 2021 in Berlin: 23 hours long (clocks go forward at 02:00). */
const BERLIN_FROM = Date.parse('2021-03-27T23:00:00Z');
const BERLIN_TO = Date.parse('2021-03-28T22:00:00Z');

/** Names that exercise JSON escaping, CSV quoting, formula defusing and UTF-8 (two-, three- and four-byte). */
const NAMES = [
  'JURAEV',
  "O'NEIL",
  'SMITH, JR',
  'Иванов',
  '=CMD()',
  '+1 234',
  '-5',
  '@SUM(A1)',
  '\tTAB',
  '\rCR',
  'say "hi"',
  'back\\slash',
  'emoji 😀 pair',
  'two\nlines',
  'crlf\r\nend',
  'ctrl\u0001\u001fchar',
  'sep\u2028para\u2029',
  '中文名',
  '',
  ' padded ',
];

const REASONS = [
  [],
  [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' }],
  [
    { code: 'doc.expired', severity: 'error', message: 'Expired on 2021-01-01, "hard" stop' },
    { code: 'list.hit', severity: 'warning', message: 'Watch list | partial match,\nsee note' },
    { code: 'mrz.valid', severity: 'info', message: 'ok' },
  ],
] as const;

export const GOLDEN_SEED = Buffer.from('8f1e0c6b2a4d97e3b5c1f0a29d7e6b4c3a1f0e9d8c7b6a5f4e3d2c1b0a998877', 'hex');

/** The Ed25519 key from a fixed seed (PKCS#8 DER prefix + seed), so the manifest and its signature are stable. */
function goldenKey(dataDir: string): StationKey {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), GOLDEN_SEED]);
  const pem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }) as string;
  return loadOrCreateStationKey(dataDir, { description: 'golden test key', load: () => pem, create: () => undefined });
}

function crossing(i: number, recordedAtMs: number, stationId: string): Omit<Crossing, 'sequence'> {
  const name = NAMES[i % NAMES.length] as string;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    recordedAt: new Date(recordedAtMs).toISOString(),
    stationId,
    operatorId: i % 4 === 0 ? `op-${i % 3}` : null,
    direction: i % 3 === 0 ? 'exit' : 'entry',
    outcome: i % 5 === 0 ? 'NOT_OK' : i % 7 === 0 ? 'NEEDS_CROSS_CHECK' : 'OK',
    // As recorded before dispositions (every Enter recorded a crossing), but for the two travellers whose later
    // history the v2 golden bundles carry (golden-history.ts).
    disposition: i === 7 ? 'held' : i === 10 ? 'refused' : 'crossed',
    reasons: REASONS[i % REASONS.length]!.map((r) => ({ ...r })) as Crossing['reasons'],
    document: {
      format: i % 9 === 0 ? 'TD1' : 'TD3',
      documentCode: i % 9 === 0 ? 'ID' : 'P',
      issuingState: i % 2 === 0 ? 'TJK' : 'UZB',
      documentNumber: `A${String(i).padStart(8, '0')}`,
      nationality: i % 2 === 0 ? 'TJK' : 'UZB',
      surname: name,
      givenNames: NAMES[(i * 7) % NAMES.length] as string,
      birthDate: i % 8 === 0 ? null : '1990-01-15',
      sex: i % 6 === 0 ? null : i % 2 === 0 ? 'M' : 'F',
      expiryDate: i % 10 === 0 ? null : '2030-06-20',
    } as Crossing['document'],
    scanSource: i % 5 === 0 ? 'camera' : 'wedge',
    note: i % 4 === 0 ? NAMES[(i * 3) % NAMES.length]! : null,
    checkpointId: i % 2 === 0 ? 'UZ-GISHTKUPRIK' : null,
    corridorId: i % 3 === 0 ? 'KZ-UZ-1' : i % 3 === 1 ? 'UZ-TJ-2' : null,
    groupId: i % 5 === 0 ? 'grp-bus-07' : i % 5 === 1 ? 'grp-bus-03' : i % 11 === 0 ? 'grp-unknown' : null,
    ruleProfileId: i % 6 === 0 ? 'covid-2021' : null,
    ruleProfileVersion: i % 6 === 0 ? 3 : i % 13 === 0 ? -1 : null,
  };
}

export interface GoldenStation {
  readonly store: StationStore;
  readonly source: ExportsRepo;
  readonly key: StationKey;
  readonly stationId: string;
  /** The two golden bundles (a Tashkent day; Berlin's 23-hour spring-forward day) into `outDir`. */
  write(outDir: string, format: 'folder' | 'zip', pageSize?: number): Promise<(WrittenBundle & { readonly path: string })[]>;
}

/** Builds the golden station in `dataDir` (a real, encrypted SQLite file). */
export function openGoldenStation(dataDir: string): GoldenStation {
  const store = StationStore.open(dataDir);
  const db = store.database;
  const stationId = 'STN-GOLD01';
  const key = goldenKey(dataDir);
  const source = new ExportsRepo(db);
  store.transaction(() => {
    const at = '2021-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO checkpoints (id, name, country, created_at) VALUES (?, ?, ?, ?)').run('UZ-GISHTKUPRIK', 'Gishtkuprik', 'UZB', at);
    db.prepare('INSERT INTO checkpoints (id, name, country, created_at) VALUES (?, ?, ?, ?)').run('KZ-ZHIBEK', 'Zhibek Zholy', 'KAZ', at);
    db.prepare(
      `INSERT INTO corridors (id, name, entry_checkpoint_id, exit_checkpoint_id, expected_transit_minutes, max_transit_minutes, created_at, updated_at)
       VALUES (?, ?, ?, ?, 60, 120, ?, ?)`,
    ).run('KZ-UZ-1', 'Zhibek Zholy → Gishtkuprik', 'KZ-ZHIBEK', 'UZ-GISHTKUPRIK', at, at);
    const groups = new GroupsRepo(db);
    const group = (id: string, label: string, expectedCount: number | null) =>
      groups.insert({
        id,
        corridorId: 'KZ-UZ-1',
        label,
        vehiclePlate: null,
        driverName: null,
        escortName: null,
        expectedCount,
        plannedDepartureAt: null,
        departedAt: null,
        arrivedAt: null,
        originStationId: 'STN-OTHER',
        createdAt: at,
      });
    group('grp-bus-07', 'Bus 07, "late"', 30);
    group('grp-bus-03', 'Bus 03', null);

    // Tashkent day: every 17 minutes and 3.5 s, plus rows on the hour and at the period edges.
    let i = 0;
    const record = (ms: number) => store.recordCrossing(crossing((i += 1), ms, stationId), 'station');
    record(TASHKENT_DAY - 1); // previous day: not in the bundle
    record(TASHKENT_DAY);
    for (let ms = TASHKENT_DAY + 3_500; ms < TASHKENT_DAY + 86_400_000; ms += 17 * 60_000 + 3_500) record(ms);
    record(TASHKENT_DAY + 86_400_000 + 5); // next day, recorded in between (a clock set wrong): a declared gap
    record(TASHKENT_DAY + 12 * 3_600_000);
    record(TASHKENT_DAY + 86_400_000 - 1);
    // Berlin's spring-forward day, both sides of 02:00 → 03:00.
    for (let ms = BERLIN_FROM; ms < BERLIN_TO; ms += 41 * 60_000 + 999) record(ms);

    const alerts = new AlertsRepo(db);
    const alert = (n: number, ms: number, type: 'duplicate-scan' | 'overdue' | 'not-on-manifest', extra: Partial<{ groupId: string; crossingId: string; subjectIds: string[] }> = {}) =>
      alerts.raise({
        id: `alert-${n}`,
        type,
        severity: type === 'overdue' ? 'critical' : 'warning',
        dedupeKey: `golden-${n}`,
        raisedAt: new Date(ms).toISOString(),
        corridorId: extra.groupId ? 'KZ-UZ-1' : null,
        groupId: extra.groupId ?? null,
        crossingId: extra.crossingId ?? null,
        subjectIds: extra.subjectIds ?? [],
      });
    alert(1, TASHKENT_DAY + 9 * 3_600_000, 'duplicate-scan', { crossingId: '00000000-0000-4000-8000-000000000005' });
    alert(2, TASHKENT_DAY + 10 * 3_600_000 + 1, 'overdue', { groupId: 'grp-bus-07', subjectIds: ['00000000-0000-4000-8000-000000000010', 'x"y'] });
    alert(3, TASHKENT_DAY + 23 * 3_600_000, 'not-on-manifest');
    alert(4, BERLIN_FROM + 3 * 3_600_000, 'duplicate-scan');
    db.prepare("UPDATE alerts SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, note = ? WHERE id = 'alert-2'").run(
      new Date(TASHKENT_DAY + 11 * 3_600_000).toISOString(),
      'op-1',
      'called the driver, "ok"',
    );
    addGoldenHistory(db, TASHKENT_DAY);
  });

  return {
    store,
    source,
    key,
    stationId,
    async write(outDir, format, pageSize) {
      const common = { source, signer: key, stationId, checkpointId: 'UZ-GISHTKUPRIK', appVersion: 'golden', outDir, format, ...(pageSize ? { pageSize } : {}) };
      return [
        await writeBundle({ ...common, fromMs: TASHKENT_DAY, toMs: TASHKENT_DAY + 86_400_000, timeZone: 'Asia/Tashkent', createdAt: new Date(TASHKENT_DAY + 90_000_000) }),
        await writeBundle({ ...common, checkpointId: null, fromMs: BERLIN_FROM, toMs: BERLIN_TO, timeZone: 'Europe/Berlin', createdAt: new Date(BERLIN_TO + 60_000) }),
      ];
    },
  };
}
