import type { z } from 'zod';
import { CoreFailure, type Crossing, type RecordCrossingInputSchema, type RecordedCrossing } from '../../contract';
import { DEFAULT_DUPLICATE_WINDOW_MINUTES, findRepeatedScan, isExpiredOn, isMinorOn, matchMethod, type Passage } from '../../domain/corridor';
import { nameKey } from '../../domain/mrz';
import type { AlertRow, CorridorRow, GroupRow, ManifestEntryRow } from '../../node/db';
import { toAlertViews } from '../alerts/alert-view';
import { raiseAlert } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY, stationCheckpointId, stationRole } from '../corridors/station-config';
import type { DraftStore } from '../scan/draft-store';
import { recordEvidence, ruleProfileOf } from '../scan/record-evidence';
import { pairPassage } from './pair-passage';

export const DUPLICATE_WINDOW_KEY = 'crossing.duplicateWindowMinutes';

export const passageOf = (c: Crossing): Passage => ({
  id: c.id,
  direction: c.direction,
  corridorId: c.corridorId,
  groupId: c.groupId,
  stationId: c.stationId,
  recordedAtMs: Date.parse(c.recordedAt),
  documentNumber: c.document.documentNumber,
  nationality: c.document.nationality,
  birthDate: c.document.birthDate,
  nameKey: nameKey(`${c.document.surname} ${c.document.givenNames}`),
});

/** The manifest line of this person: same document first, else same birth date and name (a replaced passport). */
export function manifestLineOf(lines: readonly ManifestEntryRow[], who: Passage): ManifestEntryRow | undefined {
  return lines.find((l) => matchMethod(l, who) === 'document') ?? lines.find((l) => matchMethod(l, who) === 'identity');
}

/** Without a group, the corridor is the only active one this station's checkpoint is an end of. */
function laneCorridor(ctx: CoreContext, group: GroupRow | undefined, checkpointId: string | null): CorridorRow | undefined {
  if (group) return ctx.log.corridors.getCorridor(group.corridorId);
  const mine = ctx.log.corridors.listCorridors().filter((c) => c.active && stationRole(c, checkpointId) !== null);
  return mine.length === 1 ? mine[0] : undefined;
}

/**
 * Turns a confirmed scan into a durable crossing. Only the scan id travels from the screen: the outcome
 * and the document come from the core's own draft. In the same transaction: the repeated-scan check,
 * pairing with the other end of the trip, and the alerts the crossing raises, each with its audit row.
 */
export function recordCrossing(
  input: z.output<typeof RecordCrossingInputSchema>,
  ctx: CoreContext,
  drafts: DraftStore,
): { crossing: RecordedCrossing; created: boolean } {
  const pending = drafts.get(input.scanId);
  if (!pending) {
    throw new CoreFailure('not-found', 'This scan is no longer available (scans are kept 15 minutes and not across a restart). Scan the document again.');
  }
  if (pending.recordedCrossingId !== undefined) {
    const existing = ctx.store.getCrossing(pending.recordedCrossingId);
    if (existing) return { crossing: { ...existing, duplicate: false, alerts: [] }, created: false };
  }
  const now = ctx.now();
  if (now.getTime() > pending.expiresAtMs) {
    throw new CoreFailure('expired', 'This scan is older than 15 minutes. Scan the document again so the decision is current.');
  }
  const document = pending.document;
  if (!pending.result.draft.recordable || !document) {
    throw new CoreFailure('conflict', 'This scan does not identify a traveller, so it cannot be recorded. Scan the passport.');
  }
  const checkpointId = stationCheckpointId(ctx);
  const groupId = input.groupId !== undefined ? input.groupId : (ctx.log.setting(LANE_GROUP_KEY) ?? null);
  const group = groupId ? ctx.log.groups.get(groupId) : undefined;
  if (groupId && !group) throw new CoreFailure('not-found', 'The selected bus group does not exist on this station. Choose the group again.');
  const corridor = laneCorridor(ctx, group, checkpointId);
  const role = corridor ? stationRole(corridor, checkpointId) : null;
  if (corridor && role && role !== input.direction) {
    throw new CoreFailure('conflict', `This station is the ${role} end of ${corridor.name}: only ${role === 'entry' ? 'entries' : 'exits'} are recorded here.`);
  }
  const windowMinutes = Number(ctx.log.setting(DUPLICATE_WINDOW_KEY) ?? DEFAULT_DUPLICATE_WINDOW_MINUTES);
  const user = ctx.session.current;

  const outcome = ctx.store.transaction(() => {
    const alerts: AlertRow[] = [];
    const raise = (...args: Parameters<typeof raiseAlert>[1][]) => {
      for (const cause of args) {
        const row = raiseAlert(ctx, cause);
        if (row) alerts.push(row);
      }
    };
    const earlier = findRepeatedScan(
      ctx.log.passages.recentAtStation(
        ctx.stationId,
        { documentNumber: document.documentNumber, nationality: document.nationality, direction: input.direction },
        now.getTime() - windowMinutes * 60_000,
      ),
      now.getTime(),
      windowMinutes,
    );
    const earlierCrossing = earlier ? ctx.store.getCrossing(earlier.id) : undefined;
    if (earlierCrossing) {
      // Issue 11: a second scan of the same document minutes later shows the earlier row instead of a second one.
      raise({ type: 'duplicate-scan', dedupeKey: `duplicate-scan:${input.scanId}`, corridorId: earlierCrossing.corridorId, groupId: earlierCrossing.groupId, crossingId: earlierCrossing.id });
      return { crossing: earlierCrossing, duplicate: true, alerts };
    }

    const crossing = ctx.store.recordCrossing(
      {
        id: ctx.newId(),
        recordedAt: now.toISOString(),
        stationId: ctx.stationId,
        operatorId: user?.id ?? null,
        direction: input.direction,
        outcome: pending.result.draft.outcome,
        reasons: pending.result.draft.reasons,
        document,
        scanSource: pending.result.source,
        note: input.note ?? null,
        checkpointId,
        corridorId: corridor?.id ?? null,
        groupId: group?.id ?? null,
        ...ruleProfileOf(pending),
      },
      ctx.session.actor(),
    );
    recordEvidence(ctx, crossing.id, pending);
    const passage = passageOf(crossing);
    const manifest = group ? ctx.log.groups.manifest(group.id) : [];
    let line = manifestLineOf(manifest, passage);
    let addedToManifest = false;
    // A group without an imported list builds its manifest by scanning at the entry end.
    if (group && !line && role !== 'exit' && input.direction === 'entry' && manifest.every((l) => l.source === 'scan')) {
      line = {
        id: ctx.newId(),
        groupId: group.id,
        lineNo: ctx.log.groups.nextLineNo(group.id),
        documentNumber: document.documentNumber,
        nationality: document.nationality,
        surname: document.surname,
        givenNames: document.givenNames,
        nameKey: passage.nameKey,
        birthDate: document.birthDate,
        sex: document.sex,
        minor: false,
        companionDocumentNumber: null,
        source: 'scan',
        addedAt: now.toISOString(),
      };
      ctx.log.groups.addManifestEntry(line);
      audit(ctx, 'manifest.entry-added', 'manifest-entry', line.id, { groupId: group.id, crossingId: crossing.id });
      addedToManifest = true;
    }

    const pairing = pairPassage(ctx, passage);
    const scope = { corridorId: crossing.corridorId, groupId: crossing.groupId, crossingId: crossing.id };
    if (input.direction === 'exit' && corridor && !pairing) {
      raise({ type: 'unexpected-arrival', dedupeKey: `unexpected-arrival:${crossing.id}`, ...scope });
    } else if (group && !line && !addedToManifest) {
      raise({ type: 'not-on-manifest', dedupeKey: `not-on-manifest:${crossing.id}`, ...scope });
    }
    if (isExpiredOn(document.expiryDate, now)) raise({ type: 'expired-passport', dedupeKey: `expired-passport:${crossing.id}`, ...scope });
    // A minor with a companion on the manifest is checked when the group closes (the adult may be next in line).
    if (isMinorOn(document.birthDate, now, line?.minor ?? false) && !(group && line?.companionDocumentNumber)) {
      raise({ type: 'minor-without-companion', dedupeKey: `minor-without-companion:${crossing.id}`, ...scope });
    }
    return { crossing, duplicate: false, alerts };
  });
  pending.recordedCrossingId = outcome.crossing.id;
  return {
    crossing: { ...outcome.crossing, duplicate: outcome.duplicate, alerts: toAlertViews(ctx, outcome.alerts) },
    created: !outcome.duplicate,
  };
}
