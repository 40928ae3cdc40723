import { z } from 'zod';
import type { Result } from '../domain/result';

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

export const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const CoreErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(IssueSchema).optional(),
});
export type CoreError = z.infer<typeof CoreErrorSchema>;
export type CoreResult<T> = Result<T, CoreError>;

export const coreError = (code: ErrorCode, message: string, issues?: CoreError['issues']): CoreError =>
  issues && issues.length > 0 ? { code, message, issues } : { code, message };

/** Thrown inside the core only; converted to a CoreError value at the method boundary. */
export class CoreFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreFailure';
  }
}
