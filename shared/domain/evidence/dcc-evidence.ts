import {
  TEST_RESULT_DETECTED,
  TEST_RESULT_NOT_DETECTED,
  TEST_TYPE_NAAT,
  TEST_TYPE_RAT,
  schemaValidPayload,
  type DccVerification,
  type Hcert,
} from '../dcc';
import type { CertificateHolder, DccEvidence, RecoveryDetails, TestDetails, TestKind, TestResult, VaccinationDetails } from './evidence';

export interface CapturedAs {
  readonly id: string;
  readonly capturedAt: Date;
  readonly payloadSha256: string;
}

/** `<` separates words in ICAO-standardised names; people read spaces. */
const words = (standardised: string | undefined): string | undefined => standardised?.split('<').filter(Boolean).join(' ');

/** Turns a verification result into evidence: what the certificate says, and whether it can be trusted. */
export function evidenceFromDcc(verification: DccVerification, captured: CapturedAs): DccEvidence {
  const hcert = schemaValidPayload(verification);
  return {
    kind: 'dcc',
    id: captured.id,
    capturedAt: captured.capturedAt.toISOString(),
    payloadSha256: captured.payloadSha256,
    valid: verification.valid,
    steps: verification.steps,
    problems: verification.problems.map(({ step, code, message }) => ({ step, code, message })),
    ...(verification.certificateType ? { certificateType: verification.certificateType } : {}),
    ...(verification.signer ? { signer: verification.signer } : {}),
    ...(verification.kid ? { kid: verification.kid } : {}),
    ...(verification.claims ? { claims: verification.claims } : {}),
    ...(hcert ? details(hcert) : {}),
    codes: (verification.codes ?? []).map(({ path, code, known, display }) => (display === undefined ? { path, code, known } : { path, code, known, display })),
    ...(verification.payload ? { hcert: verification.payload } : {}),
  };
}

function details(hcert: Hcert): Pick<DccEvidence, 'holder' | 'test' | 'vaccination' | 'recovery'> {
  const nam = hcert.nam;
  const holder: CertificateHolder = {
    ...(nam.fn ? { surname: nam.fn } : {}),
    ...(nam.gn ? { givenNames: nam.gn } : {}),
    ...(nam.fnt ? { surnameStandardised: words(nam.fnt) } : {}),
    ...(nam.gnt ? { givenNamesStandardised: words(nam.gnt) } : {}),
    birthDate: hcert.dob,
  };
  const t = hcert.t?.[0];
  const v = hcert.v?.[0];
  const r = hcert.r?.[0];
  return {
    holder,
    ...(t ? { test: testDetails(t) } : {}),
    ...(v ? { vaccination: vaccinationDetails(v) } : {}),
    ...(r ? { recovery: recoveryDetails(r) } : {}),
  };
}

type TestEntry = NonNullable<Hcert['t']>[number];
type VaccinationEntry = NonNullable<Hcert['v']>[number];
type RecoveryEntry = NonNullable<Hcert['r']>[number];

// Value set test-type (vs-1.15): LP6464-4 is "Nucleic acid amplification with probe detection", the PCR family.
const testKind = (code: string): TestKind => (code === TEST_TYPE_NAAT ? 'pcr' : code === TEST_TYPE_RAT ? 'rat' : 'unknown');
const testResult = (code: string): TestResult =>
  code === TEST_RESULT_NOT_DETECTED ? 'negative' : code === TEST_RESULT_DETECTED ? 'positive' : 'unknown';

function testDetails(t: TestEntry): TestDetails {
  return {
    kind: testKind(t.tt),
    typeCode: t.tt,
    result: testResult(t.tr),
    resultCode: t.tr,
    sampleTime: t.sc,
    ...(t.tc ? { centre: t.tc } : {}),
    country: t.co,
    issuer: t.is,
    certificateId: t.ci,
    ...(t.nm ? { testName: t.nm } : {}),
    ...(t.ma ? { device: t.ma } : {}),
  };
}

function vaccinationDetails(v: VaccinationEntry): VaccinationDetails {
  return { doseNumber: v.dn, seriesDoses: v.sd, date: v.dt, productCode: v.mp, country: v.co, issuer: v.is, certificateId: v.ci };
}

function recoveryDetails(r: RecoveryEntry): RecoveryDetails {
  return { firstPositive: r.fr, validFrom: r.df, validUntil: r.du, country: r.co, issuer: r.is, certificateId: r.ci };
}
