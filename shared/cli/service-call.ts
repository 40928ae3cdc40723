import { CoreFailure } from '../contract';
import { CliError } from './io';

/** Runs a core service's call: a failure the service reports (a CoreFailure) becomes the command's sentence, exit 2. */
export async function serviceCall<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CoreFailure) throw new CliError(error.message);
    throw error;
  }
}
