import { describe, expect, it } from 'vitest';
import { currentShift, periodInput, wallTimeToIso } from '../../../renderer/features/export/export-period';
import { reportFileName } from '../../../renderer/features/export/print-report';
import { hourlySeries } from '../../../renderer/features/export/ReportChart';

const ZONE = 'Asia/Tashkent'; // UTC+5, no DST

describe('Export screen periods (station time zone)', () => {
  it('the current shift starts at 08:00 or 20:00 station time and lasts 12 hours', () => {
    expect(currentShift(ZONE, Date.parse('2021-03-01T05:00:00Z'))).toEqual({ from: '2021-03-01T08:00:00.000+05:00', to: '2021-03-01T20:00:00.000+05:00' });
    // 02:00 in Tashkent: the night shift that began yesterday at 20:00.
    expect(currentShift(ZONE, Date.parse('2021-02-28T21:00:00Z'))).toEqual({ from: '2021-02-28T20:00:00.000+05:00', to: '2021-03-01T08:00:00.000+05:00' });
    expect(currentShift(ZONE, Date.parse('2021-03-01T03:00:00Z')).from).toBe('2021-03-01T08:00:00.000+05:00');
  });

  it('wall-clock times typed at the station become instants with the station offset', () => {
    expect(wallTimeToIso(ZONE, '2021-03-01T08:30')).toBe('2021-03-01T08:30:00.000+05:00');
    expect(wallTimeToIso('Europe/Berlin', '2021-07-01T08:30')).toBe('2021-07-01T08:30:00.000+02:00');
    expect(wallTimeToIso(ZONE, '2021-03-01')).toBeNull();
    expect(periodInput({ kind: 'range', from: '2021-03-01T08:00', to: '' }, ZONE, 0)).toBeNull();
    expect(periodInput({ kind: 'day', date: '' }, ZONE, 0)).toEqual({});
    expect(periodInput({ kind: 'day', date: '2021-03-01' }, ZONE, 0)).toEqual({ date: '2021-03-01' });
  });

  it('the report chart has every hour of the period, zeros for quiet hours', () => {
    const series = hourlySeries({
      period: { from: '2021-03-01T00:00:00.000+05:00', to: '2021-03-02T00:00:00.000+05:00', timeZone: ZONE },
      byHour: [{ hour: '2021-03-01T14:00+05:00', total: 3, entry: 3, exit: 0, OK: 2, NOT_OK: 1, NEEDS_CROSS_CHECK: 0 }],
    });
    expect(series).toHaveLength(24);
    expect(series[0]).toEqual({ hour: '00:00', OK: 0, NOT_OK: 0, NEEDS_CROSS_CHECK: 0 });
    expect(series[14]).toEqual({ hour: '14:00', OK: 2, NOT_OK: 1, NEEDS_CROSS_CHECK: 0 });
  });

  it('the report PDF gets a plain file name Electron main accepts', () => {
    expect(reportFileName('STN-AB12', '2021-03-01T08:00:00.000+05:00')).toBe('shift-report_STN-AB12_2021-03-01-0800.pdf');
    expect(reportFileName('../evil', '2021-03-01T08:00:00.000+05:00')).toMatch(/^shift-report_evil_2021-03-01-0800\.pdf$/);
  });
});
