/**
 * Does a wedge scan already hold everything its format can carry? A multi-line MRZ arrives as line, Enter,
 * line, Enter…, so the burst detector normally waits `endIdleMs` after each Enter for another line. When the
 * lines are provably whole — every line of a TD1/TD2/TD3 zone, an `HC1:` certificate, a `shc:/` code or a
 * URL (none of which can contain a line break) — waiting only adds latency at the lane.
 */
const MRZ_LINES_BY_LENGTH: ReadonlyMap<number, number> = new Map([
  [30, 3], // TD1
  [36, 2], // TD2, MRV-B
  [44, 2], // TD3, MRV-A
]);

const MRZ_LINE = /^[A-Z0-9<]+$/;
// Base45 (HC1) includes the space; URLs and SMART Health Cards (digits) have none.
const SINGLE_LINE_PAYLOAD = /^(HC1:.+|shc:\/[0-9/]+|https?:\/\/\S+)$/i;

export function isCompleteScan(lines: readonly string[]): boolean {
  if (lines.length === 0) return false;
  if (lines.length === 1 && SINGLE_LINE_PAYLOAD.test(lines[0]!)) return true;
  const length = lines[0]!.length;
  const expected = MRZ_LINES_BY_LENGTH.get(length);
  // Exact lengths and alphabet only: a garbled zone waits out the idle window as before, losing nothing.
  return expected === lines.length && lines.every((line) => line.length === length && MRZ_LINE.test(line) && line.includes('<'));
}
