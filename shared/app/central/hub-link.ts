import { CoreFailure, ERROR_MESSAGES, errorMessage, type ErrorKey, type HubLink, type PackageReportItem } from '../../contract';
import { httpHubClient, type HubClient } from '../../node/central';
import type { CoreContext } from '../core-context';
import type { CentralEndpoint } from '../export/export-settings';
import { realTimers, type Timers } from '../export/outbox-pusher';
import { exportGroupFile } from '../groups/group-file';
import type { StationPackages } from './station-packages';

const LAST_CONTACT_KEY = 'hub.lastContactAt';
const LAST_ERROR_KEY = 'hub.lastError';
/** The last package seq the hub has been told about (`POST /packages/reports`). */
const REPORTED_KEY = 'hub.reportedThrough';
/** The hub answers at most this many packages a request (its default page). */
const PAGE = 50;

export const DEFAULT_HUB_POLL_MS = 5 * 60_000;

/** How the station reaches the hub for packages; tests inject timers and a client. */
export interface HubLinkOptions {
  readonly client?: HubClient;
  readonly timers?: Timers;
  /** Time between polls while a link is configured (default 5 minutes). */
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
}

/** The outbox's central URL is the bundles endpoint; the other routes sit beside it. */
export function hubBaseUrl(centralUrl: string): string {
  return centralUrl.replace(/\/+$/, '').replace(/\/bundles$/, '');
}

/**
 * The station's side of the link for everything but bundles: it sends the group files of buses that departed or
 * arrived here, then fetches the packages after its cursor and applies them. One run at a time; everything it
 * needs to carry on after a restart (cursor, group files to send) is in SQLite.
 */
export class HubLinkService {
  private readonly client: HubClient;
  private readonly timers: Timers;
  private timer: unknown = null;
  private running: Promise<PackageReportItem[]> | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly packages: StationPackages,
    private readonly endpoint: () => CentralEndpoint | null,
    private readonly options: HubLinkOptions = {},
  ) {
    this.client = options.client ?? httpHubClient;
    this.timers = options.timers ?? realTimers;
  }

  /** A bus left or reached this station: its group file goes to the hub with the next run. */
  groupClosed(groupId: string): void {
    if (!this.endpoint()) return;
    this.ctx.store.transaction(() => this.packages.repo.queueUplink(groupId, this.ctx.now().toISOString()));
    this.kick(0);
  }

  /** Schedules the next run (at start, after a setting changed, after each run). */
  kick(delayMs = this.options.intervalMs ?? DEFAULT_HUB_POLL_MS): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (!this.endpoint()) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.run().then(
        () => this.kick(),
        (error: unknown) => {
          // A run cut short by the core closing is no failure; a hub that did not answer is kept as lastError.
          if (this.stopped) return;
          if (!(error instanceof CoreFailure)) this.ctx.logger.error('hub link: the run failed', error);
          this.kick();
        },
      );
    }, delayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One run now (the "Check now" button, tests); refuses with a sentence when no link is configured. */
  run(): Promise<PackageReportItem[]> {
    this.running ??= this.exchange().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async exchange(): Promise<PackageReportItem[]> {
    const endpoint = this.endpoint();
    if (!endpoint) throw new CoreFailure('unavailable', 'hub.notConfigured');
    const base = { baseUrl: hubBaseUrl(endpoint.url), credential: endpoint.credential, timeoutMs: this.options.timeoutMs ?? 60_000 };
    for (const groupId of this.packages.repo.pendingUplinks()) {
      if (this.stopped) return [];
      const file = exportGroupFile(this.ctx, groupId);
      const sent = await this.client.sendGroupFile({ ...base, content: file.content });
      if (this.stopped) return [];
      this.ctx.store.transaction(() => {
        this.packages.repo.markUplink(groupId, sent.ok ? { sentAt: this.ctx.now().toISOString() } : { error: `${sent.code}: ${sent.message}` });
        this.contact(sent.ok ? null : sent);
      });
    }
    const report: PackageReportItem[] = [];
    for (;;) {
      if (this.stopped) break;
      const since = this.packages.cursor();
      const answer = await this.client.fetchPackages({ ...base, since });
      if (this.stopped) break;
      const packages = answer.ok ? (answer.body as { packages?: unknown } | null)?.packages : undefined;
      if (!answer.ok || !Array.isArray(packages)) {
        const failure = answer.ok ? { code: 'bad-answer', message: 'the hub answered without a list of packages' } : answer;
        this.ctx.store.transaction(() => this.contact(failure));
        throw new CoreFailure('unavailable', 'hub.unanswered', { code: failure.code, detail: failure.message });
      }
      this.ctx.store.transaction(() => this.contact(null));
      report.push(...(await this.packages.apply(packages, 'hub', 'station')));
      // A full page may have more behind it; stop when the cursor no longer moves (a page of refusals).
      if (packages.length < PAGE || this.packages.cursor() === since) break;
    }
    if (report.length > 0) this.announce();
    await this.reportApplied(base);
    return report;
  }

  /**
   * Tells the hub what this station did with each package since the last report (fetched or carried on a stick),
   * so the hub's station health shows it. A failed report is sent again with the next run.
   */
  private async reportApplied(base: { baseUrl: string; credential: string; timeoutMs: number }): Promise<void> {
    const hub = this.packages.hubFingerprint();
    if (!hub || !this.client.reportPackages) return;
    for (;;) {
      if (this.stopped) return;
      const through = Number(this.ctx.repos.setting(REPORTED_KEY) ?? 0);
      const rows = this.packages.repo.after(hub, through, 200);
      if (rows.length === 0) return;
      const reports = rows.map((r) => ({ seq: r.seq, outcome: r.outcome, detail: r.detail, errorKey: r.errorKey, actedAt: r.receivedAt }));
      const answer = await this.client.reportPackages({ ...base, reports });
      if (!answer.ok || this.stopped) return;
      this.ctx.store.transaction(() => this.ctx.repos.setSetting(REPORTED_KEY, String(rows.at(-1)!.seq)));
      if (rows.length < 200) return;
    }
  }

  /** Call inside a transaction: an answer moves the last contact, a failure is kept until the next answer. */
  private contact(failure: { code: string; message: string } | null): void {
    const at = this.ctx.now().toISOString();
    if (failure) {
      this.ctx.repos.setSetting(LAST_ERROR_KEY, JSON.stringify({ code: failure.code, message: failure.message, at }));
    } else {
      this.ctx.repos.setSetting(LAST_CONTACT_KEY, at);
      this.ctx.repos.setSetting(LAST_ERROR_KEY, null);
    }
  }

  announce(): void {
    for (const what of ['setup', 'groups', 'alerts'] as const) this.ctx.events.emit({ type: 'log-changed', what }, this.ctx.onListenerError);
  }

  /** The last answer from the hub: a package poll, a group file taken, or a bundle's receipt. */
  lastContactAt(): string | null {
    const polled = this.ctx.repos.setting(LAST_CONTACT_KEY) ?? null;
    const receipt = this.packages.repo.lastReceiptAt();
    if (!polled) return receipt;
    if (!receipt) return polled;
    return Date.parse(polled) >= Date.parse(receipt) ? polled : receipt;
  }

  /** What the status bar shows: cheap reads only (settings, one max, one count). */
  summary(): { configured: boolean; lastContactAt: string | null; packagesApplied: number } {
    return { configured: this.endpoint() !== null, lastContactAt: this.lastContactAt(), packagesApplied: this.packages.repo.countApplied() };
  }

  state(limit: number): HubLink {
    const error = this.ctx.repos.setting(LAST_ERROR_KEY);
    const hub = this.packages.hubFingerprint();
    return {
      configured: this.endpoint() !== null && hub !== null,
      lastContactAt: this.lastContactAt(),
      lastError: error ? (JSON.parse(error) as HubLink['lastError']) : null,
      cursor: this.packages.cursor(),
      packagesApplied: this.packages.repo.countApplied(),
      recent: this.packages.repo.list(limit).map((row) => ({
        seq: row.seq,
        kind: row.kind,
        name: row.name,
        outcome: row.outcome,
        detail: row.detail,
        receivedAt: row.receivedAt,
        via: row.via,
        reason: row.errorKey ? reasonOf(row.errorKey, paramsOf(row.detail)) : null,
      })),
    };
  }
}

const paramsOf = (detail: Record<string, unknown>): Record<string, string | number> =>
  Object.fromEntries(Object.entries(detail).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));

const reasonOf = (key: string, params: Record<string, string | number>) => ({
  key,
  params,
  message: key in ERROR_MESSAGES ? errorMessage(key as ErrorKey, params) : key,
});
