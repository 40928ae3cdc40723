/** Time for the scanner adapters, injected so tests drive reconnects and frame timeouts by hand. */
export type TimerHandle = { readonly timer: unknown };

export interface ScannerTimers {
  /** Wall-clock milliseconds (Date.now()); scans are stamped with it. */
  now(): number;
  setTimeout(run: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemTimers: ScannerTimers = {
  now: () => Date.now(),
  setTimeout(run, ms) {
    const timer = setTimeout(run, ms);
    // Waiting for a scanner to come back must never keep a closing process alive.
    timer.unref();
    return { timer };
  },
  clearTimeout: (handle) => clearTimeout(handle.timer as ReturnType<typeof setTimeout>),
};
