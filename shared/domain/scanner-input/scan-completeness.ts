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
  // Exact lengths and alphabet only: a garbled zone waits out the idle window as before, losing nothing.
  return mrzLinesExpected(lines) === lines.length;
}

/**
 * The first line(s) of an MRZ whose other lines have not arrived yet (e.g. a TD3 first line and its
 * Enter). On a busy PC the rest can reach the page hundreds of milliseconds later; closing the scan there
 * would split one passport into two unreadable halves, so the wedge capture waits longer for them.
 */
export function isPartialMrz(lines: readonly string[]): boolean {
  const expected = mrzLinesExpected(lines);
  return expected !== undefined && lines.length < expected;
}

/** How many lines the MRZ these lines begin has, if every line so far is an MRZ line of one known length. */
function mrzLinesExpected(lines: readonly string[]): number | undefined {
  if (lines.length === 0) return undefined;
  const length = lines[0]!.length;
  const expected = MRZ_LINES_BY_LENGTH.get(length);
  if (expected === undefined || lines.length > expected) return undefined;
  return lines.every((line) => line.length === length && MRZ_LINE.test(line) && line.includes('<')) ? expected : undefined;
}
