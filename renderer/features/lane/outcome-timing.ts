/**
 * How long an operator waits: from the last keystroke of a scanner burst to the outcome panel on
 * screen. The wedge capture knows when a burst ended (the key event's timestamp, on the same clock as
 * performance.now()) and when that key reached the page; the panel's paint is taken as the first task
 * after the next animation frame. Each wait becomes a `performance.measure` named SCAN_TO_OUTCOME,
 * readable by the e2e tests and in the browser's performance panel; its detail splits the wait into
 * key delivery (timestamp → arrival), the core's answer (arrival → answer) and rendering (answer → paint).
 */
export const SCAN_TO_OUTCOME = 'lane:scan-to-outcome';
export const SCAN_END_MARK = 'lane:scan-last-key';
export const OUTCOME_PAINTED_MARK = 'lane:outcome-painted';

export interface ScanToOutcomeDetail {
  readonly outcome: string;
  readonly deliveryMs: number;
  readonly coreMs: number;
  readonly renderMs: number;
}

interface Timing {
  readonly endedAt: number;
  readonly arrivedAt: number;
  answeredAt: number | undefined;
}

let timing: Timing | undefined;

/** A scan burst ended at `endedAt` and its last key arrived at `arrivedAt` (performance.now() clock); the next outcome shown answers it. */
export function markScanEnded(endedAt: number, arrivedAt: number = endedAt): void {
  timing = { endedAt, arrivedAt: Math.max(endedAt, arrivedAt), answeredAt: undefined };
  performance.mark(SCAN_END_MARK, { startTime: endedAt });
}

/** The core answered the scan being timed; React renders it next. */
export function markCoreAnswered(): void {
  if (timing) timing.answeredAt = performance.now();
}

/** The scan got no outcome (an error): nothing to measure. */
export function forgetScan(): void {
  timing = undefined;
}

/** Called once the outcome for the scan being timed has been rendered (an effect after commit). */
export function measureWhenPainted(outcome: string): void {
  const started = timing;
  timing = undefined;
  if (started === undefined) return;
  requestAnimationFrame(() => {
    // rAF runs just before the frame is painted; a message posted from it is handled after the paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      const end = performance.now();
      const answeredAt = started.answeredAt ?? end;
      const detail: ScanToOutcomeDetail = {
        outcome,
        deliveryMs: started.arrivedAt - started.endedAt,
        coreMs: answeredAt - started.arrivedAt,
        renderMs: end - answeredAt,
      };
      performance.mark(OUTCOME_PAINTED_MARK, { startTime: end, detail });
      performance.measure(SCAN_TO_OUTCOME, { start: started.endedAt, end, detail });
    };
    channel.port2.postMessage(null);
  });
}
