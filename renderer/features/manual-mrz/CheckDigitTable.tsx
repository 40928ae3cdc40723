import { useTranslation } from 'react-i18next';
import type { MrzReadable } from '../../../shared/domain/mrz';

const FIELDS = new Set(['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite']);
type Field = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';
const isField = (name: string): name is Field => FIELDS.has(name);

/** Per-field check-digit status: what is printed, what the data gives, and whether they agree. */
export function CheckDigitTable({ result }: { result: MrzReadable }) {
  const { t } = useTranslation('manualMrz');
  return (
    <table className="check-digits" data-testid="check-digit-table">
      <thead>
        <tr>
          <th scope="col">{t('checkDigit')}</th>
          <th scope="col">{t('printed')}</th>
          <th scope="col">{t('expected')}</th>
          <th scope="col">{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        {result.checks.map((check) => (
          <tr key={check.field} className={check.ok ? 'check--ok' : 'check--bad'}>
            <td>{isField(check.field) ? t(`field.${check.field}`) : check.field}</td>
            <td>{check.printed}</td>
            <td>{check.expected ?? '?'}</td>
            <td>{check.ok ? t('correct') : t('wrong')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
