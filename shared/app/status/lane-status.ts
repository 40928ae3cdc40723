import type { LaneStatus } from '../../contract';
import type { CoreContext } from '../core-context';
import type { ExportService } from '../export/export-methods';
import type { RetentionService } from '../retention/retention-service';
import type { ResolvedRules, RuleProfileService } from '../rules/rule-profile-service';
import { laneCorridorId } from '../scan/lane-corridor';

/** The lane's corridor, the rule profiles a scan would be judged by now, and what is not yet sent. */
export function laneStatus(ctx: CoreContext, rules: RuleProfileService, exportService: ExportService, retention?: RetentionService): LaneStatus {
  const now = ctx.now();
  const corridorId = laneCorridorId(ctx);
  const entry = rules.resolve(corridorId, 'entry', now);
  const exit = rules.resolve(corridorId, 'exit', now);
  const summary = ({ ref }: ResolvedRules) => (ref ? { id: ref.id, version: ref.version, name: ref.name } : null);
  const row = ctx.repos.corridors.listCorridors().find((corridor) => corridor.id === entry.corridor);
  return {
    corridor: { id: entry.corridor, name: row?.name ?? null },
    ruleProfiles: { entry: summary(entry), exit: summary(exit) },
    unsentCrossings: exportService.exports.deliveryCounts().notAcknowledged,
    queuedBundles: exportService.outbox.open().length,
    retentionPaused: retention?.clockSuspect() ?? null,
  };
}
