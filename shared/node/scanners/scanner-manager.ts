import type { DetectedDevice, ScannerAssignment, ScannerFeedEntry, ScannerStatus } from '../../contract/scanner';
import { GENERIC_DESKTOP_PAGE, HID_POS_USAGE_PAGE, KEYBOARD_USAGE, hidDeviceId, serialDeviceId } from '../../domain/scanner-input';
import { hidConnector, serialConnector, type BackendLoader } from './connectors';
import { DEFAULT_BACKOFF_MS, DeviceSession, type DeviceConnector } from './device-session';
import type { HidBackend, HidDeviceInfo } from './hid-backend';
import { loadNodeHid } from './hid-backend';
import type { SerialBackend, SerialPortInfo } from './serial-backend';
import { loadSerialPort } from './serial-backend';
import { ScannerFeed } from './scanner-feed';
import type { DeviceListing, ScannerRuntime, ScannerSink, ScannerSupport } from './scanner-runtime';
import { systemTimers, type ScannerTimers } from './timers';

export interface ScannerManagerOptions {
  /** node-hid, or a fake of it; `null` when this host has no HID support. Default: node-hid, loaded on first use. */
  readonly hid?: HidBackend | BackendLoader<HidBackend> | null;
  /** serialport, or a fake; `null` for none. Default: serialport, loaded on first use. */
  readonly serial?: SerialBackend | BackendLoader<SerialBackend> | null;
  readonly timers?: ScannerTimers;
  readonly backoffMs?: readonly number[];
  readonly feedSize?: number;
  readonly warn?: (message: string, error?: unknown) => void;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Loads a backend once; a failure is remembered (and reported as "unavailable"), never thrown at start-up. */
function once<T>(source: T | BackendLoader<T> | null | undefined, fallback: BackendLoader<T>, what: string): BackendLoader<T> {
  if (source === null) return () => Promise.reject(new Error(`this host does not handle ${what}`));
  const load: BackendLoader<T> = typeof source === 'function' ? (source as BackendLoader<T>) : source === undefined ? fallback : () => Promise.resolve(source);
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export function deviceIdOf(assignment: ScannerAssignment): string {
  return assignment.kind === 'serial' ? serialDeviceId(assignment.path) : hidDeviceId(assignment.device);
}

function suggestedHidKind(device: HidDeviceInfo): DetectedDevice['suggestedKind'] {
  if (device.usagePage === HID_POS_USAGE_PAGE) return 'hid-pos';
  if (device.usagePage === GENERIC_DESKTOP_PAGE && device.usage === KEYBOARD_USAGE) return 'hid-keyboard';
  return undefined;
}

function hidListing(device: HidDeviceInfo): DetectedDevice {
  const identity = {
    vendorId: device.vendorId,
    productId: device.productId,
    serialNumber: device.serialNumber || undefined,
    usagePage: device.usagePage,
    interface: device.interface,
  };
  const suggestedKind = suggestedHidKind(device);
  const name = [device.product || 'HID device', device.manufacturer ? `(${device.manufacturer})` : ''].filter(Boolean).join(' ');
  return {
    deviceId: hidDeviceId(identity),
    transport: 'hid',
    name,
    ...(device.path ? { path: device.path } : {}),
    vendorId: device.vendorId,
    productId: device.productId,
    ...(identity.serialNumber ? { serialNumber: identity.serialNumber } : {}),
    ...(device.manufacturer ? { manufacturer: device.manufacturer } : {}),
    ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
    ...(device.usage === undefined ? {} : { usage: device.usage }),
    ...(device.interface === undefined ? {} : { interface: device.interface }),
    ...(suggestedKind ? { suggestedKind } : {}),
    assigned: false,
  };
}

const usbId = (hex: string | undefined): number | undefined => {
  const value = hex === undefined ? Number.NaN : Number.parseInt(hex, 16);
  return Number.isInteger(value) && value >= 0 && value <= 0xffff ? value : undefined;
};

function serialListing(port: SerialPortInfo): DetectedDevice {
  const vendorId = usbId(port.vendorId);
  const productId = usbId(port.productId);
  return {
    deviceId: serialDeviceId(port.path),
    transport: 'serial',
    name: port.manufacturer ? `${port.path} (${port.manufacturer})` : port.path,
    path: port.path,
    ...(vendorId === undefined ? {} : { vendorId }),
    ...(productId === undefined ? {} : { productId }),
    ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
    ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
    suggestedKind: 'serial',
    assigned: false,
  };
}

/**
 * Owns the scanner devices of one host process (Electron main or the browser host): lists HID and
 * serial devices, runs one DeviceSession per configured scanner, and hands scans, statuses and the
 * test-area feed to the core. Nothing here may stop the app from starting: a missing native module,
 * a missing device or a denied permission only shows up as a scanner status.
 */
export class ScannerManager implements ScannerRuntime {
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly hid: BackendLoader<HidBackend>;
  private readonly serial: BackendLoader<SerialBackend>;
  private readonly timers: ScannerTimers;
  private readonly backoffMs: readonly number[];
  private readonly recent: ScannerFeed;
  private readonly warn: (message: string, error?: unknown) => void;
  private sink: ScannerSink | undefined;

  constructor(options: ScannerManagerOptions = {}) {
    this.hid = once(options.hid, loadNodeHid, 'HID devices');
    this.serial = once(options.serial, loadSerialPort, 'serial ports');
    this.timers = options.timers ?? systemTimers;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.recent = new ScannerFeed(options.feedSize);
    this.warn = options.warn ?? ((message, error) => console.warn(message, error ?? ''));
  }

  start(sink: ScannerSink, assignments: readonly ScannerAssignment[]): void {
    this.sink = sink;
    this.configure(assignments);
  }

  /** Applies a new configuration: sessions of removed or changed scanners stop, new ones start. */
  configure(assignments: readonly ScannerAssignment[]): void {
    const wanted = new Map(assignments.map((assignment) => [deviceIdOf(assignment), assignment]));
    for (const [deviceId, session] of this.sessions) {
      const next = wanted.get(deviceId);
      if (next === undefined || JSON.stringify(next) !== JSON.stringify(session.assignment)) {
        session.stop();
        this.sessions.delete(deviceId);
      }
    }
    for (const [deviceId, assignment] of wanted) {
      if (this.sessions.has(deviceId)) continue;
      const session = new DeviceSession(deviceId, assignment, this.connectorFor(assignment), this.timers, this.sessionEvents(), this.backoffMs);
      this.sessions.set(deviceId, session);
      session.start();
    }
  }

  async listDevices(): Promise<DeviceListing> {
    const [hid, serial] = await Promise.all([this.listHid(), this.listSerial()]);
    return { devices: [...hid.devices, ...serial.devices], support: { hid: hid.support, serial: serial.support } };
  }

  statuses(): ScannerStatus[] {
    return [...this.sessions.values()].map((session) => session.current());
  }

  feed(limit: number, deviceId?: string): ScannerFeedEntry[] {
    return this.recent.latest(limit, deviceId);
  }

  async stop(): Promise<void> {
    for (const session of this.sessions.values()) session.stop();
    this.sessions.clear();
    this.sink = undefined;
  }

  private connectorFor(assignment: ScannerAssignment): DeviceConnector {
    return assignment.kind === 'serial' ? serialConnector(assignment, this.serial) : hidConnector(assignment, this.hid);
  }

  private sessionEvents() {
    return {
      status: (status: ScannerStatus) => this.sink?.status(status),
      scan: (event: Parameters<ScannerSink['scan']>[0]) => {
        const lane = this.sessions.get(event.deviceId)?.assignment.lane;
        if (lane !== undefined) this.sink?.scan(event, lane);
      },
      feed: (entry: ScannerFeedEntry) => {
        this.recent.record(entry);
        this.sink?.feed(entry);
      },
      warn: this.warn,
    };
  }

  private async listHid(): Promise<{ devices: DetectedDevice[]; support: ScannerSupport }> {
    let backend: HidBackend;
    try {
      backend = await this.hid();
    } catch (error) {
      return { devices: [], support: { available: false, message: `HID scanners cannot be used on this PC: ${reasonOf(error)}.` } };
    }
    try {
      const devices = backend.devices().map(hidListing);
      // Scanners first: HID POS, then keyboards; mice and other HID devices after them.
      const rank = (device: DetectedDevice): number => (device.suggestedKind === 'hid-pos' ? 0 : device.suggestedKind === 'hid-keyboard' ? 1 : 2);
      devices.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
      const message = devices.length === 0 ? 'No HID devices found (on Linux the station user may need access to /dev/hidraw*).' : `${devices.length} HID device(s) found.`;
      return { devices, support: { available: true, message } };
    } catch (error) {
      return { devices: [], support: { available: false, message: `The HID device list could not be read: ${reasonOf(error)}.` } };
    }
  }

  private async listSerial(): Promise<{ devices: DetectedDevice[]; support: ScannerSupport }> {
    let backend: SerialBackend;
    try {
      backend = await this.serial();
    } catch (error) {
      return { devices: [], support: { available: false, message: `Serial readers cannot be used on this PC: ${reasonOf(error)}.` } };
    }
    try {
      const ports = await backend.list();
      return { devices: ports.map(serialListing), support: { available: true, message: `${ports.length} serial port(s) found.` } };
    } catch (error) {
      // SerialPort.list() runs `udevadm` on Linux: without it listing fails, but ports can still be opened by path.
      const missingTool = (error as { code?: unknown }).code === 'ENOENT';
      const message = missingTool
        ? 'Serial ports cannot be listed on this PC (udevadm is missing); type the port path, e.g. /dev/ttyUSB0.'
        : `Serial ports could not be listed (${reasonOf(error)}); type the port path, e.g. /dev/ttyUSB0.`;
      return { devices: [], support: { available: true, message } };
    }
  }
}
