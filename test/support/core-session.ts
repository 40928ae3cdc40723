import type { CoreBootstrap } from '../../shared/app/create-core';
import type { BootstrapStationInput, CreateUserInput } from '../../shared/contract';
import type { Role } from '../../shared/domain/auth';

/** PINs used by the tests: six digits, not a run or a repeat (pin-policy.ts refuses those). */
export const TEST_PIN: Record<Role, string> = { operator: '482916', consular: '573028', 'shift-lead': '604817', admin: '739251' };
export const TEST_USERNAME: Record<Role, string> = { operator: 'aziza', consular: 'consul', 'shift-lead': 'lead', admin: 'admin' };

export const testUser = (role: Role): CreateUserInput => ({ username: TEST_USERNAME[role], displayName: `Test ${role}`, role, pin: TEST_PIN[role] });

/** A station at Zhibek Zholy (KZ) with no corridor yet: enough for the lane tests. */
export const PLAIN_STATION: BootstrapStationInput = {
  checkpoint: { id: 'KZ-ZHIBEK-ZHOLY', name: 'Zhibek Zholy', country: 'KAZ' },
  admin: { username: TEST_USERNAME.admin, displayName: 'Test admin', pin: TEST_PIN.admin },
};

/**
 * `createCore({ bootstrap })` for tests: the first-run setup, the given roles as users, and one of them
 * signed in, all through the real methods (scrypt hashes, audit rows). `null` signs nobody in.
 */
export function testBootstrap(signIn: Role | null = 'operator', options: { station?: BootstrapStationInput; roles?: readonly Role[] } = {}): CoreBootstrap {
  const roles = new Set<Role>(options.roles ?? (signIn && signIn !== 'admin' ? [signIn] : []));
  return {
    station: options.station ?? PLAIN_STATION,
    users: [...roles].filter((r) => r !== 'admin').map(testUser),
    ...(signIn ? { signIn: TEST_USERNAME[signIn] } : {}),
  };
}

/**
 * A cheap scrypt cost for test cores (1 MiB instead of 32): hundreds of cores each hash and check several PINs.
 * test/unit/node/pin-hash.test.ts pins the production cost that every other core uses.
 */
export const TEST_PIN_HASH_COST = { N: 2 ** 10, r: 8, p: 1 } as const;
