/**
 * The CoreApi method names, without zod, so the sandboxed Electron preload can stay tiny.
 * `core-api.ts` proves at compile time that this list equals the schema table's keys.
 */
export const CORE_METHOD_NAMES = ['scan', 'listParked', 'recordCrossing', 'listCrossings', 'getStatus',
  // The crossing log: sign-in, station set-up, corridors, groups, alerts, consular, dashboard.
  'whoAmI',
  'login',
  'logout',
  'bootstrapStation',
  'listUsers',
  'createUser',
  'unlockUser',
  'setUserActive',
  'setUserRole',
  'resetUserPin',
  'changeMyPin',
  'getStationIdentity',
  'trustStation',
  'listCheckpoints',
  'saveCheckpoint',
  'listCorridors',
  'saveCorridor',
  'createGroup',
  'listGroups',
  'getGroup',
  'importManifest',
  'setLaneGroup',
  'closeGroup',
  'previewCloseGroup',
  'reopenGroup',
  'exportGroupFile',
  'importGroupFile',
  'listAlerts',
  'acknowledgeAlert',
  'searchTravellers',
  'getTravellerHistory',
  'overrideCrossing',
  // The log of record: corrections, the consular held queue.
  'amendCrossing',
  'admitCrossing',
  'refuseCrossing',
  'listHeld',
  'getDashboard',
  'getLaneOverview',
  // COVID evidence.
  'addPaperCertificate',
  'importTrustList',
  'getTrustList',
  'setTrustListStaleDays',
  'listLabs',
  'registerLabKey',
  'importLabList',
  'importLabLinks',
  'listRuleProfiles',
  'getRuleProfile',
  'saveRuleProfile',
  // Scanner devices.
  'listScanners',
  'getScannerStatus',
  'assignScanner',
  'unassignScanner',
  'getScannerFeed',
  'setLaneContext',
  'getWedgeSettings',
  'saveWedgeSettings',
  // Export to the central system.
  'previewExport',
  'exportBundle',
  'listExports',
  'getExportSettings',
  'saveExportSettings',
  'getShiftReport',
  // Each operator's own screen preferences: language, large text, high contrast, volume.
  'getUserPreferences',
  'saveUserPreferences',
  // Data protection: the retention period and the purge of personal fields.
  'getRetention',
  'previewRetention',
  'setRetention',
  'getIdleSignOut',
  'setIdleSignOut',
  'purgeExpired',
  // Signed packages from the central hub (trust list, rules, station keys, bus lists, group files).
  'getHubLink',
  'checkHubNow',
  'importStationPackages',
] as const;
export type CoreMethodName = (typeof CORE_METHOD_NAMES)[number];

export const CORE_EVENT_CHANNEL = 'core:event';
/** Electron only: main prints the station window to a PDF file (the shift report); not a CoreApi method. */
export const PRINT_TO_PDF_CHANNEL = 'host:printToPdf';
export const ipcChannelFor = (method: CoreMethodName): string => `core:${method}`;
