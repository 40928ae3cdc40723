import { createCore, silentLogger } from '../../shared/app';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { nameKey } from '../../shared/domain/mrz';
import { GENESIS_HASH, RetentionRepo, StationStore, auditHash, crossingSeal, overrideSeal, type AuditEntry, type CrossingRecord, type SqliteDatabase } from '../../shared/node/db';
import type { Outcome } from '../../shared/contract';
import { sha256Hex } from '../../shared/node/sha256';
import { seededRandom } from '../harness/prng';
import { HISTORY_STATION, LATIN_GIVEN, LATIN_ROOTS, SURNAME_SUFFIXES, cyrillicOf, type HistoryPerson } from './history-people';

/**
 * A station's history built for measurements: a busy exit end of one corridor (buses arrive with the signed group
 * file of their entries, travellers leave the corridor here and are paired) and the entry end of the way back
 * (buses board here from an imported manifest), plus people travelling on their own. ~15,000 crossings a day,
 * groups of 68–600, manifests, alerts, corrections (overrides), daily acknowledged exports, and the hash-chained
 * audit rows of all of it; everything older than the retention period already purged, as the daily purge leaves it.
 *
 * The rows are written with prepared INSERTs in large transactions, with the secondary indexes dropped for the
 * load and rebuilt from their own SQL afterwards (the same indexes, one sorted pass each). The audit chain is
 * computed exactly as AuditLog.append does, so `db check` verifies it.
 */

export const CROSSINGS_PER_DAY = 15_000;
const GAP_MS = Math.round(86_400_000 / CROSSINGS_PER_DAY);
/** The moment the history ends: 14:00 in Tashkent (UTC+5), so "today" holds the same ~8,750 crossings at every size. */
export const HISTORY_END = new Date('2021-06-15T09:00:00.000Z');
/** The default retention period (no setting saved). */
export const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
const STATION_DAY_OFFSET_MS = 5 * 3_600_000;

export interface HistoryOptions {
  readonly dataDir: string;
  readonly crossings: number;
  readonly seed?: number;
}

export interface HistorySummary {
  readonly crossings: number;
  readonly importedCrossings: number;
  readonly groups: number;
  readonly manifestEntries: number;
  readonly alerts: number;
  readonly overrides: number;
  readonly auditRows: number;
  readonly exports: number;
  /** A 600-person group on the return corridor created today, not yet departed (the lane's group). */
  readonly laneGroupId: string;
  readonly buildSeconds: number;
  readonly buildCpuSeconds: number;
}

const id = (kind: number, n: number): string => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/** Sets the station up through the real first-run path (checkpoints, two corridors, users, rule profiles). */
async function setUpStation(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir, clock: { now: () => new Date(HISTORY_END.getTime() - 400 * DAY_MS) }, logger: silentLogger, bootstrap: HISTORY_STATION });
  core.close();
}

interface Statements {
  crossing: ReturnType<SqliteDatabase['prepare']>;
  state: ReturnType<SqliteDatabase['prepare']>;
  imported: ReturnType<SqliteDatabase['prepare']>;
  group: ReturnType<SqliteDatabase['prepare']>;
  manifest: ReturnType<SqliteDatabase['prepare']>;
  manifestImport: ReturnType<SqliteDatabase['prepare']>;
  groupFile: ReturnType<SqliteDatabase['prepare']>;
  pairing: ReturnType<SqliteDatabase['prepare']>;
  alert: ReturnType<SqliteDatabase['prepare']>;
  override: ReturnType<SqliteDatabase['prepare']>;
  audit: ReturnType<SqliteDatabase['prepare']>;
  exportRow: ReturnType<SqliteDatabase['prepare']>;
}

function prepare(db: SqliteDatabase): Statements {
  return {
    crossing: db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, operator_id, direction, outcome, reasons_json, document_json,
         document_number, nationality, scan_source, note, checkpoint_id, corridor_id, group_id, birth_date, name_key, disposition)
       VALUES (@id, @recordedAt, @recordedAtMs, @stationId, @operatorId, @direction, @outcome, @reasonsJson, @documentJson,
         @documentNumber, @nationality, 'wedge', NULL, @checkpointId, @corridorId, @groupId, @birthDate, @nameKey, @disposition)`,
    ),
    state: db.prepare(
      `INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at)
       VALUES (@id, @disposition, @direction, @outcome, @groupId, 0, @recordedAt)`,
    ),
    imported: db.prepare(
      `INSERT INTO imported_crossings (id, source_station_id, source_sequence, checkpoint_id, corridor_id, group_id, recorded_at, recorded_at_ms,
         operator_id, direction, outcome, reasons_json, document_json, document_number, nationality, birth_date, name_key, group_file_id, imported_at)
       VALUES (@id, @sourceStationId, @sourceSequence, @checkpointId, @corridorId, @groupId, @recordedAt, @recordedAtMs, NULL, 'entry', 'OK',
         @reasonsJson, @documentJson, @documentNumber, @nationality, @birthDate, @nameKey, @groupFileId, @importedAt)`,
    ),
    group: db.prepare(
      `INSERT INTO travel_groups (id, corridor_id, label, vehicle_plate, driver_name, escort_name, expected_count, planned_departure_at,
         departed_at, arrived_at, origin_station_id, created_at, updated_at)
       VALUES (@id, @corridorId, @label, @plate, @driver, NULL, @expected, NULL, @departedAt, @arrivedAt, @origin, @createdAt, @createdAt)`,
    ),
    manifest: db.prepare(
      `INSERT INTO manifest_entries (id, group_id, line_no, document_number, nationality, surname, given_names, name_key, birth_date, sex, minor,
         companion_document_number, source, added_at)
       VALUES (@id, @groupId, @lineNo, @documentNumber, @nationality, @surname, @givenNames, @nameKey, @birthDate, 'M', 0, NULL, @source, @addedAt)`,
    ),
    manifestImport: db.prepare(
      `INSERT INTO manifest_imports (id, group_id, content_sha256, file_name, format, rows_total, rows_added, imported_at, operator_id)
       VALUES (@id, @groupId, @sha, @fileName, 'csv', @rows, @rows, @at, NULL)`,
    ),
    groupFile: db.prepare(
      `INSERT INTO group_files (id, content_sha256, source_station_id, key_fingerprint, group_id, exported_at, imported_at, operator_id,
         crossings_total, crossings_added)
       VALUES (@id, @sha, @source, @fingerprint, @groupId, @at, @at, NULL, @n, @n)`,
    ),
    pairing: db.prepare(
      `INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES (@exitId, @entryId, @corridorId, 'document', @minutes, @at)`,
    ),
    alert: db.prepare(
      `INSERT INTO alerts (id, type, severity, status, dedupe_key, raised_at, raised_at_ms, corridor_id, group_id, crossing_id, subject_ids_json,
         acknowledged_at, acknowledged_by, note, resolved_at)
       VALUES (@id, @type, @severity, @status, @dedupeKey, @raisedAt, @raisedAtMs, @corridorId, @groupId, @crossingId, @subjects,
         @acknowledgedAt, @acknowledgedBy, @note, @resolvedAt)`,
    ),
    override: db.prepare(
      `INSERT INTO overrides (id, crossing_id, previous_outcome, outcome, reason, operator_id, at) VALUES (@id, @crossingId, @previousOutcome, @outcome, @reason, @operatorId, @at)`,
    ),
    audit: db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, payload_json, prev_hash, hash) VALUES (@at, @actor, @action, @entity, @entityId, @payloadJson, @prevHash, @hash)`,
    ),
    exportRow: db.prepare(
      `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone, snapshot_sequence,
         crossings, alerts, audit_last, destination, format, status, created_at, created_by, acknowledged_at)
       VALUES (@id, @sha, @stationId, @from, @to, @fromMs, @toMs, 'Asia/Tashkent', @snapshot, @crossings, 0, @sha, NULL, 'zip', 'acknowledged',
         @at, 'lead', @at)`,
    ),
  };
}

/** Audit entries are produced out of time order (a group is created hours before its people cross): kept here and written in time order. */
class AuditWriter {
  private pending: { atMs: number; order: number; entry: AuditEntry }[] = [];
  private order = 0;
  private prevHash: string;
  rows = 0;

  constructor(
    private readonly insert: Statements['audit'],
    head: string,
  ) {
    this.prevHash = head;
  }

  add(atMs: number, actor: string, action: string, entity: string, entityId: string, payload: Record<string, unknown>): void {
    this.pending.push({ atMs, order: (this.order += 1), entry: { at: new Date(atMs).toISOString(), actor, action, entity, entityId, payload } });
  }

  /** Writes everything that happened before `beforeMs`. */
  flush(beforeMs: number): void {
    this.pending.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
    let n = 0;
    for (const { atMs, entry } of this.pending) {
      if (atMs >= beforeMs) break;
      const hash = auditHash(this.prevHash, entry);
      this.insert.run({ ...entry, payloadJson: canonicalJson(entry.payload), prevHash: this.prevHash, hash });
      this.prevHash = hash;
      n += 1;
    }
    this.rows += n;
    this.pending = this.pending.slice(n);
  }
}

const REASONS = [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' }];
const REASONS_OK = JSON.stringify(REASONS);

const documentOf = (p: HistoryPerson) => ({
  format: 'TD3',
  documentCode: 'P',
  issuingState: p.nationality,
  documentNumber: p.documentNumber,
  nationality: p.nationality,
  surname: p.surname,
  givenNames: p.givenNames,
  birthDate: p.birthDate,
  sex: 'M',
  expiryDate: p.expiryDate,
});

/** How many different people travel in a history of `crossings` (each crosses about three times). */
export const peopleIn = (crossings: number): number => Math.max(5000, Math.floor(crossings / 3));

const BORN = Date.UTC(1955, 0, 1);

/** Person `n` of the history: the same person for the same n at every size. */
export function historyPerson(n: number): HistoryPerson {
  const nationality = n % 10 < 6 ? 'TJK' : n % 10 < 8 ? 'UZB' : n % 10 === 8 ? 'KAZ' : 'RUS';
  const root = LATIN_ROOTS[n % LATIN_ROOTS.length] as string;
  const suffix = SURNAME_SUFFIXES[Math.floor(n / LATIN_ROOTS.length) % SURNAME_SUFFIXES.length] as string;
  return {
    documentNumber: `${nationality.slice(0, 2)}${String(1_000_000 + n * 7 + (n % 5)).padStart(7, '0')}`,
    nationality,
    surname: `${root}${suffix}`,
    givenNames: LATIN_GIVEN[Math.floor(n / 7) % LATIN_GIVEN.length] as string,
    birthDate: new Date(BORN + ((n * 7919) % 17_000) * DAY_MS).toISOString().slice(0, 10),
    expiryDate: n % 300 === 0 ? '2021-01-31' : '2029-06-30',
  };
}

/** The person on line `line` (0-based) of the lane's 600-person bus. */
export const laneBusPerson = (line: number, crossings: number): HistoryPerson => historyPerson((peopleIn(crossings) + line * 13) % peopleIn(crossings));

/** Builds the history into `dataDir` (which must be empty). */
export async function buildStationHistory(options: HistoryOptions): Promise<HistorySummary> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await setUpStation(options.dataDir);
  const random = seededRandom(options.seed ?? 20210615);
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const N = options.crossings;
  const people = peopleIn(N);
  const person = (n: number) => historyPerson(n);

  const store = StationStore.open(options.dataDir);
  const db = store.database;
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = OFF');
  const tables = ['crossings', 'crossing_state', 'imported_crossings', 'manifest_entries', 'alerts', 'pairings', 'overrides', 'travel_groups', 'audit_log', 'exports'];
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);

  const s = prepare(db);
  const setting = (key: string) => (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const stationId = setting('station.id') ?? 'STN-OYB-01';
  const head = (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  const audit = new AuditWriter(s.audit, head);
  const startMs = HISTORY_END.getTime() - N * GAP_MS;
  const counts = { crossings: 0, imported: 0, groups: 0, manifest: 0, alerts: 0, overrides: 0, exports: 0 };
  let sequence = (db.prepare('SELECT coalesce(max(sequence), 0) AS n FROM crossings').get() as { n: number }).n;
  let alertN = 0;
  let entityN = 0;
  const endMs = HISTORY_END.getTime();

  const raise = (type: string, severity: string, atMs: number, scope: { corridorId: string | null; groupId: string | null; crossingId: string | null }, subjects: string[]) => {
    if (atMs > endMs) return;
    alertN += 1;
    const alertId = id(0xa1, alertN);
    const ageMs = endMs - atMs;
    const handled = ageMs > 2 * 3_600_000 && random() < 0.95;
    const acknowledged = handled ? new Date(atMs + int(60_000, 3_600_000)).toISOString() : null;
    s.alert.run({
      id: alertId,
      type,
      severity,
      status: handled ? (random() < 0.5 ? 'acknowledged' : 'resolved') : 'open',
      dedupeKey: `${type}:${scope.crossingId ?? scope.groupId ?? alertId}`,
      raisedAt: new Date(atMs).toISOString(),
      raisedAtMs: atMs,
      ...scope,
      subjects: JSON.stringify(subjects),
      acknowledgedAt: acknowledged,
      acknowledgedBy: acknowledged ? 'lead' : null,
      note: acknowledged ? 'checked with the escort' : null,
      resolvedAt: null,
    });
    counts.alerts += 1;
    audit.add(atMs, 'operator', 'alert.raised', 'alert', alertId, { type, crossingId: scope.crossingId, groupId: scope.groupId, subjects: subjects.length });
  };

  const recordLocal = (p: HistoryPerson, atMs: number, direction: 'entry' | 'exit', corridorId: string | null, groupId: string | null): string => {
    sequence += 1;
    counts.crossings += 1;
    const crossingId = id(0xc1, sequence);
    const document = documentOf(p);
    const outcome = random() < 0.02 ? 'NEEDS_CROSS_CHECK' : random() < 0.01 ? 'NOT_OK' : 'OK';
    // People on their own who are NOT OK are mostly refused, some held for the consul; a bus's riders all cross.
    const disposition = groupId === null && outcome === 'NOT_OK' ? (random() < 0.8 ? 'refused' : 'held') : 'crossed';
    const row = {
      id: crossingId,
      recordedAt: new Date(atMs).toISOString(),
      recordedAtMs: atMs,
      stationId,
      operatorId: 'operator',
      direction,
      outcome,
      reasonsJson: REASONS_OK,
      documentJson: JSON.stringify(document),
      documentNumber: p.documentNumber,
      nationality: p.nationality,
      checkpointId: HISTORY_STATION.station.checkpoint.id,
      corridorId,
      groupId,
      birthDate: p.birthDate,
      nameKey: nameKey(`${p.surname} ${p.givenNames}`),
      disposition,
    };
    s.crossing.run(row);
    s.state.run(row);
    // The content hash the recording path writes: canonical JSON of the saved crossing.
    const saved = {
      id: crossingId,
      sequence,
      recordedAt: row.recordedAt,
      stationId,
      operatorId: 'operator',
      direction,
      outcome,
      reasons: REASONS,
      document,
      scanSource: 'wedge',
      note: null,
      checkpointId: row.checkpointId,
      corridorId,
      groupId,
      ruleProfileId: null,
      ruleProfileVersion: null,
      disposition,
    };
    audit.add(atMs, 'operator', 'crossing.recorded', 'crossing', crossingId, { sequence, ...crossingSeal(saved as CrossingRecord) });
    const scope = { corridorId, groupId, crossingId };
    if (p.expiryDate < row.recordedAt.slice(0, 10)) raise('expired-passport', 'warning', atMs, scope, [crossingId]);
    if (random() < 0.004) raise('duplicate-scan', 'warning', atMs + 60_000, scope, [crossingId]);
    if (outcome !== 'OK' && random() < 0.2) {
      entityN += 1;
      const overrideId = id(0x0e, entityN);
      // The row as the overrides repository reads it back, so its audit seal is the one db check recomputes.
      const override = {
        id: overrideId,
        crossingId,
        previousOutcome: outcome as Outcome,
        outcome: 'OK' as const,
        reason: 'Documents checked by the shift lead.',
        operatorId: 'operator',
        at: new Date(atMs + 120_000).toISOString(),
        authorisedBy: null,
        authoriserRole: null,
        previousDisposition: null,
        disposition: null,
      };
      s.override.run(override);
      counts.overrides += 1;
      audit.add(atMs + 120_000, 'lead', 'crossing.overridden', 'crossing', crossingId, { overrideId, from: outcome, to: 'OK', ...overrideSeal(override) });
    }
    return crossingId;
  };

  const [outward, back] = HISTORY_STATION.station.corridors ?? [];
  if (!outward || !back) throw new Error('history set-up: two corridors expected');

  let i = 0;
  let personCursor = 0;
  const nextPerson = () => person((personCursor = (personCursor + int(1, 3)) % people));
  let flushedDay = Math.floor((startMs + STATION_DAY_OFFSET_MS) / DAY_MS);

  db.exec('BEGIN');
  while (i < N) {
    const blockStart = startMs + i * GAP_MS;
    const kind = random();
    if (kind < 0.7) {
      // A bus. Sizes 68–600, most 68–200.
      const size = Math.min(N - i, random() < 0.8 ? int(68, 200) : int(201, 600));
      const exitEnd = random() < 0.55;
      const corridor = exitEnd ? outward : back;
      counts.groups += 1;
      const groupId = id(0x60, counts.groups);
      const riders = Array.from({ length: size }, nextPerson);
      const lastMs = blockStart + (size - 1) * GAP_MS;
      const missing = exitEnd && random() < 0.3 ? int(1, 2) : 0;
      const missingPeople = Array.from({ length: missing }, nextPerson);
      const noShows = exitEnd ? [] : Array.from({ length: int(0, 3) }, nextPerson);
      const createdMs = exitEnd ? blockStart - 5 * 3_600_000 : blockStart - 3_600_000;
      const closedMs = lastMs + 10 * 60_000;
      const closed = closedMs <= endMs && size === Math.min(N - i, size) && i + size < N;
      s.group.run({
        id: groupId,
        corridorId: corridor.id,
        label: `Bus ${String(counts.groups % 100).padStart(2, '0')}`,
        plate: `01 A ${String(counts.groups % 1000).padStart(3, '0')} BC`,
        driver: 'DRIVER',
        expected: size + missing + noShows.length,
        departedAt: exitEnd ? new Date(blockStart - 4 * 3_600_000).toISOString() : closed ? new Date(closedMs).toISOString() : null,
        arrivedAt: exitEnd && closed ? new Date(closedMs).toISOString() : null,
        origin: exitEnd ? 'STN-ZHZ-01' : stationId,
        createdAt: new Date(createdMs).toISOString(),
      });
      audit.add(createdMs, exitEnd ? 'lead' : 'operator', exitEnd ? 'group.imported' : 'group.created', 'group', groupId, { corridorId: corridor.id });
      const everyone = [...riders, ...missingPeople, ...noShows];
      const lineIds: string[] = [];
      everyone.forEach((p, line) => {
        entityN += 1;
        const lineId = id(0x3e, entityN);
        lineIds.push(lineId);
        // One in five manifests is typed in Cyrillic (how carriers from Russia and Kazakhstan send them).
        const cyrillic = !exitEnd && counts.groups % 5 === 0;
        const surname = cyrillic ? cyrillicOf(p.surname) : p.surname;
        const givenNames = cyrillic ? cyrillicOf(p.givenNames) : p.givenNames;
        s.manifest.run({
          id: lineId,
          groupId,
          lineNo: line + 1,
          documentNumber: p.documentNumber,
          nationality: p.nationality,
          surname,
          givenNames,
          nameKey: nameKey(`${surname} ${givenNames}`),
          birthDate: p.birthDate,
          source: exitEnd ? 'group-file' : 'import',
          addedAt: new Date(createdMs).toISOString(),
        });
        counts.manifest += 1;
      });
      if (exitEnd) {
        const fileId = id(0xf1, counts.groups);
        s.groupFile.run({ id: fileId, sha: sha256Hex(fileId), source: 'STN-ZHZ-01', fingerprint: sha256Hex('zhz'), groupId, at: new Date(createdMs).toISOString(), n: size + missing });
        audit.add(createdMs, 'lead', 'group-file.imported', 'group-file', fileId, { groupId, crossings: size + missing });
        const entries = [...riders, ...missingPeople].map((p, k) => {
          counts.imported += 1;
          const entryId = id(0xe1, counts.imported);
          const entryMs = blockStart - 4 * 3_600_000 - 30 * 60_000 + k * 6_000;
          s.imported.run({
            id: entryId,
            sourceStationId: 'STN-ZHZ-01',
            sourceSequence: counts.imported,
            checkpointId: outward.entryCheckpointId,
            corridorId: corridor.id,
            groupId,
            recordedAt: new Date(entryMs).toISOString(),
            recordedAtMs: entryMs,
            reasonsJson: REASONS_OK,
            documentJson: JSON.stringify(documentOf(p)),
            documentNumber: p.documentNumber,
            nationality: p.nationality,
            birthDate: p.birthDate,
            nameKey: nameKey(`${p.surname} ${p.givenNames}`),
            groupFileId: fileId,
            importedAt: new Date(createdMs).toISOString(),
          });
          return { entryId, entryMs };
        });
        riders.forEach((p, k) => {
          const atMs = blockStart + k * GAP_MS;
          const exitId = recordLocal(p, atMs, 'exit', corridor.id, groupId);
          const entry = entries[k];
          if (!entry) return;
          s.pairing.run({ exitId, entryId: entry.entryId, corridorId: corridor.id, minutes: Math.round((atMs - entry.entryMs) / 60_000), at: new Date(atMs).toISOString() });
          audit.add(atMs, 'operator', 'pairing.created', 'crossing', exitId, { entryId: entry.entryId, method: 'document' });
        });
        missingPeople.forEach((_, k) => {
          const entry = entries[riders.length + k];
          if (entry) raise('overdue', 'critical', entry.entryMs + corridor.maxTransitMinutes * 60_000, { corridorId: corridor.id, groupId, crossingId: entry.entryId }, [entry.entryId]);
        });
        if (closed) {
          audit.add(closedMs, 'operator', 'group.arrived', 'group', groupId, {});
          if (missing > 0) raise('group-incomplete', 'critical', closedMs, { corridorId: corridor.id, groupId, crossingId: null }, lineIds.slice(size));
        }
      } else {
        entityN += 1;
        s.manifestImport.run({ id: id(0x11, entityN), groupId, sha: sha256Hex(groupId), fileName: `${groupId}.csv`, rows: everyone.length, at: new Date(createdMs).toISOString() });
        audit.add(createdMs, 'operator', 'manifest.imported', 'group', groupId, { rows: everyone.length });
        riders.forEach((p, k) => recordLocal(p, blockStart + k * GAP_MS, 'entry', corridor.id, groupId));
        if (closed) {
          audit.add(closedMs, 'operator', 'group.departed', 'group', groupId, {});
          if (noShows.length > 0) raise('group-incomplete', 'critical', closedMs, { corridorId: corridor.id, groupId, crossingId: null }, lineIds.slice(size));
        }
      }
      i += size;
    } else {
      // People on their own, in both directions, with no corridor (the lane has no group selected).
      const size = Math.min(N - i, int(1, 40));
      for (let k = 0; k < size; k += 1) recordLocal(nextPerson(), blockStart + k * GAP_MS, random() < 0.5 ? 'entry' : 'exit', null, null);
      i += size;
    }
    const blockEndMs = startMs + i * GAP_MS;
    const day = Math.floor((blockEndMs + STATION_DAY_OFFSET_MS) / DAY_MS);
    if (day !== flushedDay) {
      // Audit rows up to a few hours back are final; one transaction per station day.
      audit.flush(blockEndMs - 6 * 3_600_000);
      flushedDay = day;
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  audit.flush(Number.POSITIVE_INFINITY);

  // A 600-person bus boarding today at the lane (the group panel and getGroup measure it); manifest only.
  counts.groups += 1;
  const laneGroupId = id(0x60, counts.groups);
  const createdMs = endMs - 30 * 60_000;
  s.group.run({ id: laneGroupId, corridorId: back.id, label: 'Bus 600', plate: '01 A 600 BC', driver: 'DRIVER', expected: 600, departedAt: null, arrivedAt: null, origin: stationId, createdAt: new Date(createdMs).toISOString() });
  for (let line = 0; line < 600; line += 1) {
    const p = laneBusPerson(line, N);
    entityN += 1;
    s.manifest.run({ id: id(0x3e, entityN), groupId: laneGroupId, lineNo: line + 1, documentNumber: p.documentNumber, nationality: p.nationality, surname: p.surname, givenNames: p.givenNames, nameKey: nameKey(`${p.surname} ${p.givenNames}`), birthDate: p.birthDate, source: 'import', addedAt: new Date(createdMs).toISOString() });
    counts.manifest += 1;
  }
  db.prepare("INSERT INTO settings (key, value) VALUES ('lane.groupId', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(laneGroupId);

  // Daily bundles, acknowledged by the central system, for every station day but the last two.
  for (let dayStart = Math.floor((startMs + STATION_DAY_OFFSET_MS) / DAY_MS) * DAY_MS - STATION_DAY_OFFSET_MS; dayStart + 3 * DAY_MS <= endMs; dayStart += DAY_MS) {
    counts.exports += 1;
    const exportId = id(0xe0, counts.exports);
    const from = new Date(dayStart).toISOString();
    s.exportRow.run({ id: exportId, sha: sha256Hex(exportId), stationId, from, to: new Date(dayStart + DAY_MS).toISOString(), fromMs: dayStart, toMs: dayStart + DAY_MS, snapshot: sequence, crossings: CROSSINGS_PER_DAY, at: new Date(dayStart + DAY_MS + 3_600_000).toISOString() });
  }
  db.exec('COMMIT');
  for (const index of indexes) db.exec(index.sql);

  // What the daily purge has already blanked by the end of the history.
  const retention = new RetentionRepo(db);
  db.exec('BEGIN');
  retention.purgeBefore(endMs - RETENTION_DAYS * DAY_MS, { acknowledgedOnly: true, unexported: false });
  db.exec('COMMIT');
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const auditRows = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  store.close();
  const cpu = process.cpuUsage(cpu0);
  return {
    crossings: counts.crossings,
    importedCrossings: counts.imported,
    groups: counts.groups,
    manifestEntries: counts.manifest,
    alerts: counts.alerts,
    overrides: counts.overrides,
    auditRows,
    exports: counts.exports,
    laneGroupId,
    buildSeconds: (performance.now() - t0) / 1000,
    buildCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}
