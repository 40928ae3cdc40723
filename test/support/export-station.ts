import type { Crossing } from '../../shared/contract';
import { ExportsRepo, OutboxRepo, StationStore, correctionSeal, type CorrectionRow } from '../../shared/node/db';
import { CorrectionsRepo } from '../../shared/node/db/corrections-repo';
import { AlertsRepo } from '../../shared/node/db/alerts-repo';
import { loadOrCreateStationKey, type StationKey } from '../../shared/node/keys';
import type { ExportDeps } from '../../shared/app/export/export-bundle';
import { TIME_ZONE_KEY } from '../../shared/app/export/export-settings';

export const TEST_ZONE = 'Asia/Tashkent';
/** 1 March 2021, 00:00 in Tashkent. */
export const DAY1_START = Date.parse('2021-02-28T19:00:00Z');
export const DAY_MS = 86_400_000;

const SURNAMES = ['JURAEV', 'KARIMOVA', "O'NEIL", 'SMITH, JR', 'Иванов', '=CMD()'];

/** A crossing as the lane records it; names include a comma, an apostrophe, Cyrillic and a formula to exercise CSV. */
export function crossingAt(i: number, recordedAtMs: number, stationId: string): Omit<Crossing, 'sequence'> {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    recordedAt: new Date(recordedAtMs).toISOString(),
    stationId,
    operatorId: null,
    direction: i % 3 === 0 ? 'exit' : 'entry',
    outcome: i % 5 === 0 ? 'NOT_OK' : i % 7 === 0 ? 'NEEDS_CROSS_CHECK' : 'OK',
    // Rows as recorded before dispositions: every Enter recorded a crossing.
    disposition: 'crossed',
    reasons: [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' }],
    document: {
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'TJK',
      documentNumber: `A${String(i).padStart(8, '0')}`,
      nationality: 'TJK',
      surname: SURNAMES[i % SURNAMES.length] as string,
      givenNames: 'RUSTAM "RUS"',
      birthDate: '1990-01-15',
      sex: 'M',
      expiryDate: '2030-06-20',
    },
    scanSource: 'wedge',
    note: i % 4 === 0 ? 'line one\nline two, with comma' : null,
    checkpointId: null,
    corridorId: i % 2 === 0 ? 'KZ-UZ-1' : null,
    groupId: null,
    ruleProfileId: null,
    ruleProfileVersion: null,
  };
}

export interface TestStation {
  readonly store: StationStore;
  readonly key: StationKey;
  readonly deps: ExportDeps;
  readonly stationId: string;
  record(count: number, startMs: number, stepMs: number): void;
  raiseAlert(atMs: number, n: number): void;
}

let counter = 0;

/** A real station database in `dataDir` with the export time zone set, and the deps an export needs. */
export function openTestStation(dataDir: string, now: () => Date = () => new Date(DAY1_START + 3 * DAY_MS), id = 'STN-TEST01'): TestStation {
  const store = StationStore.open(dataDir);
  const stationId = store.ensureSetting('station.id', () => id);
  const exports = new ExportsRepo(store.database);
  store.transaction(() => exports.setSetting(TIME_ZONE_KEY, TEST_ZONE));
  const key = loadOrCreateStationKey(dataDir);
  const deps: ExportDeps = {
    store,
    exports,
    outbox: new OutboxRepo(store.database),
    signer: key,
    stationId,
    checkpointId: null,
    appVersion: 'test',
    dataDir,
    now,
    newId: () => crypto.randomUUID(),
    actor: 'station',
  };
  return {
    store,
    key,
    deps,
    stationId,
    record(count, startMs, stepMs) {
      for (let n = 0; n < count; n += 1) {
        counter += 1;
        store.recordCrossing(crossingAt(counter, startMs + n * stepMs, stationId), 'station');
      }
    },
    raiseAlert(atMs, n) {
      store.transaction(() =>
        new AlertsRepo(store.database).raise({
          id: crypto.randomUUID(),
          type: 'duplicate-scan',
          severity: 'warning',
          dedupeKey: `test-${atMs}-${n}`,
          raisedAt: new Date(atMs).toISOString(),
          corridorId: null,
          groupId: null,
          crossingId: null,
          subjectIds: [],
        }),
      );
    },
  };
}

/** Voids a crossing as the core writes it: the correction with its sealed audit row, in one transaction. */
export function voidCrossing(station: TestStation, crossing: Pick<Crossing, 'id' | 'direction' | 'outcome'>, atMs: number): void {
  const correction: CorrectionRow = { id: crypto.randomUUID(), crossingId: crossing.id, kind: 'void', disposition: 'cancelled', direction: null, outcome: null, reasons: null, groupId: null, reason: 'Scanned in error', operatorId: null, overrideId: null, at: new Date(atMs).toISOString() };
  station.store.transaction(() => {
    new CorrectionsRepo(station.store.database).append(correction, { disposition: 'cancelled', direction: crossing.direction, outcome: crossing.outcome, groupId: null });
    station.store.appendAudit({ at: correction.at, actor: 'lead', action: 'crossing.corrected', entity: 'correction', entityId: correction.id, payload: { crossingId: crossing.id, kind: 'void', ...correctionSeal(correction) } });
  });
}
