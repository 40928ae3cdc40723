/** The three kinds of EU DCC, by the group the HCERT holds (DCC schema: `v`, `t` or `r`). */
export type CertificateType = 'test' | 'vaccination' | 'recovery';

export const CERTIFICATE_TYPES: readonly CertificateType[] = ['test', 'vaccination', 'recovery'];

/** The type of an HCERT holding exactly one of `v`/`t`/`r`; otherwise `undefined`. */
export function certificateTypeOf(hcert: unknown): CertificateType | undefined {
  if (hcert === null || typeof hcert !== 'object' || Array.isArray(hcert)) return undefined;
  const present: CertificateType[] = [];
  if (Object.hasOwn(hcert, 'v')) present.push('vaccination');
  if (Object.hasOwn(hcert, 't')) present.push('test');
  if (Object.hasOwn(hcert, 'r')) present.push('recovery');
  return present.length === 1 ? present[0] : undefined;
}
