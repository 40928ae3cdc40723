import { verifyReceipt } from '../../domain/central';
import { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from '../../domain/export';
import type { ExportsRepo, OutboxRepo, OutboxRow, StationStore } from '../../node/db';
import type { BundleTransport, PushOutcome } from '../../node/outbox';
import type { Logger } from '../logger';
import { centralEndpoint, type CentralEndpoint } from './export-settings';

/** Timers are injected so tests drive time by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A waiting retry must never keep a CLI or a test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface OutboxPusherDeps {
  readonly store: StationStore;
  readonly exports: ExportsRepo;
  readonly outbox: OutboxRepo;
  readonly transport: BundleTransport;
  readonly stationId: () => string;
  readonly now: () => Date;
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  /** Per request; a bundle of 100k crossings is ~10 MB, so slow links need a while. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
  /** Called after every attempt (screens refresh what they show). */
  readonly onChange?: () => void;
}

/** A 202 means "received, still checking": ask again (the same idempotent request) after this long at first. */
const ACCEPTED_RECHECK_ATTEMPTS = 1;

/**
 * Pushes queued bundles to the central system, oldest due first, one at a time. Everything it knows is
 * in SQLite (state, attempts, next attempt time), so a new core after a restart carries on where the last
 * one stopped. Nothing is ever dropped: a refused bundle is retried at the slowest pace until a person fixes
 * the cause (credential, address), and its error is shown.
 */
export class OutboxPusher {
  private readonly timers: Timers;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: OutboxPusherDeps) {
    this.timers = deps.timers ?? realTimers;
  }

  /** Schedules the next due item (call at start, after queueing, after the endpoint changes). */
  kick(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (!centralEndpoint(this.deps.exports)) return;
    const next = this.deps.outbox.open()[0];
    if (!next) return;
    const delay = Math.max(0, next.nextAttemptMs - this.deps.now().getTime());
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.runDue().then(
        () => this.kick(),
        (error: unknown) => {
          // A failure here is ours (a closed database, a full disk): say so, and try again at the slow pace.
          this.deps.logger.error('outbox: sending failed', error);
          if (!this.stopped) this.timer = this.timers.setTimeout(() => this.kick(), (this.deps.backoff ?? DEFAULT_BACKOFF).maxMs);
        },
      );
    }, delay);
  }

  /** Sends every item that is due now; resolves when done (tests call it after moving the clock). */
  runDue(): Promise<void> {
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for an attempt in flight (before closing the database). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const endpoint = centralEndpoint(this.deps.exports);
      if (!endpoint) return;
      const due = this.deps.outbox.open().filter((item) => item.nextAttemptMs <= this.deps.now().getTime());
      const item = due[0];
      if (!item) return;
      await this.attempt(item, endpoint);
    }
  }

  /**
   * A 200/201 counts only with a receipt signed by the configured hub key, for this bundle and station;
   * anything less is retried at the slow pace with its reason.
   */
  private async checkReceipt(outcome: PushOutcome, endpoint: CentralEndpoint, item: OutboxRow): Promise<PushOutcome | { kind: 'verified'; receipt: string }> {
    if (outcome.kind !== 'acknowledged') return outcome;
    if (!endpoint.hubPublicKey) {
      return { kind: 'refused', status: outcome.status, code: 'receipt-no-hub-key', message: 'the hub answered, but no hub public key is configured to check its receipt', final: false };
    }
    const check = await verifyReceipt(outcome.answer, { hubPublicKey: endpoint.hubPublicKey, manifestSha256: item.idempotencyKey, stationId: this.deps.stationId() });
    if (!check.ok) return { kind: 'refused', status: outcome.status, code: check.reason, message: check.message, final: false };
    return { kind: 'verified', receipt: JSON.stringify(outcome.answer) };
  }

  private async attempt(item: OutboxRow, endpoint: CentralEndpoint): Promise<void> {
    const bundle = this.deps.outbox.bundle(item.idempotencyKey);
    const pushed: PushOutcome = bundle
      ? await this.deps.transport({
          url: endpoint.url,
          credential: endpoint.credential,
          stationId: this.deps.stationId(),
          idempotencyKey: item.idempotencyKey,
          bundle,
          timeoutMs: this.deps.timeoutMs ?? 120_000,
        })
      : { kind: 'refused', status: 0, code: 'outbox-copy-unreadable', message: 'the outbox copy of the bundle is missing from the station database', final: true };
    if (this.stopped) return;
    const outcome = await this.checkReceipt(pushed, endpoint, item);
    if (this.stopped) return;
    const now = this.deps.now();
    const at = now.toISOString();
    const attempts = item.attempts + 1;
    const policy = this.deps.backoff ?? DEFAULT_BACKOFF;
    const later = (n: number) => now.getTime() + backoffDelayMs(n, policy, this.deps.random);
    this.deps.store.transaction(() => {
      switch (outcome.kind) {
        case 'verified':
          this.deps.outbox.recordAttempt(item.idempotencyKey, { state: 'acknowledged', at, nextAttemptMs: now.getTime(), error: null, receipt: outcome.receipt });
          this.deps.exports.setStatus(item.exportId, 'acknowledged', at);
          // The signed receipt is the proof the hub holds the bundle: the station's copy of the personal data goes.
          this.deps.outbox.dropBundle(item.idempotencyKey);
          break;
        case 'acknowledged':
          // checkReceipt turns every acknowledgement into verified or refused.
          throw new Error('unchecked acknowledgement');
        case 'accepted':
          this.deps.outbox.recordAttempt(item.idempotencyKey, { state: 'sent', at, nextAttemptMs: later(ACCEPTED_RECHECK_ATTEMPTS), error: null });
          this.deps.exports.setStatus(item.exportId, 'sent');
          break;
        case 'retry':
          this.deps.outbox.recordAttempt(item.idempotencyKey, { state: item.state, at, nextAttemptMs: later(attempts), error: outcome.message, errorCode: outcome.code });
          break;
        case 'refused':
          this.deps.outbox.recordAttempt(item.idempotencyKey, {
            state: item.state,
            at,
            nextAttemptMs: now.getTime() + policy.maxMs,
            error: outcome.message,
            errorCode: outcome.code,
            held: outcome.final,
          });
          break;
      }
      const failed = outcome.kind === 'retry' || outcome.kind === 'refused';
      this.deps.store.appendAudit({
        at,
        actor: 'station',
        action: `outbox.${outcome.kind === 'verified' ? 'acknowledged' : outcome.kind === 'refused' && outcome.final ? 'held' : outcome.kind}`,
        entity: 'export',
        entityId: item.exportId,
        payload: { idempotencyKey: item.idempotencyKey, attempt: attempts, ...(failed ? { error: outcome.message, code: outcome.code } : {}) },
      });
    });
    if (outcome.kind === 'retry' || outcome.kind === 'refused') this.deps.logger.warn(`outbox: bundle ${item.exportId} not delivered: ${outcome.message}`);
    this.deps.onChange?.();
  }
}
