/**
 * COVID evidence end to end through createCore, real SQLite files and real crypto: a trust list built from
 * generated signing keys is imported from a file, and passport + certificate scans become one decision.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { CoreBootstrap } from '../../../shared/app/create-core';
import type { Core, ScanResult } from '../../../shared/contract';
import { openStationDatabase } from '../../../shared/node/db';
import { signTrustList, TRUST_LIST_SIGNERS_DIR } from '../../../shared/node/trust-list';
import { EKU, makeDcc, makeSigner, T0, testHcert, type TestSigner } from '../../fixtures/dcc/build-dcc';
import { gatewayEntries, pemOf, writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';
import { TEST_PIN_HASH_COST } from '../../support/core-session';

const HOUR = 3_600_000;
/** One day after the test certificate's sample time (2021-06-01T06:30Z) and issue time. */
const START = new Date('2021-06-02T08:00:00.000Z');

const BOOTSTRAP: CoreBootstrap = {
  station: {
    checkpoint: { id: 'UZ-YALLAMA', name: 'Yallama', country: 'UZB' },
    otherCheckpoints: [{ id: 'UZ-OYBEK', name: 'Oybek', country: 'UZB' }],
    // 24 hours through the corridor: the exit re-check uses the corridor's own transit time.
    corridors: [{ id: 'KZ-UZ-TJ', name: 'Kazakhstan – Uzbekistan – Tajikistan', entryCheckpointId: 'UZ-YALLAMA', exitCheckpointId: 'UZ-OYBEK', expectedTransitMinutes: 1440, maxTransitMinutes: 2880 }],
    admin: { username: 'admin', displayName: 'Station Admin', pin: '482913' },
  },
  users: [{ username: 'lead', displayName: 'Shift Lead', pin: '739152', role: 'shift-lead' }],
  signIn: 'lead',
};

const RUSTAM = { nam: { fn: 'Ҷураев', fnt: 'DZHURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01-15' };

async function openCore(dataDir = tempDir(), clock = new ManualClock(START)): Promise<{ core: Core; clock: ManualClock; dataDir: string }> {
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, appVersion: 'test', bootstrap: BOOTSTRAP });
  return { core, clock, dataDir };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A test certificate for Rustam Juraev with the sample taken `hoursBefore` hours before START. */
function pcrHcert(hoursBefore: number, nam: Record<string, unknown> = RUSTAM): Record<string, unknown> {
  const hcert = testHcert(nam);
  (hcert.t as Record<string, unknown>[])[0]!.sc = new Date(START.getTime() - hoursBefore * HOUR).toISOString().replace('.000Z', 'Z');
  return hcert;
}

const reasonCodes = (scan: ScanResult) => scan.decision.reasons.map((r) => r.code);

describe('COVID evidence through createCore', () => {
  let signer: TestSigner;
  let stranger: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    stranger = await makeSigner('PS256', { country: 'KZ' });
  });

  async function withTrustList(): Promise<{ core: Core; clock: ManualClock; dataDir: string }> {
    const opened = await openCore();
    const file = await writeGatewayTrustList(tempDir(), [signer]);
    unwrap(await opened.core.importTrustList({ path: file }));
    return opened;
  }

  it('imports an EU gateway trust list from a file and shows its age on the status', async () => {
    const { core, clock } = await openCore();
    const before = unwrap(await core.getStatus({}));
    expect(before.trustList).toMatchObject({ entries: 0, importedAt: null, stale: true, staleAfterDays: 7 });

    const file = path.join(tempDir(), 'dsc-list.json');
    fs.writeFileSync(file, JSON.stringify([...(await gatewayEntries([signer], 'UZ')), ...(await gatewayEntries([stranger], 'KZ'))]));
    const imported = unwrap(await core.importTrustList({ path: file }));
    expect(imported.import).toMatchObject({ source: 'dsc-list.json', format: 'eu-gateway', entries: 2, signedBy: null });
    expect(unwrap(await core.getStatus({})).trustList).toMatchObject({ entries: 2, source: 'dsc-list.json', ageDays: 0, stale: false });

    const list = unwrap(await core.getTrustList({}));
    expect(list.entries.map((e) => e.country).sort()).toEqual(['KZ', 'UZ']);
    expect(list.entries.find((e) => e.country === 'UZ')?.keyUsage).toEqual(['test']);

    clock.advance(8 * 24 * HOUR);
    expect(unwrap(await core.getStatus({})).trustList).toMatchObject({ ageDays: 8, stale: true });
    core.close();
  });

  it('passport alone is NOT OK under the default PCR profile; a valid matching certificate makes it OK', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    expect(passport.decision).toMatchObject({ outcome: 'NOT_OK', recordable: true });
    expect(reasonCodes(passport)).toContain('evidence.missing');
    expect(passport.ruleProfile).toMatchObject({ id: 'uz-transit-pcr', version: 1, corridor: 'KZ-UZ-TJ', direction: 'entry' });

    const dcc = await makeDcc(signer, { hcert: pcrHcert(25) });
    const combined = unwrap(await core.scan({ payload: dcc, joinScanId: passport.scanId, direction: 'entry' }));
    expect(combined.scanId).toBe(passport.scanId);
    expect(combined.decision).toMatchObject({ outcome: 'OK', recordable: true });
    expect(combined.document?.documentNumber).toBe(TAJIK_PASSPORT.documentNumber);
    expect(combined.evidence).toHaveLength(1);
    expect(combined.evidence?.[0]).toMatchObject({ kind: 'dcc', valid: true, verdict: { outcome: 'OK' }, holder: { surname: 'Ҷураев', givenNames: 'Рустам' } });
    expect(combined.match).toMatchObject({ status: 'match', name: { certificate: 'DZHURAEV, RUSTAM', certificateOriginal: 'Ҷураев, Рустам', passport: 'JURAEV, RUSTAM' } });

    const crossing = unwrap(await core.recordCrossing({ scanId: combined.scanId, direction: 'entry' }));
    expect(crossing).toMatchObject({ outcome: 'OK', ruleProfileId: 'uz-transit-pcr', ruleProfileVersion: 1 });
    core.close();
  });

  it('stores the evidence with the crossing and keeps the audit chain intact', async () => {
    const { core, dataDir } = await withTrustList();
    const dcc = await makeDcc(signer, { hcert: pcrHcert(25) });
    // Certificate first, passport second: the same transaction either way.
    const certificate = unwrap(await core.scan({ payload: dcc }));
    expect(certificate.decision).toMatchObject({ outcome: 'NEEDS_CROSS_CHECK', recordable: false });
    expect(reasonCodes(certificate)[0]).toBe('transaction.needs-passport');
    const combined = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), joinScanId: certificate.scanId }));
    expect(combined.decision.outcome).toBe('OK');
    const crossing = unwrap(await core.recordCrossing({ scanId: combined.scanId, direction: 'entry' }));
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    const rows = db.prepare('SELECT crossing_id, kind, outcome, payload_sha256, summary_json FROM evidence').all() as { crossing_id: string; kind: string; outcome: string; payload_sha256: string; summary_json: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ crossing_id: crossing.id, kind: 'dcc', outcome: 'OK' });
    expect(rows[0]?.payload_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(rows[0]?.summary_json ?? '{}').test.kind).toBe('pcr');
    const audit = db.prepare("SELECT action, payload_json FROM audit_log WHERE action = 'crossing.evidence-recorded'").all() as { payload_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.payload_json).not.toContain('JURAEV');
    db.close();
  });

  it('an expired test is NOT OK', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const dcc = await makeDcc(signer, { hcert: pcrHcert(80), issuedAt: T0 - 3 * 24 * 3600 });
    const combined = unwrap(await core.scan({ payload: dcc, joinScanId: passport.scanId }));
    expect(combined.decision.outcome).toBe('NOT_OK');
    expect(reasonCodes(combined)).toContain('dcc.test.too-old');
    expect(combined.decision.reasons.find((r) => r.code === 'dcc.test.too-old')?.message).toMatch(/at most 72 hours/);
    core.close();
  });

  it('a test valid now but expired before the corridor exit (its 24-hour transit) needs a cross-check', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const combined = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert: pcrHcert(50), issuedAt: T0 - 24 * 3600 }), joinScanId: passport.scanId }));
    expect(combined.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(reasonCodes(combined)).toContain('dcc.test.expires-before-exit');
    core.close();
  });

  it('a certificate with another name needs a cross-check, both versions side by side', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const dcc = await makeDcc(signer, { hcert: pcrHcert(25, { nam: { fnt: 'KARIMOVA', gnt: 'DILNOZA' }, dob: '1985-12-03' }) });
    const combined = unwrap(await core.scan({ payload: dcc, joinScanId: passport.scanId }));
    expect(combined.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(combined.match).toMatchObject({ status: 'mismatch', name: { certificate: 'KARIMOVA, DILNOZA', passport: 'JURAEV, RUSTAM' }, birthDate: { status: 'different', certificate: '1985-12-03', passport: '1990-01-15' } });
    const message = combined.decision.reasons.find((r) => r.code === 'match.name-different')?.message ?? '';
    expect(message).toContain('Certificate: KARIMOVA, DILNOZA');
    expect(message).toContain('Passport: JURAEV, RUSTAM');
    core.close();
  });

  it('a certificate signed by a key missing from the trust list needs a cross-check; a forged one is NOT OK', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const unknown = unwrap(await core.scan({ payload: await makeDcc(stranger, { hcert: pcrHcert(25) }), joinScanId: passport.scanId }));
    expect(unknown.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(reasonCodes(unknown)).toContain('dcc.signer-unknown');

    const next = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const forged = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert: pcrHcert(25), corruptSignature: true }), joinScanId: next.scanId }));
    expect(forged.decision.outcome).toBe('NOT_OK');
    expect(reasonCodes(forged)).toContain('dcc.signature-invalid');
    core.close();
  });

  it('a lab link and a paper certificate join the transaction as evidence that needs a cross-check', async () => {
    const { core } = await withTrustList();
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const link = unwrap(await core.scan({ payload: 'https://lab.example.tj/result/8841', joinScanId: passport.scanId }));
    expect(link.scanId).toBe(passport.scanId);
    expect(link.decision).toMatchObject({ outcome: 'NEEDS_CROSS_CHECK', recordable: true });
    expect(link.evidence?.[0]).toMatchObject({ kind: 'other-qr', form: 'url', host: 'lab.example.tj' });

    const paper = unwrap(
      await core.addPaperCertificate({
        joinScanId: passport.scanId,
        lab: 'Dushanbe Republican Lab',
        testType: 'pcr',
        sampleTime: '2021-06-01T10:00:00+05:00',
        result: 'negative',
        certificateNumber: 'DRL-2021-0457',
      }),
    );
    expect(paper.scanId).toBe(passport.scanId);
    expect(paper.evidence?.map((e) => e.kind)).toEqual(['other-qr', 'paper-lab']);
    expect(paper.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(reasonCodes(paper)).toContain('paper.cross-check');

    // Noise while the traveller is open keeps the transaction on screen.
    const noise = unwrap(await core.scan({ payload: 'hello operator', joinScanId: passport.scanId }));
    expect(noise.scanId).toBe(passport.scanId);
    expect(noise.evidence).toHaveLength(2);
    expect(reasonCodes(noise)[0]).toBe('scan.not-recognised');
    core.close();
  });

  it('reads a paper sample time as printed on the lab’s clock (its country’s zone, or the zone named), never the PC’s', async () => {
    const { core } = await withTrustList();
    // 30.05.2021 13:30 in Almaty (UTC+6) is 07:30Z, 72.5 hours before the decision; in Tashkent (UTC+5) 08:30Z, 71.5 hours.
    const paper = async (where: { labCountry?: string; labTimeZone?: string }) => {
      const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
      return unwrap(
        await core.addPaperCertificate({ joinScanId: passport.scanId, lab: 'KDL Olymp', testType: 'pcr', sampleTimeAsPrinted: '30.05.2021 13:30', ...where, result: 'negative', certificateNumber: 'KZ-0912' }),
      );
    };
    const kazakh = await paper({ labCountry: 'KZ' });
    expect(kazakh.evidence?.[0]).toMatchObject({ kind: 'paper-lab', sampleTime: '2021-05-30T07:30:00.000Z' });
    expect(kazakh.decision.outcome).toBe('NOT_OK');
    expect(reasonCodes(kazakh)).toContain('paper.test.too-old');
    const uzbek = await paper({ labCountry: 'UZ' });
    expect(uzbek.evidence?.[0]).toMatchObject({ sampleTime: '2021-05-30T08:30:00.000Z' });
    expect(reasonCodes(uzbek)).not.toContain('paper.test.too-old');
    // A lab in western Kazakhstan (UTC+5) says so with its zone.
    expect((await paper({ labCountry: 'KZ', labTimeZone: 'Asia/Aqtobe' })).evidence?.[0]).toMatchObject({ sampleTime: '2021-05-30T08:30:00.000Z' });
    // Without a zone or country the printed time cannot be read: refused, not read on the PC's clock.
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const unknown = await core.addPaperCertificate({ joinScanId: passport.scanId, lab: 'KDL Olymp', testType: 'pcr', sampleTimeAsPrinted: '30.05.2021 13:30', result: 'negative', certificateNumber: 'KZ-0912' });
    expect(unknown).toMatchObject({ ok: false, error: { key: 'core.invalidInput', params: { field: 'labTimeZone' } } });
    core.close();
  });

  it('compares the name and birth date printed on a paper certificate with the passport, like a DCC’s holder', async () => {
    const { core } = await withTrustList();
    const paper = async (holder: { holderSurname?: string; holderGivenNames?: string; holderBirthDate?: string }) => {
      const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
      return core.addPaperCertificate({ joinScanId: passport.scanId, lab: 'Dushanbe Republican Lab', testType: 'pcr', sampleTime: '2021-06-01T10:00:00+05:00', result: 'negative', certificateNumber: 'DRL-2021-0457', ...holder });
    };
    // Cyrillic Tajik spelling and a day-first date, as printed: the passport holder.
    const same = unwrap(await paper({ holderSurname: 'Ҷураев', holderGivenNames: 'Рустам', holderBirthDate: '15.01.1990' }));
    expect(same.evidence?.[0]).toMatchObject({ kind: 'paper-lab', holder: { surname: 'Ҷураев', givenNames: 'Рустам', birthDate: '1990-01-15' } });
    expect(reasonCodes(same)).toContain('match.ok');
    const other = unwrap(await paper({ holderSurname: 'Каримова', holderGivenNames: 'Нилуфар', holderBirthDate: '02.03.1985' }));
    expect(reasonCodes(other)).toEqual(expect.arrayContaining(['match.name-different', 'match.birth-date-different']));
    expect(other.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(await paper({ holderSurname: 'Ҷураев', holderBirthDate: '15.01.90' })).toMatchObject({ ok: false, error: { key: 'core.invalidInput', params: { field: 'holderBirthDate' } } });
    core.close();
  });

  it('a bad trust-list file gets a clear error and leaves the current list untouched', async () => {
    const { core } = await withTrustList();
    const dir = tempDir();
    const entries = await gatewayEntries([signer, stranger]);
    entries[1] = { ...entries[1]!, rawData: Buffer.from('not a certificate').toString('base64') };
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify(entries));
    const truncated = path.join(dir, 'truncated.json');
    fs.writeFileSync(truncated, JSON.stringify(await gatewayEntries([signer, stranger])).slice(0, 200));

    for (const [file, pattern] of [
      [broken, /entry 2 .*signing certificate is not one DER structure/],
      [truncated, /not valid JSON/],
      [path.join(dir, 'missing.json'), /no such file/],
    ] as const) {
      const result = await core.importTrustList({ path: file });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(pattern);
      expect(result.error.message).toMatch(/The current list \(1 certificates from trust-list\.json, imported 2021-06-02\) is unchanged\./);
    }
    expect(unwrap(await core.getStatus({})).trustList).toMatchObject({ entries: 1, source: 'trust-list.json' });
    // The old list still verifies certificates.
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    expect(unwrap(await core.scan({ payload: await makeDcc(signer, { hcert: pcrHcert(25) }), joinScanId: passport.scanId })).decision.outcome).toBe('OK');
    core.close();
  });

  it('imports PEM files, DER files and folders of them', async () => {
    const { core } = await openCore();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'uz.pem'), pemOf(signer));
    fs.writeFileSync(path.join(dir, 'kz.der'), stranger.der);
    fs.writeFileSync(path.join(dir, 'README.txt'), 'ignored');
    expect(unwrap(await core.importTrustList({ path: path.join(dir, 'uz.pem') })).import).toMatchObject({ format: 'pem', entries: 1 });
    expect(unwrap(await core.importTrustList({ path: path.join(dir, 'kz.der') })).import).toMatchObject({ format: 'der', entries: 1 });
    expect(unwrap(await core.importTrustList({ path: dir })).import).toMatchObject({ format: 'folder', entries: 2 });
    core.close();
  });

  it('once a trust-list signer key is configured, only files it signed are imported', async () => {
    const { core, dataDir } = await openCore();
    const signerKeys = generateKeyPairSync('ed25519');
    const otherKeys = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.join(dataDir, TRUST_LIST_SIGNERS_DIR));
    fs.writeFileSync(path.join(dataDir, TRUST_LIST_SIGNERS_DIR, 'ministry.pem'), signerKeys.publicKey.export({ type: 'spki', format: 'pem' }));
    const dir = tempDir();
    const payload = Buffer.from(JSON.stringify(await gatewayEntries([signer])));
    const plain = path.join(dir, 'plain.json');
    fs.writeFileSync(plain, payload);
    const good = path.join(dir, 'signed.json');
    fs.writeFileSync(good, JSON.stringify(signTrustList(payload, signerKeys.privateKey)));
    const wrongKey = path.join(dir, 'wrong-key.json');
    fs.writeFileSync(wrongKey, JSON.stringify(signTrustList(payload, otherKeys.privateKey)));
    const tampered = path.join(dir, 'tampered.json');
    const envelope = signTrustList(payload, signerKeys.privateKey);
    fs.writeFileSync(tampered, JSON.stringify({ ...envelope, payload: Buffer.from(JSON.stringify(await gatewayEntries([signer, stranger]))).toString('base64') }));

    const refused = async (file: string) => {
      const result = await core.importTrustList({ path: file });
      return result.ok ? '' : result.error.message;
    };
    expect(await refused(plain)).toMatch(/not signed, and this station accepts signed trust lists only/);
    expect(await refused(wrongKey)).toMatch(/signed by key .* which this station does not trust/);
    expect(await refused(tampered)).toMatch(/signature does not verify/);
    expect(unwrap(await core.getStatus({})).trustList.entries).toBe(0);

    const imported = unwrap(await core.importTrustList({ path: good }));
    expect(imported.import).toMatchObject({ format: 'eu-gateway', entries: 1 });
    expect(imported.import.signedBy).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    core.close();
  });

  it('an admin saves a new profile version for tomorrow; decisions switch at that instant and record the version', async () => {
    const { core, clock } = await withTrustList();
    unwrap(await core.logout({}));
    unwrap(await core.login({ username: 'admin', pin: '482913' }));
    const current = unwrap(await core.getRuleProfile({ id: 'uz-transit-pcr' }));
    const { version: _v, ...draft } = current.profile;
    const saved = unwrap(
      await core.saveRuleProfile({
        profile: { ...draft, version: 2, name: 'Uzbekistan transit: negative PCR test, at most 24 hours old', effectiveFrom: '2021-06-03T00:00:00+05:00', accept: { ...draft.accept, pcr: { maxAgeHours: 24 } } },
      }),
    );
    expect(saved.profile.version).toBe(2);
    // A stale editor (still at version 1) cannot overwrite version 2.
    expect(await core.saveRuleProfile({ profile: { ...draft, version: 2 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const listed = unwrap(await core.listRuleProfiles({ history: true }));
    expect(listed.items.map((i) => i.profile.version)).toEqual([1, 2]);
    expect(listed.inEffect.entry).toMatchObject({ id: 'uz-transit-pcr', version: 1 });
    unwrap(await core.logout({}));
    unwrap(await core.login({ username: 'lead', pin: '739152' }));
    // The shift lead may not edit rules.
    expect(await core.saveRuleProfile({ profile: draft })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const before = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const today = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert: pcrHcert(25) }), joinScanId: before.scanId }));
    expect(today.decision.outcome).toBe('OK');

    clock.advance(12 * HOUR); // 2021-06-02T20:00Z = 2021-06-03T01:00+05:00: version 2 is in effect.
    const after = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const tonight = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert: pcrHcert(25) }), joinScanId: after.scanId }));
    expect(tonight.ruleProfile).toMatchObject({ id: 'uz-transit-pcr', version: 2 });
    expect(tonight.decision.outcome).toBe('NOT_OK');
    expect(reasonCodes(tonight)).toContain('dcc.test.too-old');
    const crossing = unwrap(await core.recordCrossing({ scanId: tonight.scanId, direction: 'entry' }));
    expect(crossing).toMatchObject({ outcome: 'NOT_OK', ruleProfileId: 'uz-transit-pcr', ruleProfileVersion: 2 });
    core.close();
  });

  it('refuses a profile that is not valid data, with the field named', async () => {
    const { core } = await withTrustList();
    unwrap(await core.logout({}));
    unwrap(await core.login({ username: 'admin', pin: '482913' }));
    const { profile } = unwrap(await core.getRuleProfile({ id: 'uz-transit-pcr' }));
    const result = await core.saveRuleProfile({ profile: { ...profile, version: 2, accept: { ...profile.accept, pcr: { maxAgeHours: -5 } } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('profile.accept.pcr.maxAgeHours');
    expect(await core.getRuleProfile({ id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    core.close();
  });
});
