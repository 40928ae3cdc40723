import { describe, expect, it } from 'vitest';
import { hidDeviceId, hidMatches, serialDeviceId } from '../../../../shared/domain/scanner-input';

describe('scanner device ids', () => {
  const scanner = { vendorId: 0x0c2e, productId: 0x0b61, serialNumber: '19120B4A21', interface: 1, usagePage: 0x8c };

  it('names a HID device by what it reports about itself, not by its path', () => {
    expect(hidDeviceId(scanner)).toBe('hid:0c2e:0b61:sn=19120B4A21:if=1:up=008c');
    expect(hidDeviceId({ vendorId: 0x0c2e, productId: 0x0b61, interface: -1 })).toBe('hid:0c2e:0b61');
    expect(serialDeviceId('/dev/ttyUSB0')).toBe('serial:/dev/ttyUSB0');
  });

  it('matches a replugged device; fields the assignment leaves out match anything', () => {
    expect(hidMatches(scanner, { ...scanner })).toBe(true);
    expect(hidMatches({ vendorId: 0x0c2e, productId: 0x0b61 }, scanner)).toBe(true);
    expect(hidMatches(scanner, { ...scanner, interface: 0, usagePage: 0x01 })).toBe(false);
    expect(hidMatches(scanner, { ...scanner, serialNumber: 'OTHER' })).toBe(false);
  });
});
