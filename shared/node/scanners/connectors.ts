import type { ScannerAssignment } from '../../contract/scanner';
import { hidMatches } from '../../domain/scanner-input';
import { ConnectFailure, type DeviceConnection, type DeviceConnector } from './device-session';
import type { HidBackend } from './hid-backend';
import type { SerialBackend } from './serial-backend';

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** hidraw nodes are root-only by default on Linux; say what fixes it instead of "cannot open device". */
function openProblem(error: unknown, what: string): string {
  const reason = reasonOf(error);
  const denied = /permission|EACCES|cannot open device/i.test(reason);
  return denied
    ? `Cannot open ${what}: no permission. On Linux give the station user access to the device (a udev rule for /dev/hidraw*), then it connects by itself.`
    : `Cannot open ${what}: ${reason}.`;
}

/** "The device went away", remembered if it happens before anyone listens; fires once. */
function goneSignal(): { fire(reason: string): void; listen(listener: (reason: string) => void): void } {
  let reason: string | undefined;
  let listener: ((reason: string) => void) | undefined;
  return {
    fire(why) {
      if (reason !== undefined) return;
      reason = why;
      listener?.(why);
    },
    listen(next) {
      listener = next;
      if (reason !== undefined) next(reason);
    },
  };
}

export type BackendLoader<T> = () => Promise<T>;

export function hidConnector(assignment: Extract<ScannerAssignment, { kind: 'hid-keyboard' | 'hid-pos' }>, backend: BackendLoader<HidBackend>): DeviceConnector {
  const usb = `${hex4(assignment.device.vendorId)}:${hex4(assignment.device.productId)}`;
  return {
    async connect(): Promise<DeviceConnection> {
      let hid: HidBackend;
      try {
        hid = await backend();
      } catch (error) {
        throw new ConnectFailure(`HID scanners cannot be used on this PC: ${reasonOf(error)}.`, true);
      }
      let listed;
      try {
        listed = hid.devices();
      } catch (error) {
        throw new ConnectFailure(`The HID device list could not be read: ${reasonOf(error)}.`);
      }
      const found = listed.find((device) => device.path !== undefined && hidMatches(assignment.device, device));
      if (!found?.path) throw new ConnectFailure(`Scanner not found (USB ${usb}): plug it in.`);
      let handle;
      try {
        handle = new hid.HID(found.path);
      } catch (error) {
        throw new ConnectFailure(openProblem(error, `the scanner (USB ${usb})`));
      }
      const gone = goneSignal();
      handle.on('error', (error) => gone.fire(reasonOf(error)));
      return {
        onData: (listener) => void handle.on('data', (report) => listener(report)),
        onGone: gone.listen,
        close: () => {
          handle.removeAllListeners();
          // After a read failure node-hid may already have closed the handle; a second close is harmless to ignore.
          try {
            handle.close();
          } catch {
            /* already closed */
          }
        },
      };
    },
  };
}

export function serialConnector(assignment: Extract<ScannerAssignment, { kind: 'serial' }>, backend: BackendLoader<SerialBackend>): DeviceConnector {
  return {
    async connect(): Promise<DeviceConnection> {
      let serial: SerialBackend;
      try {
        serial = await backend();
      } catch (error) {
        throw new ConnectFailure(`Serial readers cannot be used on this PC: ${reasonOf(error)}.`, true);
      }
      let port;
      try {
        port = await serial.open(assignment.path, assignment.baudRate);
      } catch (error) {
        const reason = reasonOf(error);
        if (/ENOENT|no such file/i.test(reason)) throw new ConnectFailure(`Serial port ${assignment.path} not found: plug the reader in.`);
        if (/EACCES|permission/i.test(reason)) {
          throw new ConnectFailure(`Cannot open ${assignment.path}: no permission. On Linux add the station user to the "dialout" group.`);
        }
        throw new ConnectFailure(`Cannot open ${assignment.path}: ${reason}.`);
      }
      const gone = goneSignal();
      port.on('close', (error) => {
        // serialport reports an unplugged device as a close with a DisconnectedError (`disconnected: true`).
        const unplugged = typeof error === 'object' && error !== null && (error as { disconnected?: unknown }).disconnected === true;
        gone.fire(unplugged ? 'the port went away' : error === undefined || error === null ? 'the port was closed' : reasonOf(error));
      });
      port.on('error', (error) => gone.fire(reasonOf(error)));
      return {
        onData: (listener) => void port.on('data', (chunk) => listener(chunk)),
        onGone: gone.listen,
        close: () => {
          port.removeAllListeners();
          // Errors after removing listeners must not become unhandled 'error' events.
          port.on('error', () => undefined);
          if (port.isOpen) port.close();
        },
      };
    },
  };
}
