/**
 * Lab result lists through the real station: an administrator registers a lab's key (Ed25519 or ECDSA P-256), the
 * lab's signed CSV and XLSX lists are imported into SQLite (every version kept; unsigned, wrongly signed and
 * unknown-key lists refused with a sentence), and a passport scan alone finds the traveller's result and judges it
 * by the corridor rule, naming the lab and the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, CoreResult } from '../../../shared/contract';
import { buildMrz } from '../../../shared/domain/mrz';
import { openStationDatabase } from '../../../shared/node/db';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { OLYMP_CSV, csvTable, labKeyPair, writeSignedList, xlsxOf, type LabKeyPair } from '../../fixtures/lab-lists/lab-list-files';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-02T08:00:00.000Z');

function unwrap<T>(result: CoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function passport(input: { surname: string; givenNames: string; documentNumber: string; nationality: string; birthDate: string }): string {
  const built = buildMrz({ format: 'TD3', documentCode: 'P', issuingState: input.nationality, sex: 'M', expiryDate: '2029-01-01', ...input });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value.lines.join('\n');
}

/** A station whose admin registered the lab; the shift lead then works the lane. */
async function station(lab: LabKeyPair, dataDir = tempDir()): Promise<{ core: Core; dataDir: string }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock: new ManualClock(START),
    logger: silentLogger,
    appVersion: 'test',
    bootstrap: testBootstrap('admin', { roles: ['shift-lead'] }),
  });
  unwrap(await core.registerLabKey({ labId: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ', publicKey: lab.publicKeyPem }));
  return { core, dataDir };
}

async function signInLead(core: Core): Promise<void> {
  unwrap(await core.logout({}));
  unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
}

describe('lab result lists at the lane', () => {
  it('a passport scan alone finds its result on a signed CSV list (Ed25519) and is OK, naming the lab and the list', async () => {
    const lab = labKeyPair('Ed25519');
    const { core } = await station(lab);
    const file = writeSignedList(tempDir(), 'olymp-bus.csv', fs.readFileSync(OLYMP_CSV), lab.privateKey);
    const imported = unwrap(await core.importLabList({ path: file }));
    // Five lines, one with 31 February: four results, the fifth left out with its line number.
    expect(imported).toMatchObject({ version: 1, labId: 'kz-olymp', lab: 'Olymp Laboratory', rows: 4 });
    expect(imported.problems).toEqual([{ line: 6, message: expect.stringMatching(/^Line 6: the birth date "31.02.1991" is not a date/) }]);

    await signInLead(core);
    const judged = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    expect(judged.decision.outcome).toBe('OK');
    expect(judged.evidence).toEqual([
      expect.objectContaining({
        kind: 'lab-result',
        matchedBy: 'document',
        lab: { id: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ' },
        list: expect.objectContaining({ version: 1, source: 'olymp-bus.csv' }),
        reference: 'OLY-2021-0601-0003',
        // 09:24 at +06:00 as the line says.
        sampleTime: '2021-06-01T09:24:00+06:00',
        verdict: expect.objectContaining({ outcome: 'OK' }),
      }),
    ]);
    expect(judged.decision.reasons).toContainEqual(
      expect.objectContaining({
        code: 'lab-list.document',
        params: { lab: 'Olymp Laboratory', country: 'KZ', list: 1, source: 'olymp-bus.csv', reference: 'OLY-2021-0601-0003' },
      }),
    );
    // The Cyrillic name on the list is compared with the passport like a certificate's.
    expect(judged.decision.reasons).toContainEqual(expect.objectContaining({ code: 'match.ok' }));

    const recorded = unwrap(await core.recordCrossing({ scanId: judged.scanId, direction: 'entry' }));
    expect(recorded.outcome).toBe('OK');
    await core.close();
  });

  it('finds a result by name and birth date when the passport number differs, and judges a positive result NOT OK', async () => {
    const lab = labKeyPair('ES256');
    const { core } = await station(lab);
    unwrap(await core.importLabList({ path: writeSignedList(tempDir(), 'olymp-bus.csv', fs.readFileSync(OLYMP_CSV), lab.privateKey) }));
    await signInLead(core);

    // The list has ALIMOV BOBUR only in Cyrillic, under FA7654321; this passport is a new one.
    const alimov = unwrap(await core.scan({ payload: passport({ surname: 'ALIMOV', givenNames: 'BOBUR', documentNumber: 'FB0000017', nationality: 'UZB', birthDate: '1979-11-02' }), direction: 'entry' }));
    expect(alimov.evidence?.[0]).toMatchObject({ kind: 'lab-result', matchedBy: 'identity', reference: 'OLY-2021-0601-0002', sampleTime: '2021-06-01T09:20:00+06:00' });
    expect(alimov.decision.outcome).toBe('OK');
    expect(alimov.decision.reasons).toContainEqual(expect.objectContaining({ code: 'lab-list.identity' }));

    const smirnova = unwrap(await core.scan({ payload: passport({ surname: 'SMIRNOVA', givenNames: 'OLGA', documentNumber: 'AB1112223', nationality: 'RUS', birthDate: '1992-07-30' }), direction: 'entry' }));
    expect(smirnova.decision.outcome).toBe('NOT_OK');
    expect(smirnova.decision.reasons).toContainEqual(expect.objectContaining({ code: 'lab-list.test-positive', severity: 'blocking' }));

    // Someone on no list: no evidence, as before.
    const other = unwrap(await core.scan({ payload: passport({ surname: 'KARIMOV', givenNames: 'ANVAR', documentNumber: 'FC1234560', nationality: 'UZB', birthDate: '1979-11-02' }), direction: 'entry' }));
    expect(other.evidence ?? []).toEqual([]);
    expect(other.decision.outcome).toBe('NOT_OK');
    await core.close();
  });

  it('reads the same list from an XLSX workbook, keeps every version, and the newest sample decides', async () => {
    const lab = labKeyPair('Ed25519');
    const { core, dataDir } = await station(lab);
    const table = csvTable(fs.readFileSync(OLYMP_CSV, 'utf8'));
    unwrap(await core.importLabList({ path: writeSignedList(tempDir(), 'olymp-bus.xlsx', await xlsxOf(table), lab.privateKey) }));
    // A retest of JURAEV the next morning: a positive result, on a second list.
    const retest = [table[0]!, ['401234567', 'TJK', 'JURAEV', 'RUSTAM', 'Ҷураев', 'Рустам', '15.01.1990', '02.06.2021 07:00', 'Asia/Almaty', 'PCR', 'положительный', 'OLY-2021-0602-0001']];
    const second = unwrap(await core.importLabList({ path: writeSignedList(tempDir(), 'olymp-retest.xlsx', await xlsxOf(retest), lab.privateKey) }));
    expect(second).toMatchObject({ version: 2, rows: 1 });
    expect(unwrap(await core.listLabs({})).lists.map((l) => [l.version, l.source, l.rows])).toEqual([
      [2, 'olymp-retest.xlsx', 1],
      [1, 'olymp-bus.xlsx', 4],
    ]);

    await signInLead(core);
    const judged = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    expect(judged.evidence?.[0]).toMatchObject({ reference: 'OLY-2021-0602-0001', list: { version: 2 }, result: 'positive' });
    expect(judged.decision.outcome).toBe('NOT_OK');
    await core.close();

    // Versions are kept as imported: SQLite refuses to change or delete a list.
    const db = openStationDatabase(dataDir);
    try {
      expect(() => db.prepare('DELETE FROM lab_lists WHERE version = 1').run()).toThrow(/kept as imported/);
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lab-list.imported'").get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });

  it('refuses unsigned, wrongly signed and unknown-key lists with a sentence, and stores nothing', async () => {
    const lab = labKeyPair('ES256');
    const stranger = labKeyPair('Ed25519');
    const { core } = await station(lab);
    const bytes = fs.readFileSync(OLYMP_CSV);
    const dir = tempDir();

    const unsigned = path.join(dir, 'unsigned.csv');
    fs.writeFileSync(unsigned, bytes);
    const a = await core.importLabList({ path: unsigned });
    expect(a.ok || a.error).toMatchObject({ key: 'labList.unsigned', message: expect.stringMatching(/^The lab result list was not imported: it has no signature file/) });

    // Signed, then one result changed from positive to negative.
    const tampered = writeSignedList(dir, 'tampered.csv', bytes, lab.privateKey);
    fs.writeFileSync(tampered, Buffer.from(bytes.toString('utf8').replace('положительный', 'отрицательный')));
    const b = await core.importLabList({ path: tampered });
    expect(b.ok || b.error).toMatchObject({ key: 'labList.badSignature', message: expect.stringMatching(/signature does not match the file/) });

    const c = await core.importLabList({ path: writeSignedList(dir, 'stranger.csv', bytes, stranger.privateKey) });
    expect(c.ok || c.error).toMatchObject({ key: 'labList.unknownKey' });

    expect(unwrap(await core.listLabs({})).lists).toEqual([]);
    await core.close();
  });

  it('refuses a key that is not Ed25519 or P-256, and lets only an administrator register one', async () => {
    const { core } = await station(labKeyPair('Ed25519'));
    const rsa = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const refused = await core.registerLabKey({ labId: 'kz-rsa', name: 'RSA Lab', country: 'KZ', publicKey: rsa });
    expect(refused.ok || refused.error).toMatchObject({ key: 'labKey.invalid', message: expect.stringContaining('neither Ed25519 nor ECDSA P-256') });
    await signInLead(core);
    const denied = await core.registerLabKey({ labId: 'kz-b', name: 'B Lab', country: 'KZ', publicKey: labKeyPair('ES256').publicKeyPem });
    expect(denied.ok).toBe(false);
    await core.close();
  });
});
