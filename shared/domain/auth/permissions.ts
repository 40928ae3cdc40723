import type { Role } from './roles';

/**
 * Who may call a core method:
 * - `anyone`: also before sign-in (signing in, the status bar);
 * - `first-run`: only while the station has no user yet (the first-run wizard);
 * - a list of roles: a signed-in person with one of them.
 */
export type Access = 'anyone' | 'first-run' | readonly Role[];

const LANE: readonly Role[] = ['operator', 'consular', 'shift-lead'];
const SUPERVISION: readonly Role[] = ['consular', 'shift-lead'];
const SIGNED_IN: readonly Role[] = ['operator', 'consular', 'shift-lead', 'admin'];

/**
 * The one permission table, keyed by CoreApi method name and enforced in the core (never in a screen).
 * A method missing here is denied. Only consular staff override a NOT OK, only shift leads
 * export, only admins edit corridors, checkpoints, users and trusted stations.
 */
export const METHOD_ACCESS = {
  getStatus: 'anyone',
  whoAmI: 'anyone',
  login: 'anyone',
  logout: 'anyone',
  bootstrapStation: 'first-run',

  scan: LANE,
  listParked: LANE,
  recordCrossing: LANE,
  listCrossings: LANE,
  getLaneOverview: LANE,
  setLaneGroup: LANE,

  listCheckpoints: SIGNED_IN,
  listCorridors: SIGNED_IN,
  saveCheckpoint: ['admin'],
  saveCorridor: ['admin'],
  // Shift leads see who is locked out and unlock them during the shift; everything else about users is an admin's.
  listUsers: ['admin', 'shift-lead'],
  createUser: ['admin'],
  unlockUser: ['admin', 'shift-lead'],
  setUserActive: ['admin'],
  setUserRole: ['admin'],
  resetUserPin: ['admin'],
  changeMyPin: SIGNED_IN,
  getStationIdentity: ['admin', 'shift-lead'],
  trustStation: ['admin'],

  createGroup: ['operator', 'shift-lead'],
  importManifest: ['operator', 'shift-lead'],
  closeGroup: ['operator', 'shift-lead'],
  previewCloseGroup: ['operator', 'shift-lead'],
  // Undoing "Mark departed" is a correction of the record: a shift lead's.
  reopenGroup: ['shift-lead'],
  listGroups: LANE,
  getGroup: LANE,
  exportGroupFile: ['shift-lead'],
  importGroupFile: ['shift-lead'],

  listAlerts: LANE,
  acknowledgeAlert: LANE,

  searchTravellers: SUPERVISION,
  getTravellerHistory: SUPERVISION,
  overrideCrossing: ['consular'],
  // Corrections: the core lets an operator amend only their own last crossing within a short window.
  amendCrossing: LANE,
  // Admitting at the lane takes a second person's PIN (checked in the core); consular staff admit from their queue.
  admitCrossing: LANE,
  refuseCrossing: SUPERVISION,
  listHeld: LANE,

  getDashboard: ['shift-lead'],

  // COVID evidence: the lane keys in paper certificates; admins edit rules and import trust lists.
  addPaperCertificate: LANE,
  getTrustList: SIGNED_IN,
  importTrustList: ['admin', 'shift-lead'],
  setTrustListStaleDays: ['admin'],
  // Lab keys and the lab-link registry decide what counts as verified: administrators; lists arrive with a bus.
  listLabs: ['admin', 'shift-lead'],
  registerLabKey: ['admin'],
  importLabList: ['admin', 'shift-lead'],
  importLabLinks: ['admin'],
  listRuleProfiles: SIGNED_IN,
  getRuleProfile: SIGNED_IN,
  saveRuleProfile: ['admin'],

  // Scanner devices: admins pick devices and read the test area (it can show MRZ text); the status
  // lights carry no personal data; the lane tells the core its direction for scans from host-owned devices.
  // Shift leads see the scanners and their state (F10 over the lane) without changing them or reading the feed.
  listScanners: ['admin', 'shift-lead'],
  assignScanner: ['admin'],
  unassignScanner: ['admin'],
  getScannerFeed: ['admin'],
  getScannerStatus: 'anyone',
  setLaneContext: LANE,
  getWedgeSettings: 'anyone',
  saveWedgeSettings: ['admin'],

  // Export: only shift leads export and print the shift report; the central endpoint and its
  // credential are an administrator's setting (both may read the delivery state).
  previewExport: ['shift-lead'],
  exportBundle: ['shift-lead'],
  getShiftReport: ['shift-lead'],
  // Everyone signed in keeps their own screen preferences (the core takes the user from the session).
  getUserPreferences: SIGNED_IN,
  saveUserPreferences: SIGNED_IN,
  listExports: ['shift-lead', 'admin'],
  getExportSettings: ['shift-lead', 'admin'],
  saveExportSettings: ['admin'],
  // Packages from the hub change the trust list, rules and trusted keys: the people who import those by hand.
  getHubLink: ['shift-lead', 'admin'],
  checkHubNow: ['shift-lead', 'admin'],
  importStationPackages: ['shift-lead', 'admin'],
  // Data protection: only administrators set how long personal data is kept, or purge now.
  getRetention: ['admin'],
  previewRetention: ['admin'],
  setRetention: ['admin'],
  purgeExpired: ['admin'],
  // Idle sign-out: shift leads see it, administrators set it.
  getIdleSignOut: ['shift-lead', 'admin'],
  setIdleSignOut: ['admin'],
} as const satisfies Record<string, Access>;

export type PermissionDecision = 'allowed' | 'sign-in-required' | 'forbidden' | 'setup-done' | 'setup-required';

/**
 * Decides one call. Unknown methods are denied; while the station has no user, only `anyone`
 * and `first-run` methods run, so an unconfigured station records nothing.
 */
export function decideAccess(access: Access | undefined, session: { role: Role } | null, hasUsers: boolean): PermissionDecision {
  if (access === undefined) return 'forbidden';
  if (access === 'anyone') return 'allowed';
  if (access === 'first-run') return hasUsers ? 'setup-done' : 'allowed';
  if (!hasUsers) return 'setup-required';
  if (!session) return 'sign-in-required';
  return access.includes(session.role) ? 'allowed' : 'forbidden';
}

/** Whether a role may call a method at all (the renderer hides what it may not; the core still decides). */
export function roleMay(role: Role, method: string): boolean {
  const access = (METHOD_ACCESS as Record<string, Access>)[method];
  if (access === undefined) return false;
  if (access === 'anyone') return true;
  if (access === 'first-run') return false;
  return access.includes(role);
}
