import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, CoreEvent, ScannerAssignment } from '../../../shared/contract';
import { ScannerManager, deviceIdOf, type HidDeviceInfo } from '../../../shared/node/scanners';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { FakeHidBus } from '../../support/fake-hid';
import { ManualClock } from '../../support/manual-clock';
import { ManualScannerTimers, flushPromises } from '../../support/manual-scanner-timers';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';
import { fromHex, loadFixture } from '../../unit/domain/scanner-input/fixtures';

const keyboardReports = loadFixture<{ reports: string[] }>('hid', 'keyboard-boot-mrz-td3').reports;
const posReports = loadFixture<{ reports: string[] }>('hid', 'hid-pos-hc1-honeywell64').reports;

const KEYBOARD: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw3', product: 'Honeywell Scanner', manufacturer: 'Honeywell', serialNumber: '19120B4A21', interface: 0, usagePage: 0x01, usage: 0x06 };
const POS: HidDeviceInfo = { ...KEYBOARD, path: '/dev/hidraw4', interface: 1, usagePage: 0x8c, usage: 0x02 };
const keyboardScanner: ScannerAssignment = { kind: 'hid-keyboard', lane: 'lane-1', label: 'Passport scanner', device: { vendorId: 0x0c2e, productId: 0x0b61, serialNumber: '19120B4A21', usagePage: 0x01, interface: 0 }, layout: 'us' };
const posScanner: ScannerAssignment = { kind: 'hid-pos', lane: 'lane-1', device: { vendorId: 0x0c2e, productId: 0x0b61, serialNumber: '19120B4A21', usagePage: 0x8c, interface: 1 }, format: 'honeywell64' };

async function station(dataDir = tempDir(), bus = new FakeHidBus()) {
  const timers = new ManualScannerTimers();
  const manager = new ScannerManager({ hid: bus.module, serial: null, timers, backoffMs: [1000], warn: () => undefined });
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock: new ManualClock(new Date('2021-03-15T08:00:00Z')),
    logger: silentLogger,
    bootstrap: testBootstrap('admin', { roles: ['operator'] }),
    scanners: manager,
  });
  const events: CoreEvent[] = [];
  core.subscribe((event) => events.push(event));
  return { core, bus, timers, events, dataDir };
}

async function signInAs(core: Core, role: 'operator' | 'admin'): Promise<void> {
  await core.logout({});
  unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
}

const ofType = <T extends CoreEvent['type']>(events: readonly CoreEvent[], type: T) =>
  events.filter((event): event is Extract<CoreEvent, { type: T }> => event.type === type);

describe('scanner devices in the core', () => {
  it('runs a device scan through the scan use-case and pushes it to the lane; the next device scan joins that traveller', async () => {
    const { core, bus, timers, events } = await station();
    bus.plug(KEYBOARD);
    bus.plug(POS);
    const listed = unwrap(await core.listScanners({}));
    expect(listed.devices.map((device) => [device.deviceId, device.assigned])).toEqual([
      [deviceIdOf(posScanner), false],
      [deviceIdOf(keyboardScanner), false],
    ]);

    expect(unwrap(await core.assignScanner({ assignment: keyboardScanner }))).toMatchObject({ label: 'Passport scanner', lane: 'lane-1' });
    unwrap(await core.assignScanner({ assignment: posScanner }));
    await flushPromises();
    expect(ofType(events, 'scanner-status').filter((event) => event.scanner.state === 'connected')).toHaveLength(2);
    expect(unwrap(await core.listScanners({})).devices.every((device) => device.assigned)).toBe(true);

    await signInAs(core, 'operator');
    for (const hex of keyboardReports) bus.report(KEYBOARD.path ?? '', fromHex(hex));
    await timers.advance(1000);
    await expect.poll(() => ofType(events, 'scan-received').length).toBe(1);
    const passport = ofType(events, 'scan-received')[0];
    expect(passport).toMatchObject({ lane: 'lane-1', deviceId: deviceIdOf(keyboardScanner) });
    expect(passport?.scan).toMatchObject({ source: 'hid-keyboard', classification: { kind: 'mrz' }, document: { surname: 'ERIKSSON', documentNumber: 'L898902C3' } });

    // The certificate scanned next on the HID POS interface joins the same traveller.
    for (const hex of posReports) bus.report(POS.path ?? '', fromHex(hex));
    await expect.poll(() => ofType(events, 'scan-received').length).toBe(2);
    const certificate = ofType(events, 'scan-received')[1]?.scan;
    expect(certificate?.source).toBe('hid-pos');
    expect(certificate?.scanId).toBe(passport?.scan.scanId);
    expect(certificate?.document?.surname).toBe('ERIKSSON');

    // The lane went idle (Escape) and is set to exit: the next device scan starts a new transaction.
    unwrap(await core.setLaneContext({ direction: 'exit', openScanId: null }));
    for (const hex of keyboardReports) bus.report(KEYBOARD.path ?? '', fromHex(hex));
    await timers.advance(1000);
    await expect.poll(() => ofType(events, 'scan-received').length).toBe(3);
    expect(ofType(events, 'scan-received')[2]?.scan.scanId).not.toBe(passport?.scan.scanId);
    core.close();
  });

  it('refuses device scans while nobody is signed in, and says so on the lane', async () => {
    const { core, bus, events } = await station();
    bus.plug(POS);
    unwrap(await core.assignScanner({ assignment: posScanner }));
    await flushPromises();
    await core.logout({});
    for (const hex of posReports) bus.report(POS.path ?? '', fromHex(hex));
    await expect.poll(() => ofType(events, 'scan-rejected')).toEqual([
      {
        type: 'scan-rejected',
        lane: 'lane-1',
        deviceId: deviceIdOf(posScanner),
        message: 'Sign in first: enter your user name and PIN.',
        error: { code: 'unauthenticated', key: 'access.signInRequired', message: 'Sign in first: enter your user name and PIN.' },
      },
    ]);
    expect(ofType(events, 'scan-received')).toEqual([]);
    core.close();
  });

  it('keeps the configuration in the station settings: a restart reconnects the same scanners', async () => {
    const dataDir = tempDir();
    const first = await station(dataDir);
    unwrap(await first.core.assignScanner({ assignment: posScanner }));
    unwrap(await first.core.assignScanner({ assignment: { ...keyboardScanner, layout: 'de' } }));
    unwrap(await first.core.unassignScanner({ deviceId: deviceIdOf(keyboardScanner) }));
    expect(unwrap(await first.core.unassignScanner({ deviceId: 'serial:/dev/ttyUSB9' }))).toEqual({ deviceId: 'serial:/dev/ttyUSB9', removed: false });
    first.core.close();

    const bus = new FakeHidBus();
    bus.plug(POS);
    const second = await station(dataDir, bus);
    await flushPromises();
    const status = unwrap(await second.core.getScannerStatus({}));
    expect(status.scanners.map((scanner) => [scanner.deviceId, scanner.state])).toEqual([[deviceIdOf(posScanner), 'connected']]);
    expect(bus.isOpen(POS.path ?? '')).toBe(true);
    second.core.close();
    expect(bus.isOpen(POS.path ?? '')).toBe(false);
  });

  it('lets only admins change scanners or read the test area; anyone sees the status lights', async () => {
    const { core } = await station();
    await signInAs(core, 'operator');
    const denied = await core.assignScanner({ assignment: posScanner });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    const feed = await core.getScannerFeed({});
    expect(feed.ok ? 'ok' : feed.error.code).toBe('forbidden');
    await core.logout({});
    expect(unwrap(await core.getScannerStatus({}))).toEqual({ scanners: [] });
    core.close();
  });

  it('rejects a configuration outside the contract (unknown baud rate, bad lane name)', async () => {
    const { core } = await station();
    const bad = await core.assignScanner({ assignment: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 12345, framing: 'lines' } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-input');
    const badLane = await core.assignScanner({ assignment: { ...posScanner, lane: '../../etc' } });
    expect(badLane.ok ? 'ok' : badLane.error.code).toBe('invalid-input');
    core.close();
  });

  it('keeps working without a host scanner runtime (tests, CLI): configured scanners show as unavailable', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap('admin') });
    unwrap(await core.assignScanner({ assignment: posScanner }));
    const listed = unwrap(await core.listScanners({}));
    expect(listed.support.hid.available).toBe(false);
    expect(listed.configured[0]?.status).toMatchObject({ state: 'unavailable', message: expect.stringContaining('does not run scanner devices') });
    expect(unwrap(await core.getScannerFeed({ limit: 5 }))).toEqual({ entries: [] });
    core.close();
  });

  it('keeps the wedge settings (threshold, prefix, suffix) that every lane screen reads', async () => {
    const dataDir = tempDir();
    const { core, events } = await station(dataDir);
    expect(unwrap(await core.getWedgeSettings({}))).toEqual({ maxGapMs: 30, minLength: 4, prefix: '', suffix: '', fixKeyboardLayout: true });
    const saved = unwrap(await core.saveWedgeSettings({ settings: { maxGapMs: 25, endIdleMs: 120, prefix: '~', suffix: '#' } }));
    expect(saved).toEqual({ maxGapMs: 25, endIdleMs: 120, minLength: 4, prefix: '~', suffix: '#', fixKeyboardLayout: true });
    expect(events).toContainEqual({ type: 'log-changed', what: 'setup' });
    await signInAs(core, 'operator');
    const denied = await core.saveWedgeSettings({ settings: { maxGapMs: 90 } });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    core.close();
    const again = await station(dataDir);
    await again.core.logout({});
    expect(unwrap(await again.core.getWedgeSettings({}))).toEqual(saved);
    again.core.close();
  });
});
