import type { CorridorView, PersonOnJourney } from '../../shared/contract/hub-web';
import type { JourneyState, JourneySummary } from '../../shared/domain/corridor/journey';
import type { RegisteredCorridor } from '../board/corridor-repo';

export const corridorView = (c: RegisteredCorridor): CorridorView => ({ id: c.chain.id, name: c.name, version: c.version, steps: c.chain.steps.map((s) => ({ ...s })), legs: c.chain.legs.map((l) => ({ ...l })) });

/** A journey summary with its state at the board's time, as the UI shows a person. */
export const personOf = (corridor: RegisteredCorridor, summary: JourneySummary, state: JourneyState): PersonOnJourney => ({
  corridorId: summary.corridorId,
  journeyKey: summary.key,
  groupId: summary.groupId,
  state,
  documentNumber: summary.identity.documentNumber,
  nationality: summary.identity.nationality,
  nameKey: summary.identity.nameKey,
  birthDate: summary.identity.birthDate,
  pairedBy: summary.pairedBy,
  documents: summary.documents,
  marks: summary.marks,
  lastSeen: { checkpointId: summary.lastSeen.checkpointId, atMs: summary.lastSeen.atMs, disposition: summary.lastSeen.disposition },
  nextCheckpointId: summary.nextStep === null ? null : (corridor.chain.steps[summary.nextStep]?.checkpointId ?? null),
  expectedAtMs: summary.expectedAtMs,
  deadlineMs: summary.deadlineMs,
});
