import { describe, expect, it } from 'vitest';
import { createKeyboardLineAssembler, decodeKeyboardReports } from '../../../../shared/domain/scanner-input';
import { fromHex, loadFixture } from './fixtures';

const keys = (text: string): string[] => [...text].map((ch) => (ch === '\n' ? 'Enter' : ch));
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

describe('keyboard line assembler (HID keyboard-mode scanners read directly)', () => {
  it('holds a completed line for the next one and joins a two-line MRZ after the line-group gap', () => {
    const assembler = createKeyboardLineAssembler({ lineGroupGapMs: 150 });
    expect(assembler.push(keys('P<UTOERIKSSON<<ANNA\n'), 0)).toEqual([]);
    expect(assembler.push(keys('L898902C36UTO\n'), 40)).toEqual([]);
    expect(assembler.nextDeadline()).toBe(190);
    expect(assembler.tick(190)).toEqual([]);
    expect(assembler.tick(191)).toEqual([{ text: 'P<UTOERIKSSON<<ANNA\nL898902C36UTO', lines: ['P<UTOERIKSSON<<ANNA', 'L898902C36UTO'], terminator: 'Enter' }]);
    expect(assembler.nextDeadline()).toBeUndefined();
  });

  it('ends a TD1 at its third line at once, and a scan at a blank line', () => {
    const assembler = createKeyboardLineAssembler();
    expect(assembler.push(keys(`${TD1.join('\n')}\n`), 0).map((scan) => scan.lines)).toEqual([TD1]);
    expect(assembler.push([...keys('HC1:NCFOXN'), 'Enter', 'Enter'], 10).map((scan) => scan.text)).toEqual(['HC1:NCFOXN']);
  });

  it('makes text without a final Enter a scan after quiet time (scanners set to send no suffix)', () => {
    const assembler = createKeyboardLineAssembler({ unterminatedMs: 300 });
    assembler.push(keys('HC1:NCFOXN'), 0);
    expect(assembler.tick(300)).toEqual([]);
    expect(assembler.tick(301)).toEqual([{ text: 'HC1:NCFOXN', lines: ['HC1:NCFOXN'], terminator: undefined }]);
  });

  it('starts a new scan when a line comes after the gap', () => {
    const assembler = createKeyboardLineAssembler({ lineGroupGapMs: 150 });
    assembler.push(keys('FIRST\n'), 0);
    expect(assembler.push(keys('SECOND\n'), 500).map((scan) => scan.text)).toEqual(['FIRST']);
    expect(assembler.flush().map((scan) => scan.text)).toEqual(['SECOND']);
  });

  it('gives the recorded boot-report fixture the same lines as the batch decoder', () => {
    const fixture = loadFixture<{ reports: string[]; format: { layout: 'us' } }>('hid', 'keyboard-boot-mrz-td3');
    const batch = decodeKeyboardReports(fixture.reports.map(fromHex), fixture.format);
    const assembler = createKeyboardLineAssembler();
    const typed = batch.lines.flatMap((line) => [...keys(line.text), line.terminator]);
    expect([...assembler.push(typed, 0), ...assembler.flush()].map((scan) => scan.lines)).toEqual([batch.lines.map((line) => line.text)]);
  });
});
