import { isValidTimeZone, StationTime } from '../export/station-time';
import { readTypedDateTime } from '../typed-date';

/**
 * A paper certificate prints the sample time on the lab's wall clock, without a zone: it is read in the lab's zone,
 * not the station PC's (a Kazakh lab's 14:30 is 15:30 in Tashkent in 2021). The zone is asked with the lab; by
 * default it is the issuing country's. Countries of the corridors and their neighbours; Kazakhstan's default is
 * Almaty (most of its labs; the western regions' labs are one hour behind, and the form lets the operator say so).
 */
export const LAB_COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  UZ: 'Asia/Tashkent',
  KZ: 'Asia/Almaty',
  TJ: 'Asia/Dushanbe',
  KG: 'Asia/Bishkek',
  TM: 'Asia/Ashgabat',
  AF: 'Asia/Kabul',
  RU: 'Europe/Moscow',
  CN: 'Asia/Shanghai',
  TR: 'Europe/Istanbul',
  IR: 'Asia/Tehran',
};

/** The lab's zone: the one named, else the issuing country's; undefined when neither is known. */
export function labTimeZone(country: string | undefined, zone: string | undefined): string | undefined {
  if (zone !== undefined) return isValidTimeZone(zone) ? zone : undefined;
  return country === undefined ? undefined : LAB_COUNTRY_TIME_ZONES[country.toUpperCase()];
}

/** The instant of a sample time typed as printed (`01.06.2021 14:30`, `2021-06-01 14:30`) on the lab's clock. */
export function labSampleInstant(typed: string, zone: string): Date | undefined {
  const wall = readTypedDateTime(typed);
  if (!wall || !isValidTimeZone(zone)) return undefined;
  return new Date(new StationTime(zone).instantOf(wall.year, wall.month, wall.day, wall.hour, wall.minute));
}
