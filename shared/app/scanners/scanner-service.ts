import type { CoreResult, DetectedDevice, ScanInput, ScanResult, ScannerAssignment, ScannerFeedEntry, ScannerList, ScannerStatus, WedgeSettings } from '../../contract';
import type { ScanEvent } from '../../domain/scanner-input';
import { ScannerSettingsRepo } from '../../node/db/scanner-settings-repo';
import { deviceIdOf, labelOf, type ScannerRuntime } from '../../node/scanners';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { LaneContexts } from './lane-context';

export type RunScan = (input: ScanInput) => Promise<CoreResult<ScanResult>>;

const NO_RUNTIME = 'This program does not run scanner devices (only the desktop app and the browser host do).';

/**
 * The core's side of scanner devices: the configuration (station settings, admin only, audited),
 * and device scans run through the same guarded `scan` method a lane screen calls, then pushed to
 * the screens as `scan-received`. The devices themselves belong to the host's ScannerRuntime,
 * which is optional: without it the configuration still shows, with the scanners "unavailable".
 */
export class ScannerService {
  private readonly repo: ScannerSettingsRepo;
  readonly lanes = new LaneContexts();
  private runScan: RunScan | undefined;
  private started = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly runtime: ScannerRuntime | undefined,
  ) {
    this.repo = new ScannerSettingsRepo(ctx.store.database);
  }

  /** Starts the host's devices with the stored configuration; never throws (a scanner must not stop the app). */
  start(runScan: RunScan): void {
    this.runScan = runScan;
    const { assignments, problems } = this.repo.load();
    for (const problem of problems) this.ctx.logger.warn(problem);
    if (!this.runtime || this.started) return;
    this.started = true;
    try {
      this.runtime.start(
        {
          scan: (event, lane) => void this.deviceScan(event, lane),
          status: (scanner) => this.emit({ type: 'scanner-status', scanner }),
          feed: (entry) => this.emit({ type: 'scanner-feed', deviceId: entry.deviceId }),
        },
        assignments,
      );
    } catch (error) {
      this.ctx.logger.warn('scanner devices could not be started; the station runs without them', error);
    }
  }

  async stop(): Promise<void> {
    if (!this.runtime || !this.started) return;
    this.started = false;
    try {
      await this.runtime.stop();
    } catch (error) {
      this.ctx.logger.warn('scanner devices did not stop cleanly', error);
    }
  }

  statuses(): ScannerStatus[] {
    const running = new Map((this.runtime?.statuses() ?? []).map((status) => [status.deviceId, status]));
    return this.repo.load().assignments.map((assignment) => running.get(deviceIdOf(assignment)) ?? this.offline(assignment));
  }

  async list(): Promise<ScannerList> {
    const assignments = this.repo.load().assignments;
    const assigned = new Set(assignments.map(deviceIdOf));
    const statuses = new Map(this.statuses().map((status) => [status.deviceId, status]));
    const listing = this.runtime
      ? await this.runtime.listDevices()
      : { devices: [] as DetectedDevice[], support: { hid: { available: false, message: NO_RUNTIME }, serial: { available: false, message: NO_RUNTIME } } };
    return {
      devices: listing.devices.map((device) => ({ ...device, assigned: assigned.has(device.deviceId) })),
      configured: assignments.map((assignment) => {
        const deviceId = deviceIdOf(assignment);
        return { deviceId, assignment, status: statuses.get(deviceId) ?? this.offline(assignment) };
      }),
      support: listing.support,
    };
  }

  /** Adds or replaces the configuration of one device (the same device can serve only one lane). */
  assign(assignment: ScannerAssignment): ScannerStatus {
    const deviceId = deviceIdOf(assignment);
    const others = this.repo.load().assignments.filter((existing) => deviceIdOf(existing) !== deviceId);
    const next = [...others, assignment];
    this.ctx.store.transaction(() => {
      this.repo.save(next);
      audit(this.ctx, 'scanner.assigned', 'scanner', deviceId, { lane: assignment.lane, kind: assignment.kind });
    });
    this.apply(next);
    return this.statuses().find((status) => status.deviceId === deviceId) ?? this.offline(assignment);
  }

  unassign(deviceId: string): { deviceId: string; removed: boolean } {
    const current = this.repo.load().assignments;
    const next = current.filter((assignment) => deviceIdOf(assignment) !== deviceId);
    if (next.length === current.length) return { deviceId, removed: false };
    this.ctx.store.transaction(() => {
      this.repo.save(next);
      audit(this.ctx, 'scanner.unassigned', 'scanner', deviceId);
    });
    this.apply(next);
    return { deviceId, removed: true };
  }

  wedge(): WedgeSettings {
    return this.repo.loadWedge();
  }

  saveWedge(settings: WedgeSettings): WedgeSettings {
    this.ctx.store.transaction(() => {
      this.repo.saveWedge(settings);
      audit(this.ctx, 'scanner.wedge-settings-saved', 'setting', 'scanners.wedge', { ...settings });
    });
    this.emit({ type: 'log-changed', what: 'setup' });
    return this.repo.loadWedge();
  }

  feed(limit: number, deviceId?: string): ScannerFeedEntry[] {
    return this.runtime?.feed(limit, deviceId) ?? [];
  }

  private apply(assignments: readonly ScannerAssignment[]): void {
    if (!this.runtime || !this.started) return;
    try {
      this.runtime.configure(assignments);
    } catch (error) {
      this.ctx.logger.warn('the new scanner configuration could not be applied', error);
    }
  }

  private async deviceScan(event: ScanEvent, lane: string): Promise<void> {
    if (!this.runScan || this.ctx.isClosed()) return;
    const context = this.lanes.get(lane);
    const result = await this.runScan({
      payload: event.payload,
      source: event.source,
      deviceId: event.deviceId.slice(0, 128),
      ...(event.symbology === undefined ? {} : { symbology: event.symbology }),
      ...(context.openScanId === null ? {} : { joinScanId: context.openScanId }),
      direction: context.direction,
      ...(context.corridorId === undefined ? {} : { corridorId: context.corridorId }),
    });
    if (result.ok) {
      this.lanes.opened(lane, result.value.scanId);
      this.emit({ type: 'scan-received', lane, deviceId: event.deviceId, scan: result.value });
    } else {
      this.emit({ type: 'scan-rejected', lane, deviceId: event.deviceId, message: result.error.message, error: result.error });
    }
  }

  private offline(assignment: ScannerAssignment): ScannerStatus {
    return {
      deviceId: deviceIdOf(assignment),
      lane: assignment.lane,
      kind: assignment.kind,
      label: labelOf(assignment),
      state: 'unavailable',
      message: this.runtime ? 'Starting…' : NO_RUNTIME,
      since: this.ctx.startedAt.toISOString(),
    };
  }

  private emit(event: Parameters<CoreContext['events']['emit']>[0]): void {
    if (!this.ctx.isClosed()) this.ctx.events.emit(event, this.ctx.onListenerError);
  }
}
