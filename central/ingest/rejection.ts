import type { BundleProblem } from '../../shared/domain/export';

/**
 * Why the hub refused a bundle: the code is what the station shows (translated) and decides on —
 * `retryable` ones can succeed later as they are (a missing predecessor may still arrive), the others
 * cannot until a person acts (a new credential, a new export).
 */
export const REJECTIONS = {
  'unknown-credential': { status: 401, retryable: false },
  'station-revoked': { status: 403, retryable: false },
  'station-mismatch': { status: 403, retryable: false },
  'unknown-station': { status: 403, retryable: false },
  'bad-request': { status: 400, retryable: false },
  'idempotency-key-mismatch': { status: 422, retryable: false },
  'bundle-unreadable': { status: 422, retryable: false },
  'wrong-key': { status: 422, retryable: false },
  'bundle-invalid': { status: 422, retryable: false },
  gap: { status: 409, retryable: true },
  overlap: { status: 409, retryable: false },
  'predecessor-missing': { status: 409, retryable: true },
  'too-large': { status: 413, retryable: false },
  'rate-limited': { status: 429, retryable: true },
} as const;

export type RejectionCode = keyof typeof REJECTIONS;

export interface Rejection {
  readonly kind: 'rejected';
  readonly code: RejectionCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly message: string;
  readonly problems: readonly BundleProblem[];
}

export const rejection = (code: RejectionCode, message: string, problems: readonly BundleProblem[] = []): Rejection => ({
  kind: 'rejected',
  code,
  status: REJECTIONS[code].status,
  retryable: REJECTIONS[code].retryable,
  message,
  problems,
});
