import { describe, expect, it } from 'vitest';
import { ScannerManager } from '../../../shared/node/scanners';

describe('the real node-hid and serialport modules', () => {
  it('load on first use and list what this machine has (no hidraw here) without throwing', async () => {
    const manager = new ScannerManager({ warn: () => undefined });
    const listing = await manager.listDevices();
    expect(listing.support.hid.available).toBe(true);
    expect(listing.support.serial.available).toBe(true);
    expect(listing.devices.every((device) => device.deviceId.startsWith(`${device.transport}:`))).toBe(true);
    await manager.stop();
  });
});
