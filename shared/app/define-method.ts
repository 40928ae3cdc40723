import type { z } from 'zod';
import { CoreFailure, coreMethods, keyedError, type CoreApi, type CoreError, type CoreMethodName, type CoreResult, type ErrorKey } from '../contract';
import { err, ok } from '../domain/result';
import type { Logger } from './logger';

type Output<M extends CoreMethodName> = z.input<(typeof coreMethods)[M]['output']>;
/** A use-case may be async (certificate signatures are checked with WebCrypto). */
type Impl<M extends CoreMethodName> = (input: z.output<(typeof coreMethods)[M]['input']>) => Output<M> | Promise<Output<M>>;

/** The values zod puts on an issue that a translated sentence needs (limits, expected type, format). */
function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const raw = issue as unknown as Record<string, unknown>;
  for (const name of ['origin', 'expected', 'format', 'minimum', 'maximum'] as const) {
    const value = raw[name];
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  }
  return params;
}

export const issuesOf = (error: z.ZodError): NonNullable<CoreError['issues']> =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message, code: issue.code, params: issueParams(issue) }));

function storageError(error: Error): { key: ErrorKey; detail?: string } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL') return { key: 'storage.full' };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) return { key: 'storage.readOnly' };
  if (code === 'SQLITE_BUSY') return { key: 'storage.busy' };
  return { key: 'storage.other', detail: code };
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
    if (context.isClosed()) return err(keyedError('unavailable', 'core.closing'));
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const issues = issuesOf(input.error);
      const error = keyedError('invalid-input', 'core.invalidInput', { field: issues[0]?.path ?? '(input)' }, issues);
      // The English message keeps the method and zod's words, for logs and the CLI.
      return err({ ...error, message: `${name}: ${issues[0]?.path}: ${issues[0]?.message}` });
    }
    try {
      const value = await impl(input.data as never);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        context.logger.error(`${name} produced output outside the contract`, issuesOf(output.error));
        return err(keyedError('internal', 'core.invalidResult', { method: name }));
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof CoreFailure) return err(error.toCoreError());
      const storage = error instanceof Error ? storageError(error) : undefined;
      if (storage) {
        context.logger.error(`${name}: storage failure`, error);
        return err(keyedError('storage-failure', storage.key, storage.detail === undefined ? {} : { detail: storage.detail }));
      }
      context.logger.error(`${name}: unexpected error`, error);
      return err(keyedError('internal', 'core.unexpected', { method: name, detail: error instanceof Error ? error.message : String(error) }));
    }
  };
  return method as unknown as CoreApi[M];
}
