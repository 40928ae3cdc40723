import { DEFAULT_SEND_EVERY_MINUTES, refreshJourneyAlerts, refreshStationAlerts } from './alerts-repo';
import type { TransactionalSql } from './board-partitions';
import { loadCorridors } from './corridor-repo';

/** Any fixed number (the hub's other advisory locks are 7_118_001–7_118_020). */
const SWEEP_LOCK = 7_118_021;
export const DEFAULT_SWEEP_EVERY_MS = 60_000;

export interface SweepResult {
  readonly journeys: { readonly raised: number; readonly updated: number; readonly resolved: number };
  readonly stations: { readonly raised: number; readonly updated: number; readonly resolved: number };
}

export interface AlertSweepOptions {
  /** The hub's time; a test passes a manual clock. */
  readonly now?: () => Date;
  readonly everyMs?: number;
  readonly expectedEveryMinutes?: number;
  /** A failed sweep is reported here and the next one runs as planned. */
  readonly onError?: (error: unknown) => void;
}

export interface AlertSweep {
  /** One sweep at the clock's time now; null when another hub process was sweeping at that moment. */
  runOnce(): Promise<SweepResult | null>;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * One sweep of the central alerts at `nowMs`: a journey becomes overdue or missing because time passes, and a
 * station becomes silent because nothing arrives, so neither waits for the next bundle's ingest. One hub
 * process sweeps at a time (a second one skips); the alerts' diff is written in one transaction.
 */
export async function sweepAlerts(sql: TransactionalSql, nowMs: number, expectedEveryMinutes = DEFAULT_SEND_EVERY_MINUTES): Promise<SweepResult | null> {
  return sql.transaction(async (tx) => {
    const [lock] = await tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS got', [SWEEP_LOCK]);
    if (!lock?.got) return null;
    const journeys = await refreshJourneyAlerts(tx, await loadCorridors(tx), nowMs);
    const stations = await refreshStationAlerts(tx, nowMs, expectedEveryMinutes);
    return { journeys, stations };
  });
}

/** Sweeps at once and then every `everyMs` until stopped (`checkpoint-central serve` runs one). */
export function startAlertSweep(sql: TransactionalSql, options: AlertSweepOptions = {}): AlertSweep {
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runOnce = (): Promise<SweepResult | null> => {
    const next = running.then(() => sweepAlerts(sql, now().getTime(), options.expectedEveryMinutes));
    running = next.catch(() => undefined);
    return next;
  };
  const tick = () => {
    if (stopped) return;
    runOnce().catch((error: unknown) => options.onError?.(error));
  };
  const timer = setInterval(tick, options.everyMs ?? DEFAULT_SWEEP_EVERY_MS);
  timer.unref();
  tick();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
