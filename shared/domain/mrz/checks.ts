import { computeCheckDigit, isCheckDigitValid } from './check-digit';
import { charAt, spanText, type Layout, type LongNumber } from './layouts';
import type { MrzCheck, MrzCheckName } from './types';

const check = (field: MrzCheckName, data: string, printed: string): MrzCheck => {
  const expected = computeCheckDigit(data);
  return { field, printed, expected, ok: expected !== null && expected === printed };
};

/** Every check digit of the layout, in MRZ order, computed on `lines` as they stand. */
export function computeChecks(layout: Layout, lines: readonly string[], long: LongNumber | null): MrzCheck[] {
  const out: MrzCheck[] = [];
  const doc = spanText(lines, layout.documentNumber);
  if (long) {
    // ICAO 9303 Part 5 §4.2.2: the check digit covers the whole number (9 principal characters + overflow).
    // Some issuers (e.g. a Belgian PRADO specimen) include the filler in position 15; both readings are accepted.
    const printed = charAt(lines, long.checkDigit);
    const plain = doc + long.overflow;
    const withFiller = `${doc}<${long.overflow}`;
    const plainOk = isCheckDigitValid(plain, printed);
    const fillerOk = !plainOk && isCheckDigitValid(withFiller, printed);
    out.push({
      field: 'documentNumber',
      printed,
      expected: computeCheckDigit(fillerOk ? withFiller : plain),
      ok: plainOk || fillerOk,
    });
  } else {
    out.push(check('documentNumber', doc, charAt(lines, layout.documentNumberCheck)));
  }
  out.push(check('birthDate', spanText(lines, layout.birthDate), charAt(lines, layout.birthDateCheck)));
  if (layout.expiryDate && layout.expiryDateCheck) {
    out.push(check('expiryDate', spanText(lines, layout.expiryDate), charAt(lines, layout.expiryDateCheck)));
  }
  if (layout.optionalDataCheck) {
    const data = spanText(lines, layout.optionalData);
    const printed = charAt(lines, layout.optionalDataCheck);
    if (/^<*$/.test(data)) {
      // ICAO 9303 Part 4 §4.2.2 note: an all-filler personal number may have `<` or `0` as its check digit.
      const ok = printed === '<' || printed === '0';
      out.push({ field: 'optionalData', printed, expected: ok ? printed : '0', ok });
    } else {
      out.push(check('optionalData', data, printed));
    }
  }
  if (layout.composite) {
    const data = layout.composite.data.map((s) => spanText(lines, s)).join('');
    out.push(check('composite', data, charAt(lines, layout.composite.digit)));
  }
  return out;
}
