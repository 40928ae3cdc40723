import { StationTime } from '../../../shared/domain/export/station-time';

/** What the shift lead picked: a station calendar day, the current shift, or explicit wall-clock times. */
export type PeriodChoice =
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'shift' }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

/** The shift the station works: 12 hours, as at the corridor's checkpoints (08:00–20:00, 20:00–08:00). */
export const SHIFT_HOURS = 12;
const SHIFT_STARTS = [8, 20];

export type PeriodInput = { date?: string; from?: string; to?: string };

/** The current shift at the station: the 08:00 or 20:00 start (station time) at or before now, 12 hours long. */
export function currentShift(timeZone: string, nowMs: number): { from: string; to: string } {
  const time = new StationTime(timeZone);
  const [year, month, day] = time.dateOf(nowMs).split('-').map(Number) as [number, number, number];
  const starts = [-1, 0]
    .flatMap((offset) => SHIFT_STARTS.map((hour) => time.instantOf(year, month, day + offset, hour)))
    .filter((ms) => ms <= nowMs);
  const fromMs = Math.max(...starts);
  return { from: time.iso(fromMs), to: time.iso(fromMs + SHIFT_HOURS * 3_600_000) };
}

/** `2021-03-01T08:00` (a datetime-local value, wall clock at the station) → ISO with the station's offset. */
export function wallTimeToIso(timeZone: string, wall: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const time = new StationTime(timeZone);
  return time.iso(time.instantOf(year, month, day, hour, minute));
}

/** The core's period fields for a choice; null while the times typed are incomplete. */
export function periodInput(choice: PeriodChoice, timeZone: string, nowMs: number): PeriodInput | null {
  if (choice.kind === 'day') return choice.date === '' ? {} : { date: choice.date };
  if (choice.kind === 'shift') return currentShift(timeZone, nowMs);
  const from = wallTimeToIso(timeZone, choice.from);
  const to = wallTimeToIso(timeZone, choice.to);
  return from && to ? { from, to } : null;
}

/** "1 Mar 2021 08:00 – 20:00 (Asia/Tashkent)" for headings and the report. */
export function periodText(period: { from: string; to: string; timeZone: string }): string {
  const wall = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const from = wall(period.from);
  const to = wall(period.to);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from} – ${sameDay ? to.slice(11) : to} (${period.timeZone})`;
}
