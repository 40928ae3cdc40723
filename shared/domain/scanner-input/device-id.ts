/**
 * Stable ids for scanner devices. A HID device's path (/dev/hidraw3, a Windows device path) changes
 * when it is plugged into another port or re-enumerates, so it is named by what it reports about
 * itself (USB vendor and product id, serial number, interface and usage page — one scanner can expose
 * a keyboard and a HID POS interface). A serial reader is named by its port.
 */
export interface HidIdentity {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly interface?: number | undefined;
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');

export function hidDeviceId(device: HidIdentity): string {
  const parts = [`hid:${hex4(device.vendorId)}:${hex4(device.productId)}`];
  if (device.serialNumber) parts.push(`sn=${device.serialNumber}`);
  if (device.interface !== undefined && device.interface >= 0) parts.push(`if=${device.interface}`);
  if (device.usagePage !== undefined) parts.push(`up=${hex4(device.usagePage)}`);
  return parts.join(':');
}

export function serialDeviceId(path: string): string {
  return `serial:${path}`;
}

/** Whether a listed device is the one an assignment names (fields the assignment leaves out match anything). */
export function hidMatches(want: HidIdentity, found: HidIdentity): boolean {
  return (
    want.vendorId === found.vendorId &&
    want.productId === found.productId &&
    (!want.serialNumber || want.serialNumber === found.serialNumber) &&
    (want.usagePage === undefined || want.usagePage === found.usagePage) &&
    (want.interface === undefined || want.interface < 0 || want.interface === found.interface)
  );
}

/** HID Point of Sale Usage Tables 1.02: usage page 0x8C is "Bar Code Scanner". */
export const HID_POS_USAGE_PAGE = 0x8c;
/** HID Usage Tables 1.3: Generic Desktop (0x01) usage 0x06 is Keyboard; page 0x07 holds the key codes. */
export const GENERIC_DESKTOP_PAGE = 0x01;
export const KEYBOARD_USAGE = 0x06;
