// Roles, the per-method permission table and the PIN policy: pure, shared by the core and the screens.
export { ROLES, ROLE_LABEL, type Role } from './roles';
export { METHOD_ACCESS, decideAccess, roleMay, type Access, type PermissionDecision } from './permissions';
export {
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  SIGN_IN_WINDOW_MS,
  afterFailedAttempt,
  chargeAttempt,
  isLocked,
  pinProblem,
  stationBackoffMs,
  type LockState,
  type PinProblem,
} from './pin-policy';
