import { CoreFailure, type GroupDetail } from '../../contract';
import { isMinorOn, normaliseDocumentNumber } from '../../domain/corridor';
import { raiseAlert } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { groupDetail, loadRoster } from './group-view';

/**
 * The bus left the entry checkpoint (departed) or reached the exit checkpoint (arrived). On arrival,
 * everyone who entered and did not come out is listed in a group-incomplete alert. Either way, a minor
 * whose accompanying adult did not cross with the group raises an alert.
 */
export function closeGroup(ctx: CoreContext, groupId: string, stage: 'departed' | 'arrived'): GroupDetail {
  const before = loadRoster(ctx, groupId);
  const expectedRole = stage === 'departed' ? 'entry' : 'exit';
  if (before.role !== null && before.role !== expectedRole) {
    throw new CoreFailure('conflict', `This station is the ${before.role} end of the corridor: a bus is marked ${stage} at the ${expectedRole} end.`);
  }
  const changed = ctx.store.transaction(() => {
    if (!ctx.repos.groups.close(groupId, stage, ctx.now().toISOString())) return false;
    audit(ctx, `group.${stage}`, 'group', groupId);
    const roster = loadRoster(ctx, groupId);
    const scope = { corridorId: roster.group.corridorId, groupId };
    if (stage === 'arrived') {
      const missing = roster.people.filter((p) => p.state === 'missing');
      if (missing.length > 0) {
        raiseAlert(ctx, {
          type: 'group-incomplete',
          dedupeKey: `group-incomplete:${groupId}`,
          ...scope,
          subjectIds: missing.map((p) => p.manifestEntryId ?? p.entry?.id ?? '').filter((id) => id !== ''),
        });
      }
    }
    const crossed = (p: (typeof roster.people)[number]) => (stage === 'departed' ? p.entry : p.exit);
    const crossedDocuments = new Set(roster.people.filter((p) => crossed(p) !== null).map((p) => normaliseDocumentNumber(p.identity.documentNumber)));
    const now = ctx.now();
    for (const person of roster.people) {
      const passage = crossed(person);
      const line = person.manifestEntryId ? roster.manifest.get(person.manifestEntryId) : undefined;
      if (!passage || !line?.companionDocumentNumber) continue;
      if (!isMinorOn(line.birthDate, now, line.minor)) continue;
      if (crossedDocuments.has(normaliseDocumentNumber(line.companionDocumentNumber))) continue;
      raiseAlert(ctx, { type: 'minor-without-companion', dedupeKey: `minor-without-companion:${passage.id}`, ...scope, crossingId: passage.id });
    }
    return true;
  });
  if (!changed) throw new CoreFailure('conflict', `This group was already marked ${stage}.`);
  ctx.events.emit({ type: 'log-changed', what: 'groups' }, ctx.onListenerError);
  ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
  return groupDetail(ctx, groupId);
}
