import type { MrzReadable } from '../../../shared/domain/mrz';

const LABEL: Record<string, string> = {
  documentNumber: 'Document number',
  birthDate: 'Date of birth',
  expiryDate: 'Expiry date',
  optionalData: 'Optional data',
  composite: 'Composite',
};

/** Per-field check-digit status: what is printed, what the data gives, and whether they agree. */
export function CheckDigitTable({ result }: { result: MrzReadable }) {
  return (
    <table className="check-digits" data-testid="check-digit-table">
      <thead>
        <tr>
          <th scope="col">Check digit</th>
          <th scope="col">Printed</th>
          <th scope="col">Expected</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {result.checks.map((check) => (
          <tr key={check.field} className={check.ok ? 'check--ok' : 'check--bad'}>
            <td>{LABEL[check.field] ?? check.field}</td>
            <td>{check.printed}</td>
            <td>{check.expected ?? '?'}</td>
            <td>{check.ok ? '✓ correct' : '✕ wrong'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
