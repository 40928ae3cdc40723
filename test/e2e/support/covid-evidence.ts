import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../../shared/contract';
import { EKU, makeDcc, makeSigner, testHcert, type TestSigner } from '../../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';

const HOUR = 3_600_000;

/**
 * A signing certificate valid around the wall clock (the e2e core runs on real time), imported into the
 * core through the real trust-list import path from an EU gateway file.
 */
export async function importTestTrustList(core: Core, now = new Date()): Promise<TestSigner> {
  const signer = await makeSigner('ES256', {
    country: 'UZ',
    ekus: [EKU.test],
    commonName: 'Ministry of Health test DSC',
    notBefore: new Date(now.getTime() - 30 * 24 * HOUR),
    notAfter: new Date(now.getTime() + 365 * 24 * HOUR),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-trust-'));
  const result = await core.importTrustList({ path: await writeGatewayTrustList(dir, [signer], 'uz-trust-list.json') });
  fs.rmSync(dir, { recursive: true, force: true });
  if (!result.ok) throw new Error(`trust list import failed: ${result.error.message}`);
  return signer;
}

/** A negative PCR test certificate, sample taken `hoursAgo` hours before now, for the named person. */
export function pcrCertificate(signer: TestSigner, nam: Record<string, string>, dob: string, hoursAgo = 20, now = new Date()): Promise<string> {
  const hcert = testHcert({ nam, dob });
  (hcert.t as Record<string, unknown>[])[0]!.sc = new Date(now.getTime() - hoursAgo * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const seconds = Math.floor(now.getTime() / 1000);
  return makeDcc(signer, { hcert, issuedAt: seconds - 3600, expiresAt: seconds + 72 * 3600 });
}

export const RUSTAM_NAMES = { fn: 'Ҷураев', fnt: 'DZHURAEV', gn: 'Рустам', gnt: 'RUSTAM' };
