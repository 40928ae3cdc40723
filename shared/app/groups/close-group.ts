import { CoreFailure, type CloseGroupPreview, type GroupDetail } from '../../contract';
import { isMinorOn, normaliseDocumentNumber } from '../../domain/corridor';
import { raiseAlert } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { groupDetail, loadRoster, personView } from './group-view';

/**
 * The bus left the entry checkpoint (departed) or reached the exit checkpoint (arrived). On arrival,
 * everyone who entered and did not come out is listed in a group-incomplete alert. Either way, a minor
 * whose accompanying adult did not cross with the group raises an alert.
 */
export function closeGroup(ctx: CoreContext, groupId: string, stage: 'departed' | 'arrived'): GroupDetail {
  const before = loadRoster(ctx, groupId);
  const expectedRole = stage === 'departed' ? 'entry' : 'exit';
  if (before.role !== null && before.role !== expectedRole) {
    throw new CoreFailure('conflict', 'group.wrongEnd', { end: before.role, stage });
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
  if (!changed) throw new CoreFailure('conflict', 'group.alreadyMarked', { stage });
  ctx.events.emit({ type: 'log-changed', what: 'groups' }, ctx.onListenerError);
  ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
  return groupDetail(ctx, groupId);
}

/** Who closing the group would leave behind: No-show on departure, Missing on arrival (nothing changes yet). */
export function previewCloseGroup(ctx: CoreContext, groupId: string, stage: 'departed' | 'arrived'): CloseGroupPreview {
  const roster = loadRoster(ctx, groupId);
  const now = ctx.now();
  const becoming = roster.people.filter((p) => (stage === 'departed' ? p.state === 'expected' : p.state === 'entered' || p.state === 'overdue'));
  return { stage, becoming: becoming.map((p) => personView(roster, p, now)) };
}

/** A shift lead undoes a close marked in error: the group is open again; the audit row keeps the reason. */
export function reopenGroup(ctx: CoreContext, groupId: string, stage: 'departed' | 'arrived', reason: string): GroupDetail {
  const reopened = ctx.store.transaction(() => {
    const was = ctx.repos.groups.reopen(groupId, stage, ctx.now().toISOString());
    if (was === null) return false;
    audit(ctx, `group.${stage}-undone`, 'group', groupId, { was, reason });
    for (const alert of ctx.repos.alerts.list({ status: 'open', limit: 500 }).items.filter((a) => a.groupId === groupId && a.type === 'group-incomplete')) {
      if (ctx.repos.alerts.resolve(alert.id, ctx.now().toISOString())) audit(ctx, 'alert.resolved', 'alert', alert.id, { cause: `group-${stage}-undone` });
    }
    return true;
  });
  if (!reopened) throw new CoreFailure('conflict', 'group.notMarked', { stage });
  ctx.events.emit({ type: 'log-changed', what: 'groups' }, ctx.onListenerError);
  return groupDetail(ctx, groupId);
}
