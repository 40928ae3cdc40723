import type { JourneySummary } from '../../shared/domain/corridor/journey';
import { msOf, msOrNull } from './board-sql';
import { marksOf, type JourneyRow } from './journey-rows';

export const JOURNEY_COLUMNS =
  'corridor_id, journey_key, group_id, state, marks, passed_at, first_seen_at, first_checkpoint_id, last_seen_at, last_checkpoint_id, last_disposition, last_reverse, next_step, expected_at, deadline_at, unexpected_at, paired_by, documents, document_number, nationality, birth_date, name_key, crossings';

export interface StoredJourneyRow extends JourneyRow {
  first_checkpoint_id: string;
  last_reverse: boolean;
  crossings: number;
}

/** A stored journey row as the summary the pure rules read (steps and stations of first/last seen as stored). */
export function summaryOfRow(row: StoredJourneyRow, stepOfCheckpoint: (checkpointId: string) => number): JourneySummary {
  const marks = marksOf(row.marks);
  return {
    key: row.journey_key,
    corridorId: row.corridor_id,
    groupId: row.group_id,
    state: row.state,
    marks,
    passedAtMs: marks.map((_, i) => msOrNull(row.passed_at[i] ?? null)),
    firstSeen: { step: stepOfCheckpoint(row.first_checkpoint_id), checkpointId: row.first_checkpoint_id, atMs: msOf(row.first_seen_at), disposition: 'crossed', reverse: false, stationId: '' },
    lastSeen: {
      step: stepOfCheckpoint(row.last_checkpoint_id),
      checkpointId: row.last_checkpoint_id,
      atMs: msOf(row.last_seen_at),
      disposition: row.last_disposition as JourneySummary['lastSeen']['disposition'],
      reverse: row.last_reverse,
      stationId: '',
    },
    nextStep: row.next_step,
    expectedAtMs: msOrNull(row.expected_at),
    deadlineMs: msOrNull(row.deadline_at),
    unexpectedAt: row.unexpected_at,
    pairedBy: row.paired_by,
    documents: row.documents,
    identity: { documentNumber: row.document_number, nationality: row.nationality, birthDate: row.birth_date, nameKey: row.name_key },
    crossingIds: [],
  };
}
