import { CoreFailure, type PurgeCounts, type RetentionPreview, type RetentionPurge, type RetentionStatus } from '../../contract';
import { RetentionRepo, purgedTotal, type PurgeScope, type StationStore } from '../../node/db';
import type { Logger } from '../logger';

export const RETENTION_DAYS_KEY = 'retention.days';
const LAST_PURGE_KEY = 'retention.lastPurge';
/** Default period: long enough for a corridor's entry/exit pairing and the daily exports, short for privacy. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Crossings per transaction of the purge: a few milliseconds each, so the lane waits at most that long. */
const BATCH = 500;
/** The first scheduled run, after start: the lane is usable before the purge begins. */
const FIRST_RUN_MS = 5_000;

/** Why the purge waits for the clock (see clockSuspect). */
export type RetentionPause = 'clock-behind' | 'clock-ahead';

export interface RetentionDeps {
  readonly store: StationStore;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Names who changed the period / ran the purge in the audit log ("station" for the scheduled run). */
  readonly actor: () => string;
  /** A central link is set up: a crossing counts as exported once the hub acknowledged a bundle holding it. */
  readonly centralLink: () => boolean;
  /** Travellers waiting for Enter since before the cutoff were deleted: the lane forgets them too. */
  readonly onParkedPurged?: (cutoffMs: number) => void;
}

/**
 * Retention: personal fields of records older than the period are blanked; rows, counts, the audit
 * chain (ids and hashes only) and bundles already exported stay verifiable. The purge runs with
 * secure_delete on and ends with a TRUNCATE checkpoint, so the old page versions leave the WAL file.
 */
export class RetentionService {
  private readonly repo: RetentionRepo;
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly deps: RetentionDeps) {
    this.repo = new RetentionRepo(deps.store.database);
  }

  days(): number {
    const saved = Number(this.repo.setting(RETENTION_DAYS_KEY));
    return Number.isInteger(saved) && saved >= 1 ? saved : DEFAULT_RETENTION_DAYS;
  }

  status(): RetentionStatus {
    const last = this.repo.setting(LAST_PURGE_KEY);
    return { days: this.days(), lastPurge: last ? (JSON.parse(last) as RetentionPurge) : null };
  }

  /**
   * What `days` would erase now: crossings past it that a bundle holds (erased when the period is saved) and those no
   * bundle holds (kept until exported or until an administrator purges them naming their count).
   */
  preview(days: number): RetentionPreview {
    const cutoff = this.cutoff(days);
    const due = this.repo.dueCrossings(cutoff.getTime(), this.deps.centralLink());
    return { days, cutoff: cutoff.toISOString(), erase: due.exported, unexported: due.unexported, clockSuspect: this.clockSuspect() };
  }

  /**
   * Saves the period and purges with it. Erasing records needs the administrator to have seen how many: `erase` must
   * be the count the change erases now (when that is not 0), or nothing is saved. On a suspect clock the period is
   * saved and nothing is erased (the purge waits, as the status bar says).
   */
  setDays(days: number, erase?: number): RetentionStatus {
    const { store } = this.deps;
    const preview = this.preview(days);
    if (preview.clockSuspect === null && preview.erase > 0 && erase !== preview.erase) {
      throw new CoreFailure('conflict', 'retention.confirmErase', { count: preview.erase });
    }
    store.transaction(() => {
      const previous = this.days();
      this.repo.saveSetting(RETENTION_DAYS_KEY, String(days));
      store.appendAudit({ at: this.deps.now().toISOString(), actor: this.deps.actor(), action: 'retention.period-set', entity: 'settings', entityId: RETENTION_DAYS_KEY, payload: { from: previous, to: days } });
    });
    if (preview.clockSuspect === null) this.purge();
    return this.status();
  }

  /**
   * Why a purge may not trust the clock now: earlier than the newest crossing (set back), or more than a day past it
   * (set ahead, or the station was off: a clock 31 days fast erased crossings never exported). The purge waits until
   * the clock and the log agree again (the next crossing), and the status bar says why. Null: the clock is plausible.
   */
  clockSuspect(): RetentionPause | null {
    const newest = this.repo.newestCrossingMs();
    if (newest === null) return null;
    const nowMs = this.deps.now().getTime();
    if (nowMs < newest) return 'clock-behind';
    if (nowMs > newest + DAY_MS) return 'clock-ahead';
    return null;
  }

  /**
   * `compact`: rebuild the file afterwards (VACUUM). It blocks the core for its duration (seconds to minutes with a
   * long history), so only an administrator's purge does it; the start and the daily run never do. Each batch is its
   * own transaction with its own audit row (cutoff and counts). Only crossings a bundle holds are erased, unless
   * `unexported` names how many others the administrator confirmed erasing (it must be their count now). A suspect
   * clock refuses the purge: a wrong cutoff would erase what the period still protects.
   */
  purge(options: { compact?: boolean; unexported?: number } = {}): RetentionPurge {
    const compact = options.compact ?? true;
    const suspect = this.clockSuspect();
    if (suspect) throw new CoreFailure('conflict', suspect === 'clock-behind' ? 'retention.clockBehind' : 'retention.clockAhead');
    let unexported = false;
    if (options.unexported !== undefined) {
      const due = this.repo.dueCrossings(this.cutoff(this.days()).getTime(), this.deps.centralLink()).unexported;
      if (options.unexported !== due) throw new CoreFailure('conflict', 'retention.confirmUnexported', { count: due });
      unexported = due > 0;
    }
    const run = this.begin({ acknowledgedOnly: this.deps.centralLink(), unexported });
    while (!run.step()) {
      // The next batch at once: the caller asked for the whole purge.
    }
    return this.finish(run.result(), compact);
  }

  /**
   * The scheduled purge: one batch per turn of the event loop, so a lane call waiting for the core is answered
   * between two batches; nothing when the clock is suspect (logged, retried at the next run).
   */
  async purgeInBackground(): Promise<RetentionPurge | null> {
    const suspect = this.clockSuspect();
    if (suspect) {
      this.deps.logger.warn(`retention: the purge waits, the station clock is ${suspect === 'clock-behind' ? 'earlier than the newest crossing' : 'more than a day past the newest crossing'}`);
      return null;
    }
    const run = this.begin({ acknowledgedOnly: this.deps.centralLink(), unexported: false });
    while (!this.stopped && !run.step()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.stopped) return null;
    return this.finish(run.result(), false);
  }

  private cutoff(days: number): Date {
    return new Date(this.deps.now().getTime() - days * DAY_MS);
  }

  private begin(scope: PurgeScope) {
    const { store } = this.deps;
    const now = this.deps.now();
    const cutoff = this.cutoff(this.days());
    const total: Record<keyof PurgeCounts, number> = { crossings: 0, importedCrossings: 0, evidence: 0, overrides: 0, manifestEntries: 0, groups: 0, alerts: 0, outboxBundles: 0, parkedTravellers: 0 };
    return {
      /** One batch in its own transaction; true when nothing older than the cutoff is left. */
      step: (): boolean => {
        this.repo.secureDelete(true);
        try {
          return store.transaction(() => {
            const counts = this.repo.purgeBatch(cutoff.getTime(), BATCH, scope);
            for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += counts[key];
            if (counts.parkedTravellers > 0) this.deps.onParkedPurged?.(cutoff.getTime());
            // The audit row holds only the cutoff and counts; a batch that found nothing leaves no row.
            if (purgedTotal(counts) > 0) {
              store.appendAudit({ at: now.toISOString(), actor: this.deps.actor(), action: 'retention.purged', entity: 'station', entityId: 'retention', payload: { cutoff: cutoff.toISOString(), days: this.days(), ...counts, ...(scope.unexported ? { unexportedConfirmed: true } : {}) } });
            }
            const done = counts.crossings === 0 && counts.importedCrossings === 0 && counts.alerts === 0;
            if (done) {
              this.repo.saveSetting(LAST_PURGE_KEY, JSON.stringify({ at: now.toISOString(), cutoff: cutoff.toISOString(), counts: total, compacted: false, checkpointBusy: false }));
            }
            return done;
          });
        } finally {
          this.repo.secureDelete(false);
        }
      },
      result: (): RetentionPurge => ({ at: now.toISOString(), cutoff: cutoff.toISOString(), counts: { ...total }, compacted: false, checkpointBusy: false }),
    };
  }

  private finish(result: RetentionPurge, compact: boolean): RetentionPurge {
    const { store } = this.deps;
    let purge = result;
    if (compact && purgedTotal(purge.counts) > 0) purge = { ...purge, compacted: this.compact() };
    const busy = this.repo.checkpoint().busy;
    // Nothing is written after the checkpoint (the WAL stays empty) unless something differs from what was saved.
    if (busy || purge.compacted) {
      purge = { ...purge, checkpointBusy: busy };
      const saved = purge;
      store.transaction(() => this.repo.saveSetting(LAST_PURGE_KEY, JSON.stringify(saved)));
      if (!busy) this.repo.checkpoint();
    }
    return purge;
  }

  /** The purge has committed either way; a failed rebuild (e.g. no room for the copy) is logged and retried next run. */
  private compact(): boolean {
    try {
      this.repo.compact();
      return true;
    } catch (error) {
      this.deps.logger.warn('retention: rebuilding the database file after the purge failed; purged fields are blank but old bytes may remain until the next run', error);
      return false;
    }
  }

  /**
   * In the background: the first run shortly after start (never during it: a start does no work that grows with the
   * history), then daily; batches only, no rebuild of the file (the freed, encrypted bytes stay in unused page space
   * until an administrator's purge rebuilds it). A failing run is logged and retried the next time.
   */
  schedule(intervalMs = DAY_MS, firstRunMs = FIRST_RUN_MS): void {
    const run = () => {
      if (this.running || this.stopped) return;
      this.running = this.purgeInBackground()
        .catch((error: unknown) => {
          this.deps.logger.warn('retention purge failed; it runs again at the next run', error);
          return null;
        })
        .finally(() => {
          this.running = undefined;
        });
    };
    this.first = setTimeout(run, firstRunMs);
    this.first.unref?.();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref?.();
  }

  /** The background run in progress, if any (tests and close wait for it). */
  idle(): Promise<unknown> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = undefined;
    this.first = undefined;
  }
}
