import { z } from 'zod';
import type { Result } from '../domain/result';
import { errorMessage, type ErrorKey, type ErrorParams } from './error-messages';

/** Stable error codes that cross host boundaries; the UI translates them, logs keep them. */
export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'conflict',
  'expired',
  'storage-failure',
  'unauthenticated',
  'forbidden',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** One invalid field: `code` and `params` are zod's (too_small with minimum 6…), for the screen to translate. */
export const IssueSchema = z.object({ path: z.string(), message: z.string(), code: z.string().optional(), params: ParamsSchema.optional() });

export const CoreErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for logs and the CLI; screens show `key` translated. */
  message: z.string(),
  /** A key of ERROR_MESSAGES (absent only for transport errors of a host: bad token, bad JSON). */
  key: z.string().optional(),
  params: ParamsSchema.optional(),
  issues: z.array(IssueSchema).optional(),
});
export type CoreError = z.infer<typeof CoreErrorSchema>;
export type CoreResult<T> = Result<T, CoreError>;

export const coreError = (code: ErrorCode, message: string, issues?: CoreError['issues']): CoreError =>
  issues && issues.length > 0 ? { code, message, issues } : { code, message };

/** A CoreError the screens can translate: the key's English sentence as `message`, the key and its values. */
export function keyedError(code: ErrorCode, key: ErrorKey, params?: ErrorParams, issues?: CoreError['issues']): CoreError {
  const base: CoreError = { code, message: errorMessage(key, params), key, ...(params && Object.keys(params).length > 0 ? { params: { ...params } } : {}) };
  return issues && issues.length > 0 ? { ...base, issues } : base;
}

/** Thrown inside the core only; converted to a CoreError value at the method boundary. */
export class CoreFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: ErrorKey,
    readonly params: ErrorParams = {},
  ) {
    super(errorMessage(key, params));
    this.name = 'CoreFailure';
  }

  toCoreError(): CoreError {
    return keyedError(this.code, this.key, this.params);
  }
}
