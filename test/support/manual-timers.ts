import type { Timers } from '../../shared/app/export/outbox-pusher';

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delay of the one scheduled timer (the pusher keeps at most one). */
  get scheduledMs(): number | undefined {
    return [...this.pending.values()][0]?.ms;
  }
}
