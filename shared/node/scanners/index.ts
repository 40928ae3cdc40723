/** Scanner devices owned by the host process: HID via node-hid, serial readers via serialport. */
export { ScannerManager, deviceIdOf, type ScannerManagerOptions } from './scanner-manager';
export type { DeviceListing, ScannerRuntime, ScannerSink, ScannerSupport } from './scanner-runtime';
export type { HidBackend, HidDeviceHandle, HidDeviceInfo } from './hid-backend';
export type { SerialBackend, SerialHandle, SerialPortInfo } from './serial-backend';
export { systemTimers, type ScannerTimers, type TimerHandle } from './timers';
export { DEFAULT_BACKOFF_MS, labelOf } from './device-session';
export { createScannerDecoder, type DecodeOutput, type ScannerDecoder } from './scanner-decoder';
