import { useMemo, useState } from 'react';
import { buildMrz, parseMrz, type MrzDocumentInput, type MrzFormat, type MrzProblem, type MrzResult } from '../../../shared/domain/mrz';

export type ManualFields = Omit<MrzDocumentInput, 'format' | 'sex'> & { format: Extract<MrzFormat, 'TD1' | 'TD2' | 'TD3'>; sex: 'M' | 'F' | 'X' | '<' };

export const EMPTY_FIELDS: ManualFields = {
  format: 'TD3',
  documentCode: 'P',
  issuingState: '',
  surname: '',
  givenNames: '',
  documentNumber: '',
  nationality: '',
  birthDate: '',
  sex: '<',
  expiryDate: '',
  optionalData: '',
};

export interface ManualMrzState {
  readonly lines: string[] | null;
  /** Problems per field name, from building the MRZ out of what was typed. */
  readonly problemsByField: Map<string, MrzProblem[]>;
  /** The built lines parsed back: check digits, names of the states, dates. */
  readonly parsed: MrzResult | null;
}

/** Builds and re-parses the MRZ on every keystroke, so the officer sees each field's status as they type. */
export function deriveManualMrz(fields: ManualFields, referenceDate: Date): ManualMrzState {
  const required = fields.documentNumber && fields.issuingState && fields.surname && fields.birthDate && fields.expiryDate;
  if (!required) return { lines: null, problemsByField: new Map(), parsed: null };
  const built = buildMrz(fields);
  if (!built.ok) {
    const problemsByField = new Map<string, MrzProblem[]>();
    for (const problem of built.error) {
      const key = problem.field ?? 'form';
      problemsByField.set(key, [...(problemsByField.get(key) ?? []), problem]);
    }
    return { lines: null, problemsByField, parsed: null };
  }
  return { lines: built.value.lines, problemsByField: new Map(), parsed: parseMrz(built.value.lines.join('\n'), { referenceDate }) };
}

export function useManualMrz(referenceDate: Date) {
  const [fields, setFields] = useState<ManualFields>(EMPTY_FIELDS);
  const state = useMemo(() => deriveManualMrz(fields, referenceDate), [fields, referenceDate]);
  const set = <K extends keyof ManualFields>(key: K, value: ManualFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  return { fields, set, reset: () => setFields(EMPTY_FIELDS), ...state };
}
