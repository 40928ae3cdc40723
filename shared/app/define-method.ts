import type { z } from 'zod';
import { CoreFailure, coreError, coreMethods, type CoreApi, type CoreError, type CoreMethodName, type CoreResult } from '../contract';
import { err, ok } from '../domain/result';
import type { Logger } from './logger';

type Output<M extends CoreMethodName> = z.input<(typeof coreMethods)[M]['output']>;
/** A use-case may be async (certificate signatures are checked with WebCrypto). */
type Impl<M extends CoreMethodName> = (input: z.output<(typeof coreMethods)[M]['input']>) => Output<M> | Promise<Output<M>>;

export const issuesOf = (error: z.ZodError): NonNullable<CoreError['issues']> =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));

function storageMessage(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL') return 'The disk is full: nothing was saved. Free space on the station disk, then try again.';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) return 'The data folder is read-only: nothing was saved. Check the disk, then try again.';
  if (code === 'SQLITE_BUSY') return 'The database is busy: nothing was saved. Try again.';
  return `The station database could not complete the operation (${code}): nothing was saved.`;
}

/**
 * Wraps one use-case as a CoreApi method: validates the input against the contract, turns every
 * failure into a CoreError value, and checks the output too, so no host ever sees a raw exception.
 */
export function defineMethod<M extends CoreMethodName>(
  name: M,
  impl: Impl<M>,
  context: { logger: Logger; isClosed: () => boolean },
): CoreApi[M] {
  const spec = coreMethods[name];
  const method = async (rawInput: unknown): Promise<CoreResult<unknown>> => {
    if (context.isClosed()) return err(coreError('unavailable', 'The station core is shutting down.'));
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const issues = issuesOf(input.error);
      return err(coreError('invalid-input', `${name}: ${issues[0]?.path}: ${issues[0]?.message}`, issues));
    }
    try {
      const value = await impl(input.data as never);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        context.logger.error(`${name} produced output outside the contract`, issuesOf(output.error));
        return err(coreError('internal', `${name} produced an invalid result; nothing was changed on screen. Please report this.`));
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof CoreFailure) return err(coreError(error.code, error.message));
      const storage = error instanceof Error ? storageMessage(error) : undefined;
      if (storage) {
        context.logger.error(`${name}: storage failure`, error);
        return err(coreError('storage-failure', storage));
      }
      context.logger.error(`${name}: unexpected error`, error);
      return err(coreError('internal', `Unexpected error in ${name}: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  return method as unknown as CoreApi[M];
}
