import type { CertificateType, DccStep, JsonValue } from '../dcc';

/**
 * Evidence of a COVID test, vaccination or recovery that a traveller showed at the lane. Plain JSON,
 * so it crosses every host boundary as it is and can be stored next to the crossing.
 */
export type Evidence = DccEvidence | PaperLabEvidence | OtherQrEvidence | LabResultEvidence;
export type EvidenceKind = Evidence['kind'];

export type TestKind = 'pcr' | 'rat' | 'unknown';
export type TestResult = 'negative' | 'positive' | 'unknown';

/** The certificate holder as the certificate states them (hcert `nam` and `dob`). */
export interface CertificateHolder {
  /** Surname in the original script (`fn`), e.g. Cyrillic. */
  readonly surname?: string;
  readonly givenNames?: string;
  /** ICAO 9303 transliterated forms (`fnt`, `gnt`), `<` between words. */
  readonly surnameStandardised?: string;
  readonly givenNamesStandardised?: string;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or empty, as on the certificate. */
  readonly birthDate: string;
}

export interface TestDetails {
  readonly kind: TestKind;
  readonly typeCode: string;
  readonly result: TestResult;
  readonly resultCode: string;
  /** Sample collection time as written on the certificate (`sc`). */
  readonly sampleTime: string;
  readonly centre?: string;
  readonly country: string;
  readonly issuer: string;
  readonly certificateId: string;
  readonly testName?: string;
  readonly device?: string;
}

export interface VaccinationDetails {
  readonly doseNumber: number;
  readonly seriesDoses: number;
  readonly date: string;
  readonly productCode: string;
  readonly country: string;
  readonly issuer: string;
  readonly certificateId: string;
}

export interface RecoveryDetails {
  readonly firstPositive: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly country: string;
  readonly issuer: string;
  readonly certificateId: string;
}

export interface DccStepOutcome {
  readonly ok: boolean;
  readonly error?: string;
}

export interface DccEvidence {
  readonly kind: 'dcc';
  readonly id: string;
  readonly capturedAt: string;
  /** SHA-256 (hex) of the scanned text: identifies the QR without keeping it. */
  readonly payloadSha256: string;
  /** Every pipeline step passed at the decision time (signature, key usage, validity included). */
  readonly valid: boolean;
  readonly steps: Partial<Record<DccStep, DccStepOutcome>>;
  readonly problems: readonly { readonly step: DccStep; readonly code: string; readonly message: string }[];
  readonly certificateType?: CertificateType;
  readonly signer?: { readonly country: string; readonly kid: string };
  readonly kid?: string;
  readonly claims?: { readonly issuer?: string; readonly issuedAt?: string; readonly expiresAt?: string };
  readonly holder?: CertificateHolder;
  readonly test?: TestDetails;
  readonly vaccination?: VaccinationDetails;
  readonly recovery?: RecoveryDetails;
  /** Coded fields with their value-set displays; `known: false` = outside the EU value set. */
  readonly codes: readonly { readonly path: string; readonly code: string; readonly known: boolean; readonly display?: string }[];
  /** The whole decoded certificate, for the consular view. */
  readonly hcert?: { readonly [key: string]: JsonValue };
}

/** A paper lab certificate keyed in by the operator: it cannot be verified offline. */
export interface PaperLabEvidence {
  readonly kind: 'paper-lab';
  readonly id: string;
  readonly capturedAt: string;
  readonly lab: string;
  readonly testKind: 'pcr' | 'rat';
  /** ISO 8601 with offset, as the operator entered it. */
  readonly sampleTime: string;
  readonly result: 'negative' | 'positive';
  readonly certificateNumber: string;
  readonly hasPhoto: boolean;
  /** The name and birth date as printed, when the operator keyed them in: compared with the passport like a DCC's. */
  readonly holder?: CertificateHolder;
}

export type OtherQrForm = 'url' | 'shc' | 'json' | 'text';

/** A QR that is neither a passport nor an EU DCC: recorded and shown, never judged OK by itself. */
export interface OtherQrEvidence {
  readonly kind: 'other-qr';
  readonly id: string;
  readonly capturedAt: string;
  readonly payloadSha256: string;
  readonly form: OtherQrForm;
  /** The scanned text, shortened for display. */
  readonly text: string;
  /** For links: the host name, so the operator sees which service issued it. */
  readonly host?: string;
  /** For links: what the station's lab-link registry says about it (absent: the station has no registry). */
  readonly labLink?: LabLinkFinding;
}

/** A scanned link classified by the lab-link registry: a known lab's result id, a known lab's other form, or an unknown host. */
export type LabLinkFinding =
  | { readonly status: 'classified'; readonly labId: string; readonly lab: string; readonly country: string; readonly resultId: string }
  | { readonly status: 'unknown-form'; readonly labId: string; readonly lab: string; readonly country: string }
  | { readonly status: 'unknown-host' };

/**
 * A result found on a lab's signed result list (the mass testing of a bus at the border): verified evidence,
 * because the list's signature by the lab's registered key was checked when it was imported.
 */
export interface LabResultEvidence {
  readonly kind: 'lab-result';
  readonly id: string;
  readonly capturedAt: string;
  /** SHA-256 (hex) of the list entry's identity (list version and lab reference): names the result without personal data. */
  readonly payloadSha256: string;
  readonly lab: { readonly id: string; readonly name: string; readonly country: string };
  /** The station's import of the list: its version number, file name and time. */
  readonly list: { readonly version: number; readonly source: string; readonly importedAt: string; readonly signedBy: string };
  /** How the passport found it: its document number, its holder's name and birth date, or a scanned result link. */
  readonly matchedBy: 'document' | 'identity' | 'link';
  readonly reference: string;
  readonly testKind: 'pcr' | 'rat';
  /** ISO 8601 with the lab's offset. */
  readonly sampleTime: string;
  readonly result: 'negative' | 'positive';
  readonly holder: CertificateHolder;
}
