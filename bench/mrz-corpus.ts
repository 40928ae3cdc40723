import { buildMrz, type MrzDocumentInput } from '../shared/domain/mrz';
import { pick, seededRandom } from './harness/prng';

const SURNAMES = ['JURAEV', 'KARIMOVA', 'ABENOV', 'RAKHIMOV', 'NAZAROVA', 'ERIKSSON', 'MUELLER', 'OKONKWO', 'SMITH', 'TURSUNZODA'];
const GIVEN = ['RUSTAM', 'DILNOZA', 'NURLAN', 'FARRUKH', 'MADINA', 'ANNA MARIA', 'JONAS', 'CHIDI', 'JOHN PAUL', 'SHAHLO'];
const STATES = ['TJK', 'UZB', 'KAZ', 'KGZ', 'RUS', 'D', 'FRA', 'GBR', 'UTO', 'AFG'];
const LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B', '5': 'S', '2': 'Z', '6': 'G' };

const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const date = (random: () => number, fromYear: number, span: number) => {
  const year = fromYear + Math.floor(random() * span);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * A deterministic mix of TD3 passports, TD1 and TD2 cards: mostly valid, about one in ten with an OCR
 * look-alike in a numeric field, one in twenty with a wrong check digit, as a real lane sees them.
 */
export function mrzCorpus(count: number, seed = 9303): string[][] {
  const random = seededRandom(seed);
  const corpus: string[][] = [];
  while (corpus.length < count) {
    const format = pick(random, ['TD3', 'TD3', 'TD3', 'TD1', 'TD2'] as const);
    const state = pick(random, STATES);
    const input: MrzDocumentInput = {
      format,
      documentCode: format === 'TD3' ? 'P' : 'ID',
      issuingState: state,
      surname: pick(random, SURNAMES),
      givenNames: pick(random, GIVEN),
      documentNumber: `${String.fromCharCode(65 + Math.floor(random() * 26))}${digits(random, 8)}`,
      nationality: state,
      birthDate: date(random, 1950, 60),
      sex: pick(random, ['M', 'F'] as const),
      expiryDate: date(random, 2024, 10),
    };
    const built = buildMrz(input);
    if (!built.ok) continue;
    const lines = [...built.value.lines];
    const roll = random();
    const last = lines.length - 1;
    if (roll < 0.1) {
      // OCR misread of a digit in the last line's date area.
      const line = lines[last] as string;
      const at = line.search(/[0-9]/);
      const ch = line[at] as string;
      if (at >= 0 && LOOKALIKES[ch]) lines[last] = line.slice(0, at) + LOOKALIKES[ch] + line.slice(at + 1);
    } else if (roll < 0.15) {
      const line = lines[last] as string;
      const at = line.length - 1;
      lines[last] = line.slice(0, at) + String((Number(line[at]) + 1) % 10);
    }
    corpus.push(lines);
  }
  return corpus;
}
