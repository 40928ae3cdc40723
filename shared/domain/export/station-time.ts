/**
 * Instants shown in the station's time zone (an IANA name such as "Asia/Tashkent"), written as ISO 8601
 * with the numeric offset ("2021-03-01T14:05:03.120+05:00"), so a reader far away sees the station's
 * wall clock and can still compare instants. Intl (ECMA-402) knows every zone in the browser and in Node,
 * so no time-zone database ships with us.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Offsets are cached per quarter hour of UTC: zones change offset on quarter-hour boundaries at most. */
const BUCKET_MS = 15 * MINUTE_MS;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const offsetText = (offsetMs: number): string => {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/** Formats instants in one zone; fast enough for 100k rows because the offset is cached. */
export class StationTime {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly offsetTexts = new Map<number, string>();

  constructor(readonly zone: string) {
    if (!isValidTimeZone(zone)) throw new RangeError(`"${zone}" is not a time zone name (use an IANA name such as Asia/Tashkent)`);
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to UTC to get the zone's wall clock at that instant. */
  offsetMs(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    const cached = this.offsets.get(bucket);
    if (cached !== undefined) return cached;
    const at = bucket * BUCKET_MS;
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    const offset = Math.round((wall - at) / MINUTE_MS) * MINUTE_MS;
    this.offsets.set(bucket, offset);
    return offset;
  }

  /** "2021-03-01T14:05:03.120+05:00" */
  iso(ms: number): string {
    const offset = this.offsetMs(ms);
    let text = this.offsetTexts.get(offset);
    if (text === undefined) this.offsetTexts.set(offset, (text = offsetText(offset)));
    return `${new Date(ms + offset).toISOString().slice(0, 23)}${text}`;
  }

  /** The ISO text of an ISO instant in this zone; null stays null. */
  isoOf(text: string | null): string | null {
    return text === null ? null : this.iso(Date.parse(text));
  }

  /** The start of the wall-clock hour holding the instant, e.g. "2021-03-01T14:00+05:00" (summary buckets). */
  hourOf(ms: number): string {
    const offset = this.offsetMs(ms);
    const wallHour = Math.floor((ms + offset) / HOUR_MS) * HOUR_MS;
    return `${new Date(wallHour).toISOString().slice(0, 16)}${offsetText(offset)}`;
  }

  /** The calendar date (YYYY-MM-DD) at the station at that instant. */
  dateOf(ms: number): string {
    return new Date(ms + this.offsetMs(ms)).toISOString().slice(0, 10);
  }

  /** The UTC instant of a wall-clock time in this zone (for a time skipped by a DST change: the moment after). */
  instantOf(year: number, month: number, day: number, hour = 0, minute = 0): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    let guess = wall - this.offsetMs(wall);
    // Twice: the offset at the first guess may differ from the one at the answer near a DST change.
    guess = wall - this.offsetMs(guess);
    return guess;
  }

  /** The calendar day `YYYY-MM-DD` at the station as [from, to) instants: 23, 24 or 25 hours long. */
  dayPeriod(date: string): { fromMs: number; toMs: number } {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    return {
      fromMs: this.instantOf(year, month, day),
      toMs: this.instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
    };
  }
}
