/**
 * A corridor rule profile: what COVID evidence the receiving state accepts at one corridor and
 * direction, from one instant on. Profiles are data (JSON checked by the contract's RuleProfileSchema),
 * stored with their whole history: a change is a new version, never an edit, so every recorded crossing
 * can name the exact rules it was judged by.
 */
export interface RuleProfile {
  /** Stable slug; versions of one profile share it. */
  id: string;
  version: number;
  name: string;
  /** The corridor code this profile applies to, e.g. `KZ-UZ-TJ` (the form both ends of a corridor agree on). */
  corridor: string;
  direction: RuleDirection;
  /** The profile applies to decisions made at or after this instant (rules changed overnight). */
  effectiveFrom: string;
  /** Where the rule comes from (decree, note verbale), shown to consular staff. */
  source?: string | undefined;
  accept: {
    pcr: TestRule | null;
    rat: TestRule | null;
    vaccination: VaccinationRule | null;
    recovery: RecoveryRule | null;
    paperLabCertificate: PaperRule | null;
    /** Lab-result links, SMART Health Cards, unknown JSON: recorded and shown, never enough alone. */
    otherQr: boolean;
  };
  /**
   * Hours from the entry checkpoint to the corridor's exit. A test valid at entry must still be
   * valid then; if it is not, the decision is NEEDS CROSS-CHECK. `null`: no re-check.
   */
  expectedHoursToExit: number | null;
  exemptions: {
    /** Children younger than this many years on the decision day (passport birth date) need no evidence. */
    childrenUnderYears: number | null;
  };
  /**
   * False when the corridor requires no COVID evidence (the rule was lifted, the crossings are still logged):
   * a valid passport alone is OK; evidence shown is recorded, and only a positive test makes it NOT OK.
   */
  evidenceRequired?: boolean | undefined;
}

export type RuleDirection = 'entry' | 'exit' | 'both';

/** A test kind the profile accepts, and how old its sample may be. */
export interface TestRule {
  /** Maximum time from sample collection to the decision (and, on entry, to the expected exit). */
  maxAgeHours: number;
}

export interface VaccinationRule {
  /** Days that must have passed since the last dose (14 in most 2021 rules). */
  minDaysAfterLastDose: number;
  /** Accept only certificates whose dose number reached the series (dn ≥ sd). */
  completeSeriesOnly: boolean;
}

export interface RecoveryRule {
  /** The certificate's own validity window (df..du) always applies; this may shorten it. */
  maxDaysAfterPositiveTest: number | null;
}

export interface PaperRule {
  /** Paper lab results cannot be verified offline: only `true` lets one make a crossing OK. */
  sufficient: boolean;
}

/** What a decision records about the rules it was made under. */
export interface RuleProfileRef {
  readonly id: string;
  readonly version: number;
}
