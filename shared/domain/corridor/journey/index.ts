// A person's trip through a corridor of several countries, pieced together centrally from every station's
// crossings: which crossings are one journey, what state it is in, what each bus looks like on the board,
// and which situations the hub raises as alerts.
export { corridorMaxMinutes, stationDirection, stepOf, tripWindowMs, validateCorridorChain, type ChainProblemCode, type CorridorChain, type CorridorLeg, type CorridorStep, type StepPlace } from './chain';
export {
  CENTRAL_ALERT_CODES,
  CENTRAL_ALERT_SEVERITY,
  alertsForStation,
  diffAlerts,
  journeyAlerts,
  stationAlerts,
  type CentralAlert,
  type CentralAlertCode,
  type ContinuityGap,
  type OpenAlert,
  type StationContact,
} from './central-alerts';
export { CORRIDOR_PACKAGE_FORMAT, corridorPackageContent, parseCorridorPackage, stationCorridorOf, type CorridorPackage, type StationCorridor } from './station-corridor';
export { boardRowOf, groupBoardRow, memberClasses, type GroupBoardRow, type MemberClass, type StepCount } from './group-board';
export { applyPlacement, fitsTrip, journeyLookupKeys, journeyMatch, journeyOf, placeCrossing, type Placement } from './place-crossing';
export { reconcileCrossings } from './reconcile';
export { groupPassedSteps, journeyStateAt, summariseJourney } from './summary';
export { DISPOSITIONS, JOURNEY_STATES, STORED_JOURNEY_STATES } from './types';
export type { Disposition, Journey, JourneyCrossing, JourneyEvent, JourneyState, JourneySummary, SeenAt, StepMark, StoredJourneyState } from './types';
