import type { TravelDocument } from '../../contract';
import { crossingAlertTypes, hasCrossed, isExpiredOn, isMinorOn, matchMethod, type Passage } from '../../domain/corridor';
import type { AlertRow, CorridorRow, ManifestEntryRow, PairingRow } from '../../node/db';
import { raiseAlert } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { stationCheckpointId, stationRole } from '../corridors/station-config';
import { pairPassage } from './pair-passage';

/** The manifest line of this person: same document first, else same birth date and name (a replaced passport). */
export function manifestLineOf(lines: readonly ManifestEntryRow[], who: Passage): ManifestEntryRow | undefined {
  return lines.find((l) => matchMethod(l, who) === 'document') ?? lines.find((l) => matchMethod(l, who) === 'identity');
}

export interface Settled {
  readonly alerts: AlertRow[];
  readonly pairing: PairingRow | null;
}

const CROSSING_ALERTS = ['unexpected-arrival', 'not-on-manifest', 'expired-passport', 'minor-without-companion'] as const;

/**
 * Brings what follows from a local crossing's current state into line, inside the caller's transaction:
 * a crossing that crossed gets its manifest line (a group building its list by scanning), its pairing with
 * the other end and the alerts a crossing raises; one that no longer crossed (voided, refused after all)
 * loses its pairing and its open crossing alerts. Used when a crossing is recorded and after each correction,
 * so a correction has the same consequences as recording the corrected state in the first place.
 */
export function settleCrossing(ctx: CoreContext, crossingId: string, corridor: CorridorRow | undefined): Settled {
  const passage = ctx.repos.passages.get(crossingId);
  if (!passage || passage.source !== 'local') return { alerts: [], pairing: null };
  if (!hasCrossed(passage.disposition)) {
    const undone = ctx.repos.passages.removePairingOf(passage.id);
    if (undone) audit(ctx, 'pairing.removed', 'pairing', undone.exitId, { entryId: undone.entryId, exitId: undone.exitId, cause: passage.disposition });
    for (const type of CROSSING_ALERTS) {
      for (const alert of ctx.repos.alerts.openForCrossing(type, passage.id)) {
        if (ctx.repos.alerts.resolve(alert.id, ctx.now().toISOString())) audit(ctx, 'alert.resolved', 'alert', alert.id, { cause: `crossing-${passage.disposition}` });
      }
    }
    return { alerts: [], pairing: null };
  }
  const group = passage.groupId ? ctx.repos.groups.get(passage.groupId) : undefined;
  const role = corridor ? stationRole(corridor, stationCheckpointId(ctx)) : null;
  const manifest = group ? ctx.repos.groups.manifest(group.id) : [];
  let line = manifestLineOf(manifest, passage);
  // A group without an imported list builds its manifest by scanning at the entry end.
  if (group && !line && role !== 'exit' && passage.direction === 'entry' && manifest.every((l) => l.source === 'scan')) {
    line = manifestLineFromScan(ctx, group.id, passage.document, passage.nameKey);
    ctx.repos.groups.addManifestEntry(line);
    audit(ctx, 'manifest.entry-added', 'manifest-entry', line.id, { groupId: group.id, crossingId: passage.id });
  }
  const pairing = ctx.repos.passages.pairingsFor([passage.id])[0] ?? pairPassage(ctx, passage);
  const now = ctx.now();
  const types = crossingAlertTypes({
    disposition: passage.disposition,
    direction: passage.direction,
    onCorridor: corridor !== undefined && passage.corridorId !== null,
    paired: pairing !== null,
    inGroup: group !== undefined,
    onManifest: line !== undefined,
    expired: isExpiredOn(passage.document.expiryDate, now),
    minor: isMinorOn(passage.document.birthDate, now, line?.minor ?? false),
    companionNamed: (line?.companionDocumentNumber ?? null) !== null,
  });
  const alerts: AlertRow[] = [];
  const scope = { corridorId: passage.corridorId, groupId: passage.groupId, crossingId: passage.id };
  for (const type of types) {
    const row = raiseAlert(ctx, { type, dedupeKey: `${type}:${passage.id}`, ...scope });
    if (row) alerts.push(row);
  }
  return { alerts, pairing };
}

function manifestLineFromScan(ctx: CoreContext, groupId: string, document: TravelDocument, nameKey: string): ManifestEntryRow {
  return {
    id: ctx.newId(),
    groupId,
    lineNo: ctx.repos.groups.nextLineNo(groupId),
    documentNumber: document.documentNumber,
    nationality: document.nationality,
    surname: document.surname,
    givenNames: document.givenNames,
    nameKey,
    birthDate: document.birthDate,
    sex: document.sex,
    minor: false,
    companionDocumentNumber: null,
    source: 'scan',
    addedAt: ctx.now().toISOString(),
  };
}
