import type { ScannerAssignment, ScannerFeedEntry, ScannerState, ScannerStatus } from '../../contract/scanner';
import { createScanEvent, type ScanEvent } from '../../domain/scanner-input';
import { RawTail } from './scanner-feed';
import { createScannerDecoder, type DecodeOutput, type ScannerDecoder } from './scanner-decoder';
import type { ScannerTimers, TimerHandle } from './timers';

/** An open device: bytes in, and one call when it goes away (unplugged, read failure, port closed). */
export interface DeviceConnection {
  onData(listener: (bytes: Uint8Array) => void): void;
  onGone(listener: (reason: string) => void): void;
  close(): void;
}

export interface DeviceConnector {
  connect(): Promise<DeviceConnection>;
}

/** A failure to open a device, in words for the operator; `permanent` when retrying cannot help. */
export class ConnectFailure extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export interface DeviceSessionEvents {
  status(status: ScannerStatus): void;
  scan(event: ScanEvent): void;
  feed(entry: ScannerFeedEntry): void;
  warn(message: string, error?: unknown): void;
}

/** Waits between reconnect attempts; the last one repeats. A scanner usually comes back within seconds. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];

const seconds = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))} s`;
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One configured scanner: opens it, decodes what it sends, and when it goes away reports
 * "disconnected" and reconnects with backoff until it is back or the session is stopped.
 */
export class DeviceSession {
  private state: ScannerState = 'stopped';
  private status: ScannerStatus;
  private connection: DeviceConnection | undefined;
  private retryTimer: TimerHandle | undefined;
  private tickTimer: TimerHandle | undefined;
  private attempt = 0;
  private stopped = false;
  private readonly decoder: ScannerDecoder;
  private readonly raw = new RawTail();
  private lastScanAt: string | undefined;

  constructor(
    readonly deviceId: string,
    readonly assignment: ScannerAssignment,
    private readonly connector: DeviceConnector,
    private readonly timers: ScannerTimers,
    private readonly events: DeviceSessionEvents,
    private readonly backoffMs: readonly number[] = DEFAULT_BACKOFF_MS,
  ) {
    this.decoder = createScannerDecoder(assignment);
    this.status = this.makeStatus('stopped', 'Not started.');
  }

  get label(): string {
    return labelOf(this.assignment);
  }

  current(): ScannerStatus {
    return this.status;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.disconnect();
    this.setState('stopped', `${this.label} is no longer used.`);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.retryTimer = undefined;
    this.setState('connecting', `Connecting to ${this.label}…`);
    let connection: DeviceConnection;
    try {
      connection = await this.connector.connect();
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof ConnectFailure && error.permanent) {
        this.setState('unavailable', error.message);
        return;
      }
      this.retryLater(reasonOf(error));
      return;
    }
    if (this.stopped) {
      connection.close();
      return;
    }
    this.connection = connection;
    this.attempt = 0;
    this.decoder.reset();
    connection.onData((bytes) => this.receive(bytes));
    connection.onGone((reason) => this.gone(connection, reason));
    this.setState('connected', `${this.label} connected.`);
  }

  private receive(bytes: Uint8Array): void {
    this.raw.add(Uint8Array.from(bytes));
    this.deliver(this.decoder.push(bytes, this.timers.now()));
  }

  private gone(connection: DeviceConnection, reason: string): void {
    if (this.connection !== connection || this.stopped) return;
    this.deliver(this.decoder.flush());
    this.disconnect();
    this.retryLater(`Scanner disconnected (${reason}).`);
  }

  private retryLater(reason: string): void {
    const wait = this.backoffMs[Math.min(this.attempt, this.backoffMs.length - 1)] ?? 5000;
    this.attempt += 1;
    this.setState('disconnected', `${reason.replace(/\.?$/, '.')} Trying again in ${seconds(wait)}.`);
    this.retryTimer = this.timers.setTimeout(() => void this.connect(), wait);
  }

  private deliver(outputs: readonly DecodeOutput[]): void {
    if (outputs.length > 0) {
      const raw = this.raw.take();
      const at = new Date(this.timers.now()).toISOString();
      for (const output of outputs) this.emit(output, raw, at);
    }
    this.scheduleTick();
  }

  private emit(output: DecodeOutput, raw: { hex: string; bytes: number }, at: string): void {
    const entry: ScannerFeedEntry = {
      at,
      deviceId: this.deviceId,
      outcome: output.outcome,
      framing: output.framing,
      rawHex: raw.hex,
      rawBytes: raw.bytes,
      ...(output.text === undefined ? {} : { text: output.text }),
      ...(output.symbology === undefined ? {} : { symbology: output.symbology }),
      ...(output.message === undefined ? {} : { message: output.message }),
    };
    this.events.feed(entry);
    if (output.outcome !== 'scan' || output.text === undefined) return;
    const event = createScanEvent({ payload: output.text, source: this.assignment.kind, symbology: output.symbology, receivedAt: at, deviceId: this.deviceId });
    if (!event.ok) {
      this.events.warn(`${this.label}: scan dropped: ${event.error.message}`);
      return;
    }
    this.lastScanAt = at;
    this.status = { ...this.status, lastScanAt: at };
    this.events.scan(event.value);
  }

  /** Partial frames and multi-line groups end by quiet time: wake up when the decoder's deadline passes. */
  private scheduleTick(): void {
    if (this.tickTimer !== undefined) this.timers.clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    const deadline = this.decoder.nextDeadline();
    if (deadline === undefined || this.stopped) return;
    const wait = Math.max(0, deadline - this.timers.now()) + 1;
    this.tickTimer = this.timers.setTimeout(() => {
      this.tickTimer = undefined;
      this.deliver(this.decoder.tick(this.timers.now()));
    }, wait);
  }

  private disconnect(): void {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    try {
      connection.close();
    } catch (error) {
      this.events.warn(`${this.label}: closing failed`, error);
    }
  }

  private clearTimers(): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    if (this.tickTimer !== undefined) this.timers.clearTimeout(this.tickTimer);
    this.retryTimer = undefined;
    this.tickTimer = undefined;
  }

  private setState(state: ScannerState, message: string): void {
    const changed = state !== this.state || message !== this.status.message;
    this.state = state;
    if (!changed) return;
    this.status = this.makeStatus(state, message);
    this.events.status(this.status);
  }

  private makeStatus(state: ScannerState, message: string): ScannerStatus {
    return {
      deviceId: this.deviceId,
      lane: this.assignment.lane,
      kind: this.assignment.kind,
      label: this.label,
      state,
      message,
      since: new Date(this.timers.now()).toISOString(),
      ...(this.lastScanAt === undefined ? {} : { lastScanAt: this.lastScanAt }),
    };
  }
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');

export function labelOf(assignment: ScannerAssignment): string {
  if (assignment.label) return assignment.label;
  switch (assignment.kind) {
    case 'hid-keyboard':
      return `Keyboard-mode scanner ${hex4(assignment.device.vendorId)}:${hex4(assignment.device.productId)}`;
    case 'hid-pos':
      return `HID POS scanner ${hex4(assignment.device.vendorId)}:${hex4(assignment.device.productId)}`;
    case 'serial':
      return `Serial reader ${assignment.path}`;
  }
}
