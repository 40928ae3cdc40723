import type { Problem } from '../result';

/**
 * MRZ layouts (ICAO 9303 Parts 4–7): TD3 passports (2×44), TD2 cards (2×36), TD1 cards (3×30),
 * MRV-A / MRV-B visas (2×44 / 2×36), and the pre-2021 French national identity card (2×36, not ICAO).
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB' | 'FRENCH_ID';

/** `<` means "unspecified" like `X` (ICAO 9303 Part 4 §4.2.2). */
export type MrzSex = 'M' | 'F' | 'X' | '<';

/** `valid`: every rule holds as printed; `valid-after-correction`: holds after the listed corrections. */
export type MrzStatus = 'valid' | 'valid-after-correction' | 'invalid';

/** The data fields of an MRZ, as named in this module's results. */
export type MrzFieldName =
  | 'documentCode'
  | 'issuingState'
  | 'surname'
  | 'givenNames'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'optionalData'
  | 'optionalData2';

/** Fields protected by a check digit, plus the composite check digit over several fields. */
export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

/** A correction is reported against a data field or against the check digit of a field. */
export type MrzCorrectionField = MrzFieldName | `${MrzCheckName}CheckDigit`;

export interface MrzFields {
  /** Fillers removed: `P`, `ID`, `V`, `VB` … */
  readonly documentCode: string;
  /** Trailing fillers removed, so Germany's `D<<` is `D`. */
  readonly issuingState: string;
  readonly issuingStateName: string | null;
  /** Primary identifier; every run of `<` inside it becomes one space. Empty when the name field starts with `<<`. */
  readonly surname: string;
  readonly givenNames: string;
  /** The name field is full up to its last position, so the name may have been truncated (ICAO 9303 Part 3 §4.6). */
  readonly nameTruncated: boolean;
  /** Trailing fillers removed; TD1/TD2 long numbers include the overflow from the optional data. */
  readonly documentNumber: string;
  /** Trailing fillers removed. The French ID has no nationality field; the card is issued to French nationals only, so it is `FRA`. */
  readonly nationality: string;
  readonly nationalityName: string | null;
  /** ISO `YYYY-MM-DD` after the century policy, or `null` when the printed value is not a real date. */
  readonly birthDate: string | null;
  /** `YYMMDD` exactly as it stands in the MRZ (after any correction). */
  readonly birthDateRaw: string;
  /** `null` when the character in the sex position is not one of `M`, `F`, `X`, `<`. */
  readonly sex: MrzSex | null;
  /** ISO `YYYY-MM-DD`, or `null` when not a real date or when the format has no expiry date (French ID). */
  readonly expiryDate: string | null;
  /** `YYMMDD` as it stands in the MRZ; empty for the French ID. */
  readonly expiryDateRaw: string;
  /**
   * TD3: personal number; TD1: optional data of line 1 (without a long document number's overflow);
   * TD2 / visas: optional data; French ID: administrative code. Leading and trailing fillers removed,
   * inner fillers kept as `<`.
   */
  readonly optionalData: string;
  /** TD1 only: optional data of line 2 (positions 19–29); `null` for other formats. */
  readonly optionalData2: string | null;
}

/** One check digit: what is printed and what the data gives (ICAO 9303 Part 3 §4.9). */
export interface MrzCheck {
  readonly field: MrzCheckName;
  /** The character in the check-digit position. */
  readonly printed: string;
  /** The digit computed from the data, or `null` when the data holds characters outside the MRZ alphabet. */
  readonly expected: string | null;
  readonly ok: boolean;
}

export interface MrzCorrection {
  readonly field: MrzCorrectionField;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based character position within the line, as ICAO numbers positions. */
  readonly position: number;
  readonly from: string;
  readonly to: string;
  /**
   * `character-class`: the position can only hold digits (or only letters) and OCR produced a look-alike;
   * `check-digit`: the field may hold both, and this is the only look-alike substitution that makes the check digits agree.
   */
  readonly basis: 'character-class' | 'check-digit';
}

export type MrzProblemCode =
  | 'empty-input'
  | 'layout'
  | 'invalid-character'
  | 'invalid-document-code'
  | 'invalid-state-code'
  | 'unknown-state-code'
  | 'specimen-state-code'
  | 'name-invalid-characters'
  | 'name-corrected'
  | 'name-truncated'
  | 'name-filler-read-as-k'
  | 'document-number-empty'
  | 'date-not-numeric'
  | 'date-filler-ambiguous'
  | 'date-not-calendar'
  | 'expiry-out-of-range'
  | 'birth-after-expiry'
  | 'invalid-sex'
  | 'check-digit-mismatch'
  | 'check-digit-not-digit'
  | 'check-digit-filler'
  | 'ambiguous-correction'
  | 'verify-correction'
  | 'internal-error'
  | 'invalid-reference-date'
  /** buildMrz only: a value the MRZ cannot hold. */
  | 'invalid-input';

/**
 * A problem an officer can read. `error` makes the MRZ invalid; `warning` is worth a look but the MRZ
 * text itself obeys ICAO 9303 (e.g. an expired document, an unknown state code, a possibly truncated name).
 */
export interface MrzProblem extends Problem<MrzProblemCode> {
  readonly severity: 'error' | 'warning';
  readonly field?: MrzFieldName | MrzCheckName;
  /**
   * For the screens: which sentence (default: the code; one code can have several, e.g. `invalid-input`) and the
   * values it carries, translated at the UI edge (`mrzProblems.<key>`); `message` stays the English sentence.
   */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type MrzNormalisationCode =
  | 'line-endings'
  | 'caret-separators'
  | 'whitespace-separators'
  | 'trimmed-whitespace'
  | 'removed-empty-lines'
  | 'removed-inner-spaces'
  | 'upper-cased'
  | 'unicode-compatibility'
  | 'split-single-line';

export interface MrzNormalisation {
  readonly code: MrzNormalisationCode;
  readonly message: string;
}

export interface MrzReadable {
  readonly readable: true;
  readonly format: MrzFormat;
  readonly status: MrzStatus;
  readonly fields: MrzFields;
  readonly checks: readonly MrzCheck[];
  readonly corrections: readonly MrzCorrection[];
  readonly problems: readonly MrzProblem[];
  readonly normalisations: readonly MrzNormalisation[];
  /** The lines after normalisation and correction: what the fields were read from. */
  readonly lines: readonly string[];
}

export interface MrzUnreadable {
  readonly readable: false;
  readonly problems: readonly MrzProblem[];
  readonly normalisations: readonly MrzNormalisation[];
  /** The lines after normalisation (possibly none). */
  readonly lines: readonly string[];
}

export type MrzResult = MrzReadable | MrzUnreadable;

export interface ParseMrzOptions {
  /** "Today" for the century policy (see dates.ts). Always injected: the engine never reads the clock. */
  readonly referenceDate: Date;
  /** Undo OCR look-alikes (default `true`). `false` reads the MRZ exactly as printed. */
  readonly ocrCorrection?: boolean;
}
