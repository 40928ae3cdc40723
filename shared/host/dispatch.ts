import { CORE_METHOD_NAMES, coreError, type CoreApi, type CoreMethodName, type CoreResult } from '../contract';
import { err } from '../domain/result';

export type Dispatch = (method: unknown, input: unknown) => Promise<CoreResult<unknown>>;

export const isCoreMethodName = (value: unknown): value is CoreMethodName =>
  typeof value === 'string' && (CORE_METHOD_NAMES as readonly string[]).includes(value);

/**
 * The one entry point both hosts (Electron IPC, HTTP) call with untrusted values: an unknown method
 * name or a malformed input comes back as a CoreError value, never as an exception.
 */
export function createDispatcher(core: CoreApi): Dispatch {
  return async (method, input) => {
    if (!isCoreMethodName(method)) {
      return err(coreError('unknown-method', `There is no core method called ${JSON.stringify(String(method)).slice(0, 80)}.`));
    }
    try {
      return await (core[method] as (input: unknown) => Promise<CoreResult<unknown>>)(input);
    } catch (error) {
      return err(coreError('internal', `Unexpected error in ${method}: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
}
