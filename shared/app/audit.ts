import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from '../node/sha256';
import type { CoreContext } from './core-context';

/** SHA-256 of a row's canonical JSON: the audit log names what changed without holding personal data. */
export const contentHash = (value: unknown): string => sha256Hex(canonicalJson(value));

/** Appends one audit row; call inside `ctx.store.transaction` together with the change it describes. */
export function audit(ctx: CoreContext, action: string, entity: string, entityId: string, payload: Record<string, unknown> = {}): void {
  ctx.store.appendAudit({ at: ctx.now().toISOString(), actor: ctx.session.actor(), action, entity, entityId, payload });
}
