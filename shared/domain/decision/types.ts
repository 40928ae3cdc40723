export type Outcome = 'OK' | 'NOT_OK' | 'NEEDS_CROSS_CHECK';
export type Severity = 'info' | 'warning' | 'blocking';

export interface Reason {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The values in the message, for translations of the sentence (`{{expiry}}` …); the code names the sentence. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Decision {
  readonly outcome: Outcome;
  readonly recordable: boolean;
  readonly reasons: Reason[];
}

const SEVERITY_RANK: Record<Outcome, number> = { OK: 0, NEEDS_CROSS_CHECK: 1, NOT_OK: 2 };

/** The stricter of two outcomes: NOT OK beats NEEDS CROSS-CHECK beats OK. */
export const worseOutcome = (a: Outcome, b: Outcome): Outcome => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);
