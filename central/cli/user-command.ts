import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../../shared/cli/io';
import { HUB_ROLES, isHubRole } from '../../shared/domain/central';
import { HubUserExistsError, HubUserNameError, HubUsers } from '../auth/hub-users';
import type { CentralStore } from '../store/open-store';
import { CENTRAL_USAGE } from './usage';

/** `user add --name N --role R` and `user list`: the web UI's users (the audit names the operating system user). */
export async function runUserCommand(io: CliIo, store: CentralStore, positionals: readonly string[], values: { name?: string | undefined; role?: string | undefined }): Promise<number> {
  const users = new HubUsers(store.sql);
  const [sub] = positionals;
  if (sub === 'list' && positionals.length === 1) {
    io.stdout(JSON.stringify(await users.list()));
    return EXIT_OK;
  }
  if (sub !== 'add' || positionals.length !== 1) throw new CliError(`user takes "add" or "list"\n\n${CENTRAL_USAGE}`);
  if (!values.name) throw new CliError(`user add needs --name N\n\n${CENTRAL_USAGE}`);
  if (!isHubRole(values.role)) throw new CliError(`--role must be one of ${HUB_ROLES.join(', ')}`);
  try {
    const { user, password } = await users.add(values.name, values.role, `cli:${process.env.USER ?? 'unknown'}`);
    io.stdout(JSON.stringify({ name: user.name, role: user.role, password }));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof HubUserExistsError || error instanceof HubUserNameError) {
      io.stderr(`checkpoint-central: ${error.message}`);
      return EXIT_FAILED_CHECK;
    }
    throw error;
  }
}
