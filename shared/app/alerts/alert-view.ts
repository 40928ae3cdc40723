import type { Alert } from '../../contract';
import { alertMessage } from '../../domain/corridor';
import type { AlertRow } from '../../node/db';
import type { CoreContext } from '../core-context';

/** As many names as the English sentence lists (alertMessage's own limit). */
const ALERT_NAMES_SHOWN = 12;

const personName = (surname: string, givenNames: string, documentNumber: string): string => `${surname}, ${givenNames} (${documentNumber})`.replace(/^, /, '');

/**
 * Alerts as screens show them: the sentence with the people's names, read from the crossing and manifest
 * tables now (the alert row itself holds only ids).
 */
export function toAlertViews(ctx: CoreContext, rows: readonly AlertRow[]): Alert[] {
  const ids = [...new Set(rows.flatMap((r) => r.subjectIds))];
  const names = new Map<string, string>();
  for (const entry of ctx.repos.groups.manifestEntriesByIds(ids)) names.set(entry.id, personName(entry.surname, entry.givenNames, entry.documentNumber));
  const sequences = new Map<string, number>();
  for (const id of ids) {
    if (names.has(id)) continue;
    const passage = ctx.repos.passages.get(id);
    if (passage) {
      names.set(id, personName(passage.document.surname, passage.document.givenNames, passage.document.documentNumber));
      if (passage.sequence !== null) sequences.set(id, passage.sequence);
    }
  }
  const groupLabels = new Map<string, string>();
  const corridorMax = new Map<string, number>();
  return rows.map((row) => {
    if (row.groupId && !groupLabels.has(row.groupId)) groupLabels.set(row.groupId, ctx.repos.groups.get(row.groupId)?.label ?? '?');
    if (row.corridorId && !corridorMax.has(row.corridorId)) corridorMax.set(row.corridorId, ctx.repos.corridors.getCorridor(row.corridorId)?.maxTransitMinutes ?? 0);
    const people = row.subjectIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined);
    const expiry = row.type === 'expired-passport' && row.crossingId ? ctx.repos.passages.get(row.crossingId)?.document.expiryDate : undefined;
    const wording = {
      people,
      ...(row.groupId ? { groupLabel: groupLabels.get(row.groupId) } : {}),
      ...(row.corridorId ? { minutes: corridorMax.get(row.corridorId) } : {}),
      ...(row.type === 'duplicate-scan' && row.crossingId ? { earlierSequence: sequences.get(row.crossingId) } : {}),
      ...(expiry ? { expiryDate: expiry } : {}),
    };
    const message = alertMessage(row.type, wording);
    const params: Record<string, string | number> = { count: people.length };
    if (people.length > 0) params.people = people.slice(0, ALERT_NAMES_SHOWN).join('; ');
    if (people.length > ALERT_NAMES_SHOWN) params.more = people.length - ALERT_NAMES_SHOWN;
    if (wording.groupLabel !== undefined) params.group = wording.groupLabel;
    if (wording.minutes !== undefined) params.minutes = wording.minutes;
    if (wording.earlierSequence !== undefined) params.sequence = wording.earlierSequence;
    if (wording.expiryDate !== undefined) params.expiry = wording.expiryDate;
    return {
      id: row.id,
      type: row.type,
      severity: row.severity,
      status: row.status,
      raisedAt: row.raisedAt,
      corridorId: row.corridorId,
      groupId: row.groupId,
      crossingId: row.crossingId,
      message,
      params,
      subjectCount: row.subjectIds.length,
      acknowledgedAt: row.acknowledgedAt,
      acknowledgedBy: row.acknowledgedBy,
      note: row.note,
      resolvedAt: row.resolvedAt,
    };
  });
}
