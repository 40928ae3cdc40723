import { describe, expect, it } from 'vitest';
import { EXPIRED_UZBEK_PASSPORT, IMPOSSIBLE_BIRTH_DATE_PASSPORT, TAJIK_PASSPORT } from '../../fixtures/mrz/passports';
import { runCheckpoint, runCheckpointBin } from '../../support/cli';

// In-process, but for the first case: the built bin reading the passport from its real stdin.
const run = async (args: string[], stdin: string) => {
  const { code, stdout, stderr } = await runCheckpoint(['mrz', ...args], stdin);
  return { code, out: stdout, err: stderr };
};

describe('checkpoint mrz', () => {
  it('prints format, status, fields, checks, corrections and problems for a valid passport', () => {
    const { code, stdout: out } = runCheckpointBin(['mrz', '--at', '2026-01-01'], TAJIK_PASSPORT.lines.join('\n'));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      format: 'TD3',
      status: 'valid',
      fields: { surname: 'JURAEV', givenNames: 'RUSTAM', documentNumber: '401234567', nationality: 'TJK', birthDate: '1990-01-15', expiryDate: '2030-06-20' },
      corrections: [],
      problems: [],
    });
    expect(json.checks.map((c: { field: string; ok: boolean }) => [c.field, c.ok])).toEqual([
      ['documentNumber', true],
      ['birthDate', true],
      ['expiryDate', true],
      ['optionalData', true],
      ['composite', true],
    ]);
  });

  it('accepts lines joined with ^, CRLF and lower case, and says what it normalised', async () => {
    for (const input of [TAJIK_PASSPORT.lines.join('^'), `  ${TAJIK_PASSPORT.lines.join('\r\n').toLowerCase()}\r\n`]) {
      const { code, out } = await run([], input);
      expect(code).toBe(0);
      expect(JSON.parse(out).fields.documentNumber).toBe('401234567');
    }
    expect(JSON.parse((await run([], TAJIK_PASSPORT.lines.join('^'))).out).normalisations.map((n: { code: string }) => n.code)).toContain('caret-separators');
  });

  it('corrects an OCR look-alike in a date and reports it', async () => {
    const misread = TAJIK_PASSPORT.lines[1]!.replace('900115', '9OO115');
    const { code, out } = await run([], `${TAJIK_PASSPORT.lines[0]}\n${misread}`);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.status).toBe('valid-after-correction');
    expect(json.corrections).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'birthDate', from: 'O', to: '0' })]),
    );
  });

  it('names a wrong check digit in words, exit 0 (parsed, but invalid)', async () => {
    const wrong = TAJIK_PASSPORT.lines[1]!.slice(0, 9) + '9' + TAJIK_PASSPORT.lines[1]!.slice(10);
    const { code, out } = await run(['--no-correction'], `${TAJIK_PASSPORT.lines[0]}\n${wrong}`);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.status).toBe('invalid');
    expect(json.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(/document number check digit is 9, expected 6/);
  });

  it('rejects 29 February 2002 as not a calendar date', async () => {
    const json = JSON.parse((await run([], IMPOSSIBLE_BIRTH_DATE_PASSPORT.lines.join('\n'))).out);
    expect(json.fields.birthDate).toBeNull();
    expect(json.problems.map((p: { code: string }) => p.code)).toContain('date-not-calendar');
  });

  it('parses an expired passport as valid MRZ text (the expiry is a decision, not a parse error)', async () => {
    expect(JSON.parse((await run(['--at', '2026-01-01'], EXPIRED_UZBEK_PASSPORT.lines.join('\n'))).out).fields.expiryDate).toBe('2019-01-01');
  });

  it('exits 2 with a clear message for unreadable input', async () => {
    const { code, err } = await run([], 'hello there');
    expect(code).toBe(2);
    expect(err).toMatch(/unreadable MRZ: expected 2 lines of 44 or 36 characters or 3 lines of 30/);
    expect((await run([], '')).code).toBe(2);
    expect((await run(['--at', 'yesterday'], TAJIK_PASSPORT.lines.join('\n'))).err).toMatch(/--at must be an ISO date/);
  });

  it('--batch answers one JSON line per input line, keeping ids', async () => {
    const input = [JSON.stringify({ id: 'a', text: TAJIK_PASSPORT.lines.join('\n') }), JSON.stringify({ id: 'b', text: 'nonsense' })].join('\n');
    const { code, out } = await run(['--batch'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['a', 'valid'],
      ['b', 'unreadable'],
    ]);
    expect((await run(['--batch'], 'not json')).code).toBe(2);
  });
});
