import type { ScannerTimers, TimerHandle } from '../../shared/node/scanners';

/** Scanner timers that only fire when the test advances time; `now()` starts at a fixed instant. */
export class ManualScannerTimers implements ScannerTimers {
  private current: number;
  private pending: { at: number; seq: number; run: () => void; handle: TimerHandle }[] = [];
  private seq = 0;

  constructor(start = Date.parse('2021-03-15T08:00:00Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(run: () => void, ms: number): TimerHandle {
    const handle: TimerHandle = { timer: (this.seq += 1) };
    this.pending.push({ at: this.current + ms, seq: this.seq, run, handle });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((timer) => timer.handle !== handle);
  }

  /** Moves time forward, firing due timers in order (and the ones they schedule within the span). */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending[0];
      if (!next || next.at > end) break;
      this.pending.shift();
      this.current = Math.max(this.current, next.at);
      next.run();
      // Connecting is async (await on the backend): let those promises settle before the next timer.
      await flushPromises();
    }
    this.current = end;
    await flushPromises();
  }

  scheduled(): number {
    return this.pending.length;
  }
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
