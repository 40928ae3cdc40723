import type { ScanResult } from '../../contract';
import { isMinorOn, laneNotices } from '../../domain/corridor';
import { nameKey } from '../../domain/mrz';
import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY } from '../corridors/station-config';
import type { JudgedTravellers } from './judged-travellers';

const DAY_MS = 24 * 3_600_000;

/**
 * Adds what the operator should know before Enter to a scan result that names a traveller: recorded here in
 * the last 24 hours, not on the selected bus's list, on another bus's list, a minor whose companion has not
 * been seen (recorded with the bus, or waiting at the lane). Reads only: nothing is recorded by a scan.
 */
export function withLaneNotices(ctx: CoreContext, travellers: JudgedTravellers, result: ScanResult): ScanResult {
  const document = result.document;
  if (!document) return result;
  const now = ctx.now();
  const traveller = { documentNumber: document.documentNumber, nationality: document.nationality, birthDate: document.birthDate, nameKey: nameKey(`${document.surname} ${document.givenNames}`) };
  const earlier = ctx.repos.passages
    .recentAtStation(ctx.stationId, document, now.getTime() - DAY_MS)
    .filter((r) => r.id !== result.amends)
    .sort((a, b) => b.recordedAtMs - a.recordedAtMs)
    .map((r) => ({ ...r, recordedAt: new Date(r.recordedAtMs).toISOString() }));
  const laneGroupId = ctx.repos.setting(LANE_GROUP_KEY) ?? null;
  const group = laneGroupId ? ctx.repos.groups.get(laneGroupId) : undefined;
  const lines = group ? ctx.repos.groups.manifest(group.id) : [];
  const present = new Set<string>();
  if (group) {
    for (const p of ctx.repos.passages.forGroup(group.id)) if (p.disposition === 'crossed' && p.source === 'local') present.add(p.documentNumber);
  }
  for (const waiting of travellers.unrecorded()) if (waiting.document) present.add(waiting.document.documentNumber);
  const otherGroups = ctx.repos.groups
    .manifestEntriesForDocument(document.documentNumber, document.nationality)
    .filter((l) => l.groupId !== group?.id)
    .flatMap((l) => {
      const other = ctx.repos.groups.get(l.groupId);
      return other && other.departedAt === null && other.arrivedAt === null ? [{ id: other.id, label: other.label }] : [];
    });
  const notices = laneNotices({
    traveller,
    minor: isMinorOn(document.birthDate, now),
    earlier,
    laneGroup: group ? { id: group.id, label: group.label, listed: lines.some((l) => l.source !== 'scan'), lines } : null,
    otherGroups,
    companionsPresent: present,
  });
  return notices.length > 0 ? { ...result, notices } : result;
}
