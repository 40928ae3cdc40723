import { describe, expect, it } from 'vitest';
import { StationTime, isValidTimeZone } from '../../../../shared/domain/export';

describe('StationTime', () => {
  it('writes instants with the zone offset, milliseconds kept', () => {
    const tashkent = new StationTime('Asia/Tashkent');
    expect(tashkent.iso(Date.parse('2021-03-01T09:05:03.120Z'))).toBe('2021-03-01T14:05:03.120+05:00');
    expect(new StationTime('UTC').iso(0)).toBe('1970-01-01T00:00:00.000+00:00');
    expect(new StationTime('Asia/Kathmandu').iso(Date.parse('2021-03-01T00:00:00Z'))).toBe('2021-03-01T05:45:00.000+05:45');
    expect(new StationTime('America/St_Johns').iso(Date.parse('2021-01-01T12:00:00Z'))).toBe('2021-01-01T08:30:00.000-03:30');
  });

  it('follows daylight saving changes (Europe/Berlin, 28 March 2021)', () => {
    const berlin = new StationTime('Europe/Berlin');
    expect(berlin.iso(Date.parse('2021-03-28T00:59:59Z'))).toBe('2021-03-28T01:59:59.000+01:00');
    expect(berlin.iso(Date.parse('2021-03-28T01:00:00Z'))).toBe('2021-03-28T03:00:00.000+02:00');
    const day = berlin.dayPeriod('2021-03-28');
    expect(new Date(day.fromMs).toISOString()).toBe('2021-03-27T23:00:00.000Z');
    expect(new Date(day.toMs).toISOString()).toBe('2021-03-28T22:00:00.000Z');
    expect((day.toMs - day.fromMs) / 3_600_000).toBe(23);
    const autumn = berlin.dayPeriod('2021-10-31');
    expect((autumn.toMs - autumn.fromMs) / 3_600_000).toBe(25);
  });

  it('gives the station day as [from, to) and the hour bucket of an instant', () => {
    const tashkent = new StationTime('Asia/Tashkent');
    const day = tashkent.dayPeriod('2021-03-01');
    expect(tashkent.iso(day.fromMs)).toBe('2021-03-01T00:00:00.000+05:00');
    expect(tashkent.iso(day.toMs)).toBe('2021-03-02T00:00:00.000+05:00');
    expect(tashkent.dateOf(Date.parse('2021-03-01T19:30:00Z'))).toBe('2021-03-02');
    expect(tashkent.hourOf(Date.parse('2021-03-01T09:05:03Z'))).toBe('2021-03-01T14:00+05:00');
  });

  it('refuses names that are not IANA zones', () => {
    expect(isValidTimeZone('Asia/Tashkent')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => new StationTime('Nowhere/Town')).toThrow(/not a time zone/);
    expect(() => new StationTime('UTC').dayPeriod('1 March')).toThrow(/not a date/);
  });
});
