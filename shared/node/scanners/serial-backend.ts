/**
 * The part of `serialport` (13.x) the scanner manager uses. `SerialPort.list()` runs `udevadm` on
 * Linux; where it is missing the list fails with ENOENT and the admin types the port path instead.
 */
export interface SerialPortInfo {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
}

export interface SerialHandle {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** Emitted with `{ disconnected: true }` when the device went away (USB serial unplugged). */
  on(event: 'close', listener: (error?: unknown) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  readonly isOpen: boolean;
  close(callback?: (error?: Error | null) => void): void;
}

export interface SerialBackend {
  list(): Promise<SerialPortInfo[]>;
  open(path: string, baudRate: number): Promise<SerialHandle>;
}

interface SerialPortModule {
  SerialPort: {
    list(): Promise<SerialPortInfo[]>;
    new (options: { path: string; baudRate: number; autoOpen: false }): SerialHandle & { open(callback: (error: Error | null) => void): void };
  };
}

export async function loadSerialPort(): Promise<SerialBackend> {
  const { SerialPort } = (await import('serialport')) as unknown as SerialPortModule;
  return {
    list: () => SerialPort.list(),
    open: (path, baudRate) =>
      new Promise((resolve, reject) => {
        const port = new SerialPort({ path, baudRate, autoOpen: false });
        port.open((error) => (error ? reject(error) : resolve(port)));
      }),
  };
}
