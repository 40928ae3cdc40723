// The crossing log's rules, pure: who is the same person, which entry an exit closes, what state each
// traveller of a group is in, and when to raise an alert.
export {
  ADULT_AGE,
  ALERT_SEVERITY,
  DEFAULT_DUPLICATE_WINDOW_MINUTES,
  alertMessage,
  findRepeatedScan,
  isExpiredOn,
  isMinorOn,
  isOverdue,
  overdueSinceMs,
  type AlertWording,
} from './alert-rules';
export { groupRoster, rosterCounts, type RosterCounts, type RosterGroup, type RosterManifestLine, type RosterPerson } from './group-roster';
export { headerColumns, headerKey, manifestRowsFromTable, parseManifestDate, type ManifestProblem, type ManifestRow } from './manifest-rows';
export { SAME_NAME_THRESHOLD, birthDateVariants, birthDatesClose, matchMethod, normaliseDocumentNumber, sameDocument, sameIdentity } from './match-identity';
export { CLOCK_SKEW_MS, chooseEntry, chooseExit, pairMethod, pairingProblems, transitMinutes } from './pairing';
export { ALERT_TYPES, PERSON_STATES } from './types';
export type { AlertSeverity, AlertType, CorridorTiming, Identity, PairMethod, Pairing, Passage, PassageDirection, PersonState } from './types';
export {
  DEFAULT_AMEND_WINDOW_MINUTES,
  DISPOSITIONS,
  OVERRIDE_ROLES,
  admitRefusal,
  amendRefusal,
  amendment,
  applyCorrection,
  crossingAlertTypes,
  currentState,
  dispositionOnEnter,
  hasCrossed,
  refuseRefusal,
  type AmendFacts,
  type CorrectionChange,
  type CorrectionKind,
  type CorrectionRefusal,
  type CrossingAlertFacts,
  type CrossingState,
  type Disposition,
  type OverrideRole,
} from './disposition';
export { MANIFEST_LINK_LOOKBACK_MS, manifestLinks, type ManifestLink } from './manifest-link';
export { laneNotices, type LaneNotice, type LaneNoticeFacts } from './lane-notices';
