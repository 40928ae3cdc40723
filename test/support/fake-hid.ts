import { EventEmitter } from 'node:events';
import type { HidBackend, HidDeviceHandle, HidDeviceInfo } from '../../shared/node/scanners';

/**
 * A stand-in for the node-hid module (no hidraw exists on our build machines), with node-hid's
 * behaviour: `devices()` lists what is plugged in; `new HID(path)` opens a device or throws
 * "cannot open device with path …"; an open device emits 'data' with each input report as a Buffer
 * and 'error' when a read fails (node-hid's "could not read from HID device" after an unplug).
 */
export class FakeHidBus {
  private readonly plugged = new Map<string, HidDeviceInfo>();
  private readonly open = new Map<string, FakeHid>();
  /** Paths whose open fails as if the user lacked permission. */
  readonly denied = new Set<string>();
  opened = 0;

  readonly module: HidBackend;

  constructor() {
    // node-hid's HID is a class constructed by path; the fake class reaches this bus through a closure.
    const plugged = this.plugged;
    const open = this.open;
    const denied = this.denied;
    const opened = () => (this.opened += 1);
    class HID extends EventEmitter implements HidDeviceHandle {
      closed = false;
      constructor(readonly path: string) {
        super();
        if (!plugged.has(path) || denied.has(path)) throw new Error(`cannot open device with path ${path}`);
        opened();
        open.set(path, this as unknown as FakeHid);
      }
      close(): void {
        if (this.closed) throw new Error('device already closed');
        this.closed = true;
        open.delete(this.path);
      }
    }
    this.module = { devices: () => [...this.plugged.values()], HID };
  }

  plug(device: HidDeviceInfo): void {
    if (device.path === undefined) throw new Error('a fake device needs a path');
    this.plugged.set(device.path, device);
  }

  /** Pulls the device out: an open handle's next read fails, as with node-hid. */
  unplug(path: string): void {
    this.plugged.delete(path);
    const handle = this.open.get(path);
    handle?.emit('error', new Error('could not read from HID device'));
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  /** Delivers one input report on an open device. */
  report(path: string, bytes: Uint8Array): void {
    const handle = this.open.get(path);
    if (!handle) throw new Error(`${path} is not open`);
    handle.emit('data', Buffer.from(bytes));
  }
}

type FakeHid = EventEmitter & { readonly path: string; closed: boolean };
