import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HID_POS_FORMATS,
  createHidPosDecoder,
  decodeHidPosReports,
  parseHidPosReport,
  type HidPosDecoder,
  type HidPosDecoderOptions,
  type HidPosEvent,
  type HidPosReportFormat,
} from '../../../../shared/domain/scanner-input';
import { ascii, fixtureNames, fromHex, loadFixture } from './fixtures';

interface PosFixture {
  description: string;
  format: HidPosReportFormat;
  reports: string[];
  expected: ({ kind: 'partial' | 'ignored' } | { kind: 'error'; code: string } | { kind: 'message'; text: string; symbology: string; reports: number })[];
}

function summarize(events: readonly HidPosEvent[]): unknown[] {
  return events.map((e) => {
    switch (e.kind) {
      case 'message':
        return { kind: 'message', text: e.message.text, symbology: e.message.symbology, reports: e.message.reports };
      case 'error':
        return { kind: 'error', code: e.problem.code };
      default:
        return { kind: e.kind };
    }
  });
}

function decoder(options: Partial<HidPosDecoderOptions> = {}): HidPosDecoder {
  const created = createHidPosDecoder(options);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Test-side encoder following the documented layout (independent of the decoder). */
function encode(format: HidPosReportFormat, aim: string, payload: Uint8Array): Uint8Array[] {
  const id = format.reportId === null ? 0 : 1;
  const separate = format.symbology === 'separate';
  const header = id + 1 + (separate ? 3 : 0);
  const capacity = format.reportSize - header - format.vendorBytes - 1;
  const data = format.symbology === 'in-band' ? new Uint8Array([...ascii(aim), ...payload]) : payload;
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += capacity) {
    const chunk = data.subarray(at, at + capacity);
    const r = new Uint8Array(format.reportSize);
    if (format.reportId !== null) r[0] = format.reportId;
    r[id] = chunk.length;
    if (separate) r.set(ascii(aim), id + 1);
    r.set(chunk, header);
    r[format.reportSize - 1] = at + capacity < data.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}

describe('HID POS report fixtures', () => {
  const names = fixtureNames('hid').filter((name) => name.startsWith('hid-pos-'));

  it('has the fixtures the decoder is specified against', () => {
    expect(names).toEqual(
      expect.arrayContaining(['hid-pos-hc1-honeywell64', 'hid-pos-hc1-inband64', 'hid-pos-hc1-inband256', 'hid-pos-truncated', 'hid-pos-continuation-without-start']),
    );
  });

  it.each(names)('%s', (name) => {
    const fixture = loadFixture<PosFixture>('hid', name);
    const events = decodeHidPosReports(fixture.reports.map(fromHex), fixture.format);
    expect(events.ok && summarize(events.value)).toEqual(fixture.expected);
  });

  it('delivers the HC1 message with its symbology and encoding', () => {
    const fixture = loadFixture<PosFixture>('hid', 'hid-pos-hc1-honeywell64');
    const events = decodeHidPosReports(fixture.reports.map(fromHex), fixture.format);
    const last = events.ok ? events.value[events.value.length - 1] : undefined;
    expect(last?.kind).toBe('message');
    if (last?.kind !== 'message') return;
    expect(last.message.text.startsWith('HC1:')).toBe(true);
    expect(last.message.aim).toMatchObject({ symbology: 'qr-code', name: 'QR Code', variant: 'Model 2' });
    expect(last.message).toMatchObject({ encoding: 'utf-8', latin1Fallback: false, reports: 8 });
    expect(last.message.bytes).toHaveLength(last.message.text.length);
  });
});

describe('HID POS decoder', () => {
  const honeywell = HID_POS_FORMATS.honeywell64;

  it('parses a single report on its own', () => {
    const [report] = encode(honeywell, ']d2', ascii('0104150123456782'));
    const parsed = parseHidPosReport(report ?? new Uint8Array(), honeywell);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(String.fromCharCode(...parsed.value.data)).toBe('0104150123456782');
    expect(String.fromCharCode(...(parsed.value.symbologyBytes ?? []))).toBe(']d2');
    expect(parsed.value.moreFollows).toBe(false);
  });

  it('decodes UTF-8 and falls back to Latin-1 with a flag', () => {
    const utf8 = decoder().push(encode(honeywell, ']Q1', new Uint8Array([0x4d, 0xc3, 0xbc, 0x6c, 0x6c, 0x65, 0x72]))[0] ?? new Uint8Array());
    expect(utf8[0]?.kind === 'message' && utf8[0].message).toMatchObject({ text: 'Müller', encoding: 'utf-8', latin1Fallback: false });
    const latin1 = decoder().push(encode(honeywell, ']Q1', new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))[0] ?? new Uint8Array());
    expect(latin1[0]?.kind === 'message' && latin1[0].message).toMatchObject({ text: 'Müller', encoding: 'latin1', latin1Fallback: true });
  });

  it('reports malformed reports as typed errors', () => {
    const d = decoder();
    const good = encode(honeywell, ']Q1', ascii('x'.repeat(80)));
    expect(d.push(good[0]?.slice(0, 10) ?? new Uint8Array())[0]).toMatchObject({ kind: 'error', problem: { code: 'truncated-report', discardedBytes: 0 } });
    expect(d.push(new Uint8Array(65))[0]).toMatchObject({ kind: 'error', problem: { code: 'report-size-mismatch' } });
    expect(d.push(good[0] ?? new Uint8Array())[0]?.kind).toBe('partial');
    const tooLong = (good[1] ?? new Uint8Array()).slice();
    tooLong[1] = 57;
    // The open message (56 bytes so far) is lost with it.
    expect(d.push(tooLong)[0]).toMatchObject({ kind: 'error', problem: { code: 'length-exceeds-report', discardedBytes: 56 } });
  });

  it('ignores other report IDs and empty reports', () => {
    const d = decoder();
    const trigger = new Uint8Array(64);
    trigger[0] = 0x04;
    expect(d.push(trigger)).toEqual([{ kind: 'ignored', reason: 'other-report-id', reportId: 4 }]);
    const empty = new Uint8Array(64);
    empty[0] = 0x02;
    expect(d.push(empty)).toEqual([{ kind: 'ignored', reason: 'empty-report', reportId: 2 }]);
  });

  it('detects a lost start when continuations carry zeroed symbology bytes', () => {
    const format = { ...honeywell, continuationSymbology: 'zeroed' } as const;
    const reports = encode(format, ']L2', ascii('PDF417 '.repeat(20)));
    // Zero the symbology bytes of continuations, as such scanners send them.
    for (const r of reports.slice(1)) r.set([0, 0, 0], 2);
    const events = decodeHidPosReports(reports.slice(1), format);
    expect(events.ok && summarize(events.value)).toEqual([
      { kind: 'error', code: 'continuation-without-start' },
      ...reports.slice(2).map(() => ({ kind: 'ignored' })),
    ]);
    const whole = decodeHidPosReports(reports, format);
    expect(whole.ok && summarize(whole.value).at(-1)).toEqual({ kind: 'message', text: 'PDF417 '.repeat(20), symbology: ']L2', reports: 3 });
  });

  it('abandons a message whose continuation is overdue', () => {
    const reports = encode(honeywell, ']Q1', ascii('A'.repeat(100)));
    const d = decoder({ continuationTimeoutMs: 500 });
    expect(d.push(reports[0] ?? new Uint8Array(), 0)[0]?.kind).toBe('partial');
    expect(d.tick(500)).toEqual([]);
    expect(d.tick(501)).toEqual([{ kind: 'error', problem: expect.objectContaining({ code: 'incomplete-message', discardedBytes: 56 }) }]);
    // Same through push: the late report is then read as a new message.
    expect(d.push(reports[0] ?? new Uint8Array(), 1000)[0]?.kind).toBe('partial');
    const late = d.push(reports[0] ?? new Uint8Array(), 2000);
    expect(late.map((e) => e.kind)).toEqual(['error', 'partial']);
  });

  it('caps the message size and skips the rest of an oversized message', () => {
    const d = decoder({ maxMessageBytes: 100 });
    const big = encode(honeywell, ']Q1', ascii('B'.repeat(200)));
    const small = encode(honeywell, ']Q1', ascii('ok'));
    const events = [...big, ...small].flatMap((r) => d.push(r));
    expect(summarize(events)).toEqual([
      { kind: 'partial' },
      { kind: 'error', code: 'message-too-large' },
      { kind: 'ignored' },
      { kind: 'ignored' },
      { kind: 'message', text: 'ok', symbology: ']Q1', reports: 1 },
    ]);
  });

  it('reports a recording that ends mid-message', () => {
    const reports = encode(honeywell, ']Q1', ascii('C'.repeat(60)));
    const events = decodeHidPosReports(reports.slice(0, 1));
    expect(events.ok && summarize(events.value)).toEqual([{ kind: 'partial' }, { kind: 'error', code: 'incomplete-message' }]);
  });

  it('rejects a format with no room for data', () => {
    const created = createHidPosDecoder({ reportSize: 6, vendorBytes: 2 });
    expect(!created.ok && created.error.code).toBe('invalid-format');
    expect(parseHidPosReport(new Uint8Array(8), { ...honeywell, reportSize: 8 }).ok).toBe(false);
  });

  it('works with the symbology not transmitted at all', () => {
    const format = { ...HID_POS_FORMATS.inBand64, symbology: 'none' } as const;
    const events = decodeHidPosReports(encode(format, '', ascii('P<UTO')), format);
    expect(events.ok && events.value[0]).toMatchObject({ kind: 'message', message: { text: 'P<UTO', symbology: undefined, aim: undefined } });
  });
});

describe('HID POS properties', () => {
  const formatArb = fc.record({
    reportId: fc.constantFrom<number | null>(null, 2),
    reportSize: fc.constantFrom(64, 256, 32),
    symbology: fc.constantFrom<HidPosReportFormat['symbology']>('separate', 'in-band', 'none'),
    vendorBytes: fc.constantFrom(0, 2),
    continuationSymbology: fc.constantFrom<HidPosReportFormat['continuationSymbology']>('repeated', 'zeroed'),
  });

  it('never throws on arbitrary reports', () => {
    fc.assert(
      fc.property(
        formatArb,
        fc.array(fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 20 }),
        fc.array(fc.double({ min: -10, max: 5000 }), { minLength: 20, maxLength: 20 }),
        (format, reports, times) => {
          const created = createHidPosDecoder({ ...format, maxMessageBytes: 500 });
          if (!created.ok) return;
          let t = 0;
          reports.forEach((generated, i) => {
            // Give half the reports the expected ID so they get past the first check.
            const r = generated.slice();
            if (r.length > 0 && format.reportId !== null && i % 2 === 0) r[0] = format.reportId;
            t += times[i] ?? 0;
            created.value.push(r, t);
          });
          created.value.tick(t + 10_000);
          decodeHidPosReports(reports, format);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reassembles any payload split over reports', () => {
    fc.assert(
      fc.property(formatArb, fc.uint8Array({ minLength: 1, maxLength: 700 }), (format, payload) => {
        const reports = encode(format, ']Q1', payload);
        const events = decodeHidPosReports(reports, { ...format, continuationSymbology: 'repeated' });
        expect(events.ok).toBe(true);
        if (!events.ok) return;
        const last = events.value[events.value.length - 1];
        expect(events.value.slice(0, -1).every((e) => e.kind === 'partial')).toBe(true);
        expect(last?.kind === 'message' && [...last.message.bytes]).toEqual([...payload]);
        if (last?.kind === 'message') expect(last.message.symbology).toBe(format.symbology === 'none' ? undefined : ']Q1');
      }),
      { numRuns: 200 },
    );
  });
});
