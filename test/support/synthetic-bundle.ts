import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { zipSync } from 'fflate';
import {
  ALERTS_JSONL,
  BUNDLE_FORMAT,
  CROSSINGS_CSV,
  CROSSINGS_JSONL,
  MANIFEST_JSON,
  MANIFEST_SIG,
  SUMMARY_JSON,
  StationTime,
  SummaryBuilder,
  UTF8_BOM,
  crossingCsvCells,
  crossingCsvColumns,
  crossingJsonLine,
  csvRecord,
  manifestText,
  type BundleManifest,
  type AnyCrossingExportRow,
  type CrossingExportRowV1,
} from '../../shared/domain/export';

export const SYNTHETIC_ZONE = 'Asia/Almaty';
const DAY_MS = 86_400_000;
/** 1 March 2021, 00:00 in Almaty (UTC+6 then). */
export const SYNTHETIC_DAY1 = Date.parse('2021-02-28T18:00:00Z');

/**
 * A station that exists only as a key and counters: it makes valid, signed bundles (schema version 1, or 2 with
 * every traveller crossed as recorded) of any size in memory
 * (the same domain code as the station's writer builds each line, CSV record and summary), for tests and
 * benchmarks that need many or large bundles without recording every crossing in SQLite first.
 */
export class SyntheticStation {
  readonly publicKey: string;
  readonly fingerprint: string;
  private readonly privateKey;
  private sequence = 0;
  private day = 0;
  private audit = 'a'.repeat(64);

  constructor(readonly stationId: string) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    const der = pair.publicKey.export({ format: 'der', type: 'spki' });
    this.publicKey = der.toString('base64');
    this.fingerprint = createHash('sha256').update(der).digest('hex');
  }

  /** The next day's bundle with `rows` crossings (sequences continue, the audit chain continues). */
  nextBundle(rows: number, version: 1 | 2 = 1): { zip: Buffer; manifestSha256: string; rows: number } {
    const time = new StationTime(SYNTHETIC_ZONE);
    const fromMs = SYNTHETIC_DAY1 + this.day * DAY_MS;
    const toMs = fromMs + DAY_MS;
    this.day += 1;
    const period = { from: time.iso(fromMs), to: time.iso(toMs), timeZone: SYNTHETIC_ZONE };
    const summary = new SummaryBuilder(version);
    const lines: string[] = [];
    const records: string[] = [UTF8_BOM + csvRecord(crossingCsvColumns(version))];
    const first = rows > 0 ? this.sequence + 1 : null;
    const step = Math.max(1, Math.floor(DAY_MS / Math.max(1, rows)));
    for (let i = 0; i < rows; i += 1) {
      this.sequence += 1;
      const n = this.sequence;
      const recorded: CrossingExportRowV1 = {
        id: `${this.stationId}-${n}`,
        sequence: n,
        recordedAt: time.iso(fromMs + i * step),
        stationId: this.stationId,
        checkpointId: null,
        corridorId: 'KZ-TJ-1',
        groupId: null,
        operatorId: 'op-1',
        direction: n % 2 === 0 ? 'exit' : 'entry',
        outcome: n % 11 === 0 ? 'NOT_OK' : 'OK',
        reasons: [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' }],
        document: {
          format: 'TD3',
          documentCode: 'P',
          issuingState: 'KAZ',
          documentNumber: `N${String(n).padStart(8, '0')}`,
          nationality: 'KAZ',
          surname: n % 3 === 0 ? 'ЖУМАБАЕВ' : 'NURLANOV',
          givenNames: 'ASKAR',
          birthDate: '1988-04-12',
          sex: 'M',
          expiryDate: '2031-01-01',
        },
        scanSource: 'wedge',
        note: null,
        ruleProfileId: null,
        ruleProfileVersion: null,
      };
      const row: AnyCrossingExportRow =
        version === 1
          ? recorded
          : {
              ...recorded,
              disposition: 'crossed',
              current: { disposition: 'crossed', direction: recorded.direction, outcome: recorded.outcome, groupId: null },
              overrides: [],
              corrections: [],
              evidence: [],
              pairing: null,
            };
      lines.push(`${crossingJsonLine(row as CrossingExportRowV1)}\n`);
      records.push(csvRecord(crossingCsvCells(row, version)));
      summary.addCrossing(row);
    }
    const encoder = new TextEncoder();
    const data = {
      [CROSSINGS_JSONL]: encoder.encode(lines.join('')),
      [CROSSINGS_CSV]: encoder.encode(records.join('')),
      [ALERTS_JSONL]: new Uint8Array(0),
      [SUMMARY_JSON]: encoder.encode(`${JSON.stringify(summary.build(this.stationId, period), null, 2)}\n`),
    };
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const before = this.audit;
    this.audit = hash(encoder.encode(`${before}:${this.day}`));
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      schemaVersion: version,
      stationId: this.stationId,
      checkpointId: null,
      period,
      createdAt: time.iso(toMs),
      appVersion: 'synthetic',
      files: [
        { name: CROSSINGS_JSONL, sha256: hash(data[CROSSINGS_JSONL]), bytes: data[CROSSINGS_JSONL].length, rows },
        { name: CROSSINGS_CSV, sha256: hash(data[CROSSINGS_CSV]), bytes: data[CROSSINGS_CSV].length, rows },
        { name: ALERTS_JSONL, sha256: hash(data[ALERTS_JSONL]), bytes: 0, rows: 0 },
        { name: SUMMARY_JSON, sha256: hash(data[SUMMARY_JSON]), bytes: data[SUMMARY_JSON].length },
      ],
      rows: { crossings: rows, alerts: 0 },
      crossings: { firstSequence: first, lastSequence: rows > 0 ? this.sequence : null, missingSequences: [] },
      audit: { rows: 1, before, first: this.audit, last: this.audit },
      signer: { algorithm: 'Ed25519', publicKey: this.publicKey, fingerprint: this.fingerprint },
    };
    const manifestBytes = encoder.encode(manifestText(manifest));
    const signature = encoder.encode(`${sign(null, manifestBytes, this.privateKey).toString('base64')}\n`);
    const zip = Buffer.from(zipSync({ ...data, [MANIFEST_JSON]: manifestBytes, [MANIFEST_SIG]: signature }, { level: 1 }));
    return { zip, manifestSha256: hash(manifestBytes), rows };
  }
}
