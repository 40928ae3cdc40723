import { HeadAnchor } from '../../node/audit-anchor';
import type { CoreContext } from '../core-context';

/** How often the chain head is signed into the heads file while it moves (and at start, each export and close). */
export const ANCHOR_EVERY_MS = 60_000;

export interface AnchorService {
  /** Signs the head now if it moved since the last signed one. */
  anchorNow(): void;
  stop(): void;
}

/**
 * Signs the audit chain's head with the station key into `<dataDir>/audit-heads.jsonl`, outside the database: rows
 * removed from the end of the log, or a chain recomputed after an edit, no longer match a head signed before.
 * A failure to write the file is logged, never in the way of the lane.
 */
export function startAnchoring(ctx: CoreContext, dataDir: string, everyMs = ANCHOR_EVERY_MS): AnchorService {
  const anchor = new HeadAnchor(ctx.store.database, dataDir, ctx.stationKey, () => ctx.stationId, ctx.now);
  const anchorNow = () => {
    if (ctx.isClosed()) return;
    try {
      anchor.anchor();
    } catch (error) {
      ctx.logger.warn('audit: the chain head could not be signed into the heads file', error);
    }
  };
  anchorNow();
  const timer = setInterval(anchorNow, everyMs);
  timer.unref();
  return { anchorNow, stop: () => clearInterval(timer) };
}
