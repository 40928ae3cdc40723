import type { CertificateHolder } from '../evidence';

/** A laboratory whose result lists a station accepts: registered with its public key by an administrator. */
export interface Lab {
  /** Short stable slug chosen at registration, e.g. `kz-olymp`. */
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 country of the lab; its sample times default to this country's zone. */
  readonly country: string;
}

export type LabTestKind = 'pcr' | 'rat';
export type LabTestResult = 'negative' | 'positive';

/** One person's result on a lab's list, as read from one line of the file. */
export interface LabResultRow {
  /** 1-based line in the file (the header is line 1). */
  readonly line: number;
  /** As printed, upper case, no spaces or dashes (normaliseDocumentNumber). */
  readonly documentNumber: string;
  /** ICAO 3-letter code, or empty when the list leaves it out. */
  readonly nationality: string;
  readonly holder: CertificateHolder;
  /** ISO 8601 with the lab's offset: the wall time written on the list read in the lab's zone. */
  readonly sampleTime: string;
  readonly testKind: LabTestKind;
  readonly result: LabTestResult;
  /** The lab's own reference for the result (the id its result links carry). */
  readonly reference: string;
}

export interface LabListProblem {
  readonly line: number;
  readonly message: string;
}
