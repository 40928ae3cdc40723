import type { DetectedDevice, ScannerAssignment, ScannerFeedEntry, ScannerStatus } from '../../contract/scanner';
import type { ScanEvent } from '../../domain/scanner-input';

/** Where the device side delivers what it reads: the core runs scans, forwards statuses to screens. */
export interface ScannerSink {
  scan(event: ScanEvent, lane: string): void;
  status(status: ScannerStatus): void;
  feed(entry: ScannerFeedEntry): void;
}

export interface ScannerSupport {
  readonly available: boolean;
  readonly message: string;
}

export interface DeviceListing {
  /** `assigned` is false here; the core knows the configuration and fills it in. */
  readonly devices: readonly DetectedDevice[];
  readonly support: { readonly hid: ScannerSupport; readonly serial: ScannerSupport };
}

/**
 * The host's scanner devices as the core sees them (implemented by ScannerManager). The core owns
 * the configuration (station settings, admin permission, audit); the runtime only runs it.
 */
export interface ScannerRuntime {
  start(sink: ScannerSink, assignments: readonly ScannerAssignment[]): void;
  configure(assignments: readonly ScannerAssignment[]): void;
  listDevices(): Promise<DeviceListing>;
  statuses(): ScannerStatus[];
  feed(limit: number, deviceId?: string): ScannerFeedEntry[];
  stop(): Promise<void>;
}
