/**
 * How long an operator waits: from the last keystroke of a scanner burst to the outcome panel on
 * screen. The wedge capture knows when a burst ended (the key event's timestamp, on the same clock as
 * performance.now()); the panel's paint is taken as the first task after the next animation frame.
 * Each wait becomes a `performance.measure` named SCAN_TO_OUTCOME, readable by the e2e tests and in
 * the browser's performance panel.
 */
export const SCAN_TO_OUTCOME = 'lane:scan-to-outcome';
export const SCAN_END_MARK = 'lane:scan-last-key';
export const OUTCOME_PAINTED_MARK = 'lane:outcome-painted';

let pendingStart: number | undefined;

/** A scan burst ended at `endedAt` (performance.now() clock); the next outcome shown answers it. */
export function markScanEnded(endedAt: number): void {
  pendingStart = endedAt;
  performance.mark(SCAN_END_MARK, { startTime: endedAt });
}

/** The scan got no outcome (an error): nothing to measure. */
export function forgetScan(): void {
  pendingStart = undefined;
}

/** Called once the outcome for the pending scan has been rendered (an effect after commit). */
export function measureWhenPainted(outcome: string): void {
  const start = pendingStart;
  pendingStart = undefined;
  if (start === undefined) return;
  requestAnimationFrame(() => {
    // rAF runs just before the frame is painted; a message posted from it is handled after the paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      const end = performance.now();
      performance.mark(OUTCOME_PAINTED_MARK, { startTime: end, detail: { outcome } });
      performance.measure(SCAN_TO_OUTCOME, { start, end, detail: { outcome } });
    };
    channel.port2.postMessage(null);
  });
}
