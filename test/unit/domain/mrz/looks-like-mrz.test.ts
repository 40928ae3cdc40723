import { describe, expect, it } from 'vitest';
import { looksLikeMrz, MRZ_SPECIMENS } from '../../../../shared/domain/mrz';

const TD3 = MRZ_SPECIMENS[0]!.lines;

describe('looksLikeMrz', () => {
  it('accepts every specimen, however the lines are joined', () => {
    for (const s of MRZ_SPECIMENS) {
      expect(looksLikeMrz(s.lines.join('\n')), s.name).toBe(true);
      expect(looksLikeMrz(s.lines.join('\r\n')), s.name).toBe(true);
      expect(looksLikeMrz(s.lines.join('^')), s.name).toBe(true);
      expect(looksLikeMrz(s.lines.join('')), s.name).toBe(true);
    }
  });

  it('accepts lower case and surrounding whitespace', () => {
    expect(looksLikeMrz(`  ${TD3[0]!.toLowerCase()}\n${TD3[1]}  \n`)).toBe(true);
  });

  it('accepts an OCR-garbled zone so the parser can say what is wrong', () => {
    expect(looksLikeMrz(`${TD3[0]}<\n${TD3[1]!.slice(0, 42)}`)).toBe(true); // lengths 45 and 42
    expect(looksLikeMrz(`${TD3[0]!.replace('ERIKSSON', 'ER1K$SON')}\n${TD3[1]!.replace('74', '7A')}`)).toBe(true);
    expect(looksLikeMrz('I<UTOERIK55ON<<ANNA<MAR1A<<<<<<<<<<<\nD231458907UT0740BIZZF12O4IS9<<<<<<<G')).toBe(true);
  });

  it('rejects other payloads', () => {
    expect(looksLikeMrz('HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DC9I0%YB/VM$*SBAKYE9*FJRLDQC8$.AIGCY0K5$0A.AN7B')).toBe(false);
    expect(looksLikeMrz('https://example.org/verify?id=ABC123<<')).toBe(false);
    expect(looksLikeMrz('Hello world, this is a line of ordinary text.\nAnd another line of ordinary text here!')).toBe(false);
    expect(looksLikeMrz('')).toBe(false);
    expect(looksLikeMrz(TD3[0]!)).toBe(false);
    expect(looksLikeMrz(`${TD3[0]}\n${TD3[1]}\n${TD3[1]}\n${TD3[1]}`)).toBe(false);
    expect(looksLikeMrz(`${TD3[0]}\n${TD3[1]!.slice(0, 30)}`)).toBe(false);
    expect(looksLikeMrz('A'.repeat(44) + '\n' + 'B'.repeat(44))).toBe(false);
    expect(looksLikeMrz(null as unknown as string)).toBe(false);
  });
});
