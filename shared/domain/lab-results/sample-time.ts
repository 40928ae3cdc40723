import { StationTime, isValidTimeZone, offsetText } from '../export';
import { isoDateOf, readTypedDateTime } from '../typed-date';

// The zone a lab in each country of the corridors writes its sample times in, when the list does not say
// (Kazakhstan moved to one zone, UTC+5, on 2024-03-01; Asia/Almaty carries that change).
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  KZ: 'Asia/Almaty',
  UZ: 'Asia/Tashkent',
  TJ: 'Asia/Dushanbe',
  KG: 'Asia/Bishkek',
  TM: 'Asia/Ashgabat',
  RU: 'Europe/Moscow',
  AF: 'Asia/Kabul',
  CN: 'Asia/Shanghai',
  TR: 'Europe/Istanbul',
};

export const defaultLabZone = (country: string): string | undefined => COUNTRY_ZONES[country.toUpperCase()];

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A sample time as a lab list writes it (`01.06.2021 08:30`, `2021-06-01 08:30`, or ISO with its offset),
 * read in the zone the list names (an IANA name or `+05:00`), else the lab's country's zone. Answers ISO 8601
 * with the offset in force there, or undefined when the text or the zone is not usable.
 */
export function readSampleTime(text: string, zone: string | undefined): string | undefined {
  const trimmed = text.trim();
  if (WITH_OFFSET.test(trimmed)) return Number.isNaN(Date.parse(trimmed)) ? undefined : trimmed;
  // Seconds, when written, do not change a sample's age in hours.
  const typed = readTypedDateTime(trimmed.replace(/(\d{1,2}[:.]\d{2})[:.]\d{2}$/, '$1'));
  if (!typed) return undefined;
  const wallMs = Date.UTC(typed.year, typed.month - 1, typed.day, typed.hour, typed.minute);
  const offsetMs = offsetOf(zone, wallMs);
  if (offsetMs === undefined) return undefined;
  const local = `${isoDateOf(typed)}T${String(typed.hour).padStart(2, '0')}:${String(typed.minute).padStart(2, '0')}:00`;
  return `${local}${offsetText(offsetMs)}`;
}

function offsetOf(zone: string | undefined, wallMs: number): number | undefined {
  if (zone === undefined || zone.trim() === '') return undefined;
  const fixed = OFFSET.exec(zone.trim());
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return minutes > 14 * 60 ? undefined : (fixed[1] === '-' ? -1 : 1) * minutes * 60_000;
  }
  if (!isValidTimeZone(zone.trim())) return undefined;
  const clock = new StationTime(zone.trim());
  // The offset at the wall time taken as UTC, then again at the instant that gives (a zone's change of offset).
  const first = clock.offsetMs(wallMs);
  return clock.offsetMs(wallMs - first);
}
