import { describe, expect, it } from 'vitest';
import type { ScannerAssignment, ScannerFeedEntry, ScannerStatus } from '../../../../shared/contract/scanner';
import type { ScanEvent } from '../../../../shared/domain/scanner-input';
import { ScannerManager, deviceIdOf, type HidDeviceInfo, type SerialBackend } from '../../../../shared/node/scanners';
import { FakeHidBus } from '../../../support/fake-hid';
import { ManualScannerTimers, flushPromises } from '../../../support/manual-scanner-timers';
import { fromHex, loadFixture } from '../../domain/scanner-input/fixtures';

interface HidFixture {
  readonly reports: readonly string[];
  readonly expected: unknown;
}

const keyboardFixture = loadFixture<HidFixture>('hid', 'keyboard-boot-mrz-td3');
const honeywellFixture = loadFixture<HidFixture>('hid', 'hid-pos-hc1-honeywell64');
const inBand256Fixture = loadFixture<HidFixture>('hid', 'hid-pos-hc1-inband256');
const HC1_429 = (honeywellFixture.expected as { kind: string; text?: string }[]).find((event) => event.kind === 'message')?.text ?? '';

const SPECIMEN_MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

// A Honeywell-style scanner exposing a boot keyboard and a HID POS interface (ids as a Honeywell 1900 reports them).
const KEYBOARD: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw3', product: 'Honeywell Scanner', manufacturer: 'Honeywell', serialNumber: '19120B4A21', interface: 0, usagePage: 0x01, usage: 0x06, release: 0x0100 };
const POS: HidDeviceInfo = { ...KEYBOARD, path: '/dev/hidraw4', interface: 1, usagePage: 0x8c, usage: 0x02 };
const MOUSE: HidDeviceInfo = { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw0', product: 'USB Optical Mouse', manufacturer: 'Logitech', interface: 0, usagePage: 0x01, usage: 0x02, release: 0x7200 };

const keyboardAssignment: ScannerAssignment = {
  kind: 'hid-keyboard',
  lane: 'lane-1',
  device: { vendorId: KEYBOARD.vendorId, productId: KEYBOARD.productId, serialNumber: '19120B4A21', usagePage: 0x01, interface: 0 },
  layout: 'us',
};
const posAssignment: ScannerAssignment = {
  kind: 'hid-pos',
  lane: 'lane-1',
  device: { vendorId: POS.vendorId, productId: POS.productId, serialNumber: '19120B4A21', usagePage: 0x8c, interface: 1 },
  format: 'honeywell64',
};

const noSerial: SerialBackend = {
  list: () => Promise.resolve([]),
  open: () => Promise.reject(new Error('no serial ports in this test')),
};

function setup(options: { hid?: FakeHidBus | null | (() => Promise<never>); serial?: SerialBackend } = {}) {
  const bus = options.hid instanceof FakeHidBus ? options.hid : new FakeHidBus();
  const timers = new ManualScannerTimers();
  const scans: { event: ScanEvent; lane: string }[] = [];
  const statuses: ScannerStatus[] = [];
  const feed: ScannerFeedEntry[] = [];
  const warnings: string[] = [];
  const hid = options.hid === undefined || options.hid instanceof FakeHidBus ? bus.module : options.hid;
  const manager = new ScannerManager({ hid, serial: options.serial ?? noSerial, timers, backoffMs: [1000, 2000, 5000], warn: (message) => warnings.push(message) });
  const sink = {
    scan: (event: ScanEvent, lane: string) => scans.push({ event, lane }),
    status: (status: ScannerStatus) => statuses.push(status),
    feed: (entry: ScannerFeedEntry) => feed.push(entry),
  };
  const states = () => statuses.map((status) => status.state);
  return { bus, timers, manager, sink, scans, statuses, states, feed, warnings };
}

function sendReports(bus: FakeHidBus, path: string, reports: readonly string[]): void {
  for (const hex of reports) bus.report(path, fromHex(hex));
}

describe('ScannerManager with a fake node-hid', () => {
  it('lists HID devices with their usage pages, scanners first, HID POS recognised by page 0x8C', async () => {
    const { bus, manager } = setup();
    bus.plug(MOUSE);
    bus.plug(KEYBOARD);
    bus.plug(POS);
    const listing = await manager.listDevices();
    expect(listing.support.hid.available).toBe(true);
    expect(listing.devices.map((device) => [device.name, device.suggestedKind ?? null, device.usagePage])).toEqual([
      ['Honeywell Scanner (Honeywell)', 'hid-pos', 0x8c],
      ['Honeywell Scanner (Honeywell)', 'hid-keyboard', 0x01],
      ['USB Optical Mouse (Logitech)', null, 0x01],
    ]);
    // A device's listed id is the id its assignment gets, so the Settings screen can show which is in use.
    expect(listing.devices[0]?.deviceId).toBe(deviceIdOf(posAssignment));
    expect(listing.devices[1]?.deviceId).toBe(deviceIdOf(keyboardAssignment));
  });

  it('decodes a keyboard-mode scanner\'s boot reports into one two-line MRZ scan', async () => {
    const { bus, timers, manager, sink, scans, states, feed } = setup();
    bus.plug(KEYBOARD);
    manager.start(sink, [keyboardAssignment]);
    await flushPromises();
    expect(states()).toEqual(['connecting', 'connected']);

    sendReports(bus, KEYBOARD.path ?? '', keyboardFixture.reports);
    // The second line's Enter may be followed by a third line (TD1): the scan completes after the line-group gap.
    expect(scans).toHaveLength(0);
    await timers.advance(1000);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.lane).toBe('lane-1');
    expect(scans[0]?.event).toMatchObject({ payload: SPECIMEN_MRZ, source: 'hid-keyboard', deviceId: deviceIdOf(keyboardAssignment) });
    expect(feed.at(-1)).toMatchObject({ outcome: 'scan', text: SPECIMEN_MRZ, rawBytes: keyboardFixture.reports.length * 8 });
    expect(feed.at(-1)?.framing).toContain('180 reports, 2 lines ended by Enter');
    expect(manager.statuses()[0]?.lastScanAt).toBe(scans[0]?.event.receivedAt);
  });

  it('assembles a multi-report HID POS message and keeps its AIM symbology identifier', async () => {
    const { bus, manager, sink, scans, feed } = setup();
    bus.plug(POS);
    manager.start(sink, [posAssignment]);
    await flushPromises();
    sendReports(bus, POS.path ?? '', honeywellFixture.reports);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.event).toMatchObject({ payload: HC1_429, source: 'hid-pos', symbology: ']Q1' });
    expect(feed.at(-1)?.framing).toBe('HID POS (honeywell64, 64-byte reports), 8 reports, AIM ]Q1 (QR Code (Model 2)), 429 bytes');
    expect(feed.at(-1)?.rawBytes).toBe(8 * 64);
    expect(manager.feed(5)[0]?.text).toBe(HC1_429);
  });

  it('decodes the 256-byte in-band HID POS format when configured for it', async () => {
    const { bus, manager, sink, scans } = setup();
    bus.plug(POS);
    manager.start(sink, [{ ...posAssignment, format: 'inBand256' }]);
    await flushPromises();
    sendReports(bus, POS.path ?? '', inBand256Fixture.reports);
    expect(scans.map((scan) => [scan.event.payload, scan.event.symbology])).toEqual([[HC1_429, ']Q1']]);
  });

  it('reports an unplugged scanner as disconnected, retries with backoff and reconnects when it is back', async () => {
    const { bus, timers, manager, sink, scans, statuses, states } = setup();
    bus.plug(POS);
    manager.start(sink, [posAssignment]);
    await flushPromises();
    const path = POS.path ?? '';

    // Pulled out half-way through a message: the partial message is reported and dropped.
    sendReports(bus, path, honeywellFixture.reports.slice(0, 3));
    bus.unplug(path);
    expect(states().at(-1)).toBe('disconnected');
    expect(statuses.at(-1)?.message).toBe('Scanner disconnected (could not read from HID device). Trying again in 1 s.');
    expect(bus.isOpen(path)).toBe(false);
    expect(manager.feed(1)[0]).toMatchObject({ outcome: 'error', message: expect.stringContaining('went away in the middle of a message') });

    // Still unplugged at the first retry: the wait grows.
    await timers.advance(1000);
    expect(statuses.at(-1)).toMatchObject({ state: 'disconnected', message: expect.stringMatching(/^Scanner not found \(USB 0c2e:0b61\): plug it in\. Trying again in 2 s\.$/) });

    // Plugged in again, possibly as another hidraw node: found by vendor, product, serial and interface.
    bus.plug({ ...POS, path: '/dev/hidraw7' });
    await timers.advance(2000);
    expect(states().at(-1)).toBe('connected');
    sendReports(bus, '/dev/hidraw7', honeywellFixture.reports);
    expect(scans.map((scan) => scan.event.payload)).toEqual([HC1_429]);

    // After a good connection the backoff starts over.
    bus.unplug('/dev/hidraw7');
    expect(statuses.at(-1)?.message).toMatch(/Trying again in 1 s\.$/);
  });

  it('keeps retrying a scanner that is missing at start-up and connects once it is plugged in', async () => {
    const { bus, timers, manager, sink, states } = setup();
    manager.start(sink, [keyboardAssignment]);
    await flushPromises();
    expect(states()).toEqual(['connecting', 'disconnected']);
    bus.plug(KEYBOARD);
    await timers.advance(1000);
    expect(states().slice(-2)).toEqual(['connecting', 'connected']);
  });

  it('says what to do when the device may not be opened', async () => {
    const { bus, manager, sink, statuses } = setup();
    bus.plug(POS);
    bus.denied.add(POS.path ?? '');
    manager.start(sink, [posAssignment]);
    await flushPromises();
    expect(statuses.at(-1)).toMatchObject({ state: 'disconnected', message: expect.stringContaining('no permission') });
  });

  it('starts without node-hid: the scanner is "unavailable", nothing throws, serial still lists', async () => {
    const failing = () => Promise.reject(new Error('node-hid was built for another Node version'));
    const { manager, sink, statuses, timers } = setup({ hid: failing });
    expect(() => manager.start(sink, [posAssignment])).not.toThrow();
    await flushPromises();
    expect(statuses.at(-1)).toMatchObject({ state: 'unavailable', message: 'HID scanners cannot be used on this PC: node-hid was built for another Node version.' });
    expect(timers.scheduled()).toBe(0);
    const listing = await manager.listDevices();
    expect(listing.support.hid).toEqual({ available: false, message: 'HID scanners cannot be used on this PC: node-hid was built for another Node version.' });
    expect(listing.support.serial.available).toBe(true);
  });

  it('handles a serial port list that fails because udevadm is missing (ENOENT)', async () => {
    const enoent = Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
    const { manager } = setup({ serial: { list: () => Promise.reject(enoent), open: noSerial.open } });
    const listing = await manager.listDevices();
    expect(listing.support.serial).toEqual({
      available: true,
      message: 'Serial ports cannot be listed on this PC (udevadm is missing); type the port path, e.g. /dev/ttyUSB0.',
    });
  });

  it('stops a scanner that is no longer configured and closes its device', async () => {
    const { bus, manager, sink, states } = setup();
    bus.plug(POS);
    bus.plug(KEYBOARD);
    manager.start(sink, [posAssignment, keyboardAssignment]);
    await flushPromises();
    expect(bus.isOpen(POS.path ?? '')).toBe(true);
    manager.configure([keyboardAssignment]);
    expect(bus.isOpen(POS.path ?? '')).toBe(false);
    expect(bus.isOpen(KEYBOARD.path ?? '')).toBe(true);
    expect(states()).toContain('stopped');
    expect(manager.statuses().map((status) => status.deviceId)).toEqual([deviceIdOf(keyboardAssignment)]);
    await manager.stop();
    expect(bus.isOpen(KEYBOARD.path ?? '')).toBe(false);
  });

  it('reports malformed keyboard reports in the test area without losing the scan around them', async () => {
    const { bus, timers, manager, sink, scans, feed } = setup();
    bus.plug(KEYBOARD);
    manager.start(sink, [keyboardAssignment]);
    await flushPromises();
    const path = KEYBOARD.path ?? '';
    bus.report(path, Uint8Array.from([0x00, 0x00, 0x04]));
    sendReports(bus, path, keyboardFixture.reports);
    await timers.advance(1000);
    expect(feed[0]).toMatchObject({ outcome: 'error', message: 'A boot keyboard report has 8 bytes, got 3.', rawHex: '000004' });
    expect(scans.map((scan) => scan.event.payload)).toEqual([SPECIMEN_MRZ]);
  });
});
