import { ALERT_SEVERITY, type AlertType } from '../../domain/corridor';
import type { AlertRow } from '../../node/db';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';

export interface AlertCause {
  readonly type: AlertType;
  /** One alert per cause: raising the same key again changes nothing. */
  readonly dedupeKey: string;
  readonly corridorId?: string | null;
  readonly groupId?: string | null;
  readonly crossingId?: string | null;
  readonly subjectIds?: readonly string[];
}

/** Raises an alert (once per dedupe key) with its audit row; call inside a transaction. */
export function raiseAlert(ctx: CoreContext, cause: AlertCause): AlertRow | undefined {
  const row = ctx.repos.alerts.raise({
    id: ctx.newId(),
    type: cause.type,
    severity: ALERT_SEVERITY[cause.type],
    dedupeKey: cause.dedupeKey,
    raisedAt: ctx.now().toISOString(),
    corridorId: cause.corridorId ?? null,
    groupId: cause.groupId ?? null,
    crossingId: cause.crossingId ?? null,
    subjectIds: [...(cause.subjectIds ?? (cause.crossingId ? [cause.crossingId] : []))],
  });
  if (row) audit(ctx, 'alert.raised', 'alert', row.id, { type: row.type, crossingId: row.crossingId, groupId: row.groupId, subjects: row.subjectIds.length });
  return row;
}

/** Closes the unexpected-arrival alert of an exit once its entry turned up (a late group file). */
export function resolveUnexpectedArrival(ctx: CoreContext, exitId: string): void {
  for (const alert of ctx.repos.alerts.openForCrossing('unexpected-arrival', exitId)) {
    if (ctx.repos.alerts.resolve(alert.id, ctx.now().toISOString())) audit(ctx, 'alert.resolved', 'alert', alert.id, { cause: 'paired' });
  }
}
