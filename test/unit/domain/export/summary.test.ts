import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SummaryBuilder } from '../../../../shared/domain/export';

const period = { from: '2021-03-01T00:00:00.000+05:00', to: '2021-03-02T00:00:00.000+05:00', timeZone: 'Asia/Tashkent' };

describe('SummaryBuilder', () => {
  it('buckets hours exactly as "first 13 characters + :00 + from the 24th on", whatever the order and shape of the times', () => {
    const time = fc.oneof(
      fc.constantFrom('2021-03-01T14:05:03.120+05:00', '2021-03-01T14:59:59.999+05:00', '2021-03-01T15:00:00.000+05:00', '2021-03-01T14:05:03.120+04:00'),
      fc.constantFrom('2021-03-01T14:05:03.120Z', '2021-03-01T14', '', 'x', '2021-03-01T14:05:03.1+05:00'),
      fc.string({ unit: fc.constantFrom('2', '0', '1', '-', 'T', ':', '+', '.') }),
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 40 }), (times) => {
        const builder = new SummaryBuilder();
        const expected = new Map<string, number>();
        for (const recordedAt of times) {
          builder.addCrossing({ direction: 'entry', outcome: 'OK', corridorId: null, groupId: null, recordedAt });
          const key = `${recordedAt.slice(0, 13)}:00${recordedAt.slice(23)}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const byHour = builder.build('STN', period).byHour;
        expect(new Map(byHour.map((h) => [h.hour, h.total]))).toEqual(expected);
      }),
    );
  });
});
