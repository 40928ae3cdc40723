/**
 * The part of node-hid the scanner manager uses (node-hid 3.x, `nodehid.d.ts`): `devices()` lists
 * what hidapi sees, `new HID(path)` opens one and starts reading, emitting 'data' with each input
 * report and 'error' when a read fails — which is how an unplugged device shows itself.
 * Tests replace it with a fake of the same shape; no real hidraw exists on our build machines.
 */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly product?: string | undefined;
  readonly release?: number | undefined;
  readonly interface?: number | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
}

export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): void;
}

/** node-hid's module shape: what `import('node-hid')` gives, and what a test fake provides. */
export interface HidBackend {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidDeviceHandle;
}

/** Loads node-hid on first use: a missing or mismatched native build must not stop the app. */
export async function loadNodeHid(): Promise<HidBackend> {
  const loaded = (await import('node-hid')) as unknown as HidBackend & { default?: HidBackend };
  const hid = loaded.default ?? loaded;
  return { devices: () => hid.devices(), HID: hid.HID };
}
