/**
 * Fuzzing the files people bring on a USB stick: bus manifests (CSV and XLSX), DCC trust lists
 * and signed group files from the other end of a corridor. Random bytes, random JSON and real files with
 * random damage; every rejection must be a typed error a person can read, and nothing may throw or hang.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import { ERROR_CODES, type Core } from '../../shared/contract';
import { manifestRowsFromTable } from '../../shared/domain/corridor';
import { MAX_MANIFEST_ROWS, ManifestReadError, readCsvTable, readXlsxTable } from '../../shared/node/manifest';
import { STATION_TRUST_LIST_FORMAT, parseTrustListBytes } from '../../shared/node/trust-list';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller } from '../fixtures/corridor/bus';
import { makeSigner } from '../fixtures/dcc/build-dcc';
import { gatewayEntries, pemOf } from '../fixtures/dcc/trust-list-files';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../support/core-session';
import { ManualClock } from '../support/manual-clock';
import { unwrap } from '../support/result';
import { tempDir } from '../support/temp-dir';
import { isReadableProblem, runs } from './fuzz-config';

/** Damage a real file the way USB sticks, mail gateways and editors do: flip, drop, insert, cut. */
function damaged<T extends string | Uint8Array>(original: T): fc.Arbitrary<T> {
  const length = original.length;
  const edit = fc.tuple(fc.nat(Math.max(0, length - 1)), fc.constantFrom('flip', 'drop', 'insert', 'cut'), fc.integer({ min: 0, max: 255 }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let bytes = typeof original === 'string' ? Buffer.from(original, 'utf8') : Buffer.from(original);
    for (const [at, kind, value] of edits) {
      const i = Math.min(at, Math.max(0, bytes.length - 1));
      if (kind === 'flip' && bytes.length > 0) bytes[i] = value;
      else if (kind === 'drop') bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
      else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([value]), bytes.subarray(i)]);
      else bytes = bytes.subarray(0, i);
    }
    return (typeof original === 'string' ? bytes.toString('utf8') : new Uint8Array(bytes)) as T;
  });
}

const readableError = (error: unknown) => error instanceof ManifestReadError && error.message.length >= 8;
const BUS = Array.from({ length: 8 }, (_, i) => traveller(i));

describe('fuzz: manifest files (CSV, XLSX)', () => {
  it('CSV: 12k texts through readCsvTable and the row reader; a thrown error is always a ManifestReadError in words', () => {
    const csvChar = fc.constantFrom(...'abcXYZ0123456789 ,;\t"\'\n\r-./'.split(''), '\uFEFF', 'Ж', 'ё', '🙂', '\0');
    const header = 'Passport;Nationality;Surname;Given names;Date of birth;Sex;Minor;Companion';
    const text = fc.oneof(
      fc.string({ unit: csvChar, maxLength: 400 }),
      fc.string({ unit: csvChar, maxLength: 300 }).map((body) => `${header}\n${body}`),
      damaged(manifestCsv(BUS)),
      fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 9 }), { maxLength: 12 }).map((rows) => [header, ...rows.map((r) => r.join(';'))].join('\r\n')),
    );
    fc.assert(
      fc.property(text, (csv) => {
        let table: string[][];
        try {
          table = readCsvTable(csv);
        } catch (error) {
          expect(readableError(error), String(error)).toBe(true);
          return;
        }
        expect(table.length).toBeLessThanOrEqual(MAX_MANIFEST_ROWS + 1);
        const { rows, problems } = manifestRowsFromTable(table);
        for (const problem of problems) expect(problem.message.length).toBeGreaterThanOrEqual(8);
        for (const row of rows) expect(row.documentNumber.length).toBeGreaterThan(0);
      }),
      runs(12_000),
    );
  });

  it('XLSX: 1.5k workbooks (random bytes, damaged real workbooks) through readXlsxTable', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Manifest');
    for (const line of manifestCsv(BUS).split('\n')) sheet.addRow(line.split(';'));
    const real = new Uint8Array(await workbook.xlsx.writeBuffer());
    // The real workbook reads: the damaged ones below start from something that works.
    expect(manifestRowsFromTable(await readXlsxTable(real)).rows).toHaveLength(BUS.length);
    await fc.assert(
      fc.asyncProperty(fc.oneof(damaged(real), fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]))), async (bytes) => {
        let table: string[][];
        try {
          table = await readXlsxTable(bytes);
        } catch (error) {
          expect(readableError(error), String(error)).toBe(true);
          return;
        }
        for (const row of table) for (const cell of row) expect(typeof cell).toBe('string');
        for (const problem of manifestRowsFromTable(table).problems) expect(problem.message.length).toBeGreaterThanOrEqual(8);
      }),
      runs(1_500),
    );
  });
});

describe('fuzz: trust-list files', () => {
  it('parseTrustListBytes: 6k files (EU gateway JSON, station files, PEM, DER, random); typed problems only', async () => {
    const signers = await Promise.all([makeSigner('ES256', { country: 'UZ' }), makeSigner('PS256', { country: 'KZ' })]);
    const gateway = JSON.stringify(await gatewayEntries(signers));
    const pem = signers.map(pemOf).join('');
    const der = signers[0]!.der;
    expect(await parseTrustListBytes(Buffer.from(gateway), 'list.json')).toMatchObject({ ok: true });
    const b64 = fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b).toString('base64'));
    const gatewayLike = fc.array(fc.record({ kid: b64, country: fc.string({ maxLength: 3 }), certificateType: fc.constantFrom('DSC', 'CSCA', ''), rawData: b64 }), { maxLength: 4 });
    const file = fc.oneof(
      damaged(gateway).map((s) => Buffer.from(s)),
      damaged(pem).map((s) => Buffer.from(s)),
      damaged(der),
      gatewayLike.map((list) => Buffer.from(JSON.stringify(list))),
      fc.json().map((json) => Buffer.from(json)),
      fc.record({ format: fc.constantFrom(STATION_TRUST_LIST_FORMAT, 'checkpoint-trust-list-signed'), entries: fc.anything(), payload: fc.string(), signature: fc.string() }).map((o) => Buffer.from(JSON.stringify(o))),
      fc.uint8Array({ maxLength: 600 }),
    );
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (bytes, requireSigned) => {
        const result = await parseTrustListBytes(bytes, 'usb-stick.json', { requireSigned, signers: [] });
        if (result.ok) {
          expect(requireSigned).toBe(false);
          for (const certificate of result.value.certificates) expect(certificate.der.length).toBeGreaterThan(0);
        } else {
          expect(isReadableProblem(result.error), JSON.stringify(result.error)).toBe(true);
        }
      }),
      runs(6_000),
    );
  });
});

describe('fuzz: signed group files through the core', () => {
  const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
  let exit: Core;
  let real = '';

  beforeAll(async () => {
    const bootstrap = (end: 'entry' | 'exit', id: string) => ({ station: stationAt(end, id), users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.operator });
    const entry = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock, logger: silentLogger, bootstrap: bootstrap('entry', 'STN-ZHZ-01') });
    exit = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock, logger: silentLogger, bootstrap: bootstrap('exit', 'STN-OYB-01') });
    const group = unwrap(await entry.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 11' }));
    unwrap(await entry.importManifest({ groupId: group.id, fileName: 'bus-11.csv', format: 'csv', content: manifestCsv(BUS) }));
    unwrap(await entry.setLaneGroup({ groupId: group.id }));
    for (const t of BUS.slice(0, 4)) unwrap(await entry.recordCrossing({ scanId: unwrap(await entry.scan({ payload: mrzOf(t) })).scanId, direction: 'entry' }));
    unwrap(await entry.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    real = unwrap(await entry.exportGroupFile({ groupId: group.id })).content;
    const identity = unwrap(await entry.getStationIdentity({}));
    entry.close();
    unwrap(await exit.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    unwrap(await exit.trustStation({ stationId: identity.stationId, checkpointId: stationAt('entry', 'x').checkpoint.id, label: 'entry lane', publicKey: identity.publicKey }));
    unwrap(await exit.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  }, 120_000);
  afterAll(() => exit?.close());

  it('importGroupFile: 4k damaged, re-shaped and random files; only the intact file imports, everything else is a typed error', async () => {
    const parsed = JSON.parse(real) as Record<string, unknown>;
    const file = fc.oneof(
      damaged(real),
      // Valid JSON, wrong shape: fields replaced by anything.
      fc.tuple(fc.constantFrom(...Object.keys(parsed)), fc.anything()).map(([key, value]) => JSON.stringify({ ...parsed, [key]: value })),
      fc.json({ maxDepth: 3 }),
      fc.string({ minLength: 2, maxLength: 300 }),
    );
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(file, async (content) => {
        const result = await exit.importGroupFile({ content });
        if (result.ok) {
          imported += 1;
          return;
        }
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code, result.error.message).not.toBe('internal');
        expect(isReadableProblem(result.error), JSON.stringify(result.error)).toBe(true);
      }),
      runs(4_000),
    );
    // The real file itself imports (once; again it is recognised), so the rejections above were the damage.
    expect(unwrap(await exit.importGroupFile({ content: real }))).toMatchObject({ groupId: expect.any(String) });
    expect(imported).toBeLessThan(runs(4_000).numRuns);
  }, 300_000);
});
