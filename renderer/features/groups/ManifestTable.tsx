import type { PersonStatus } from '../../../shared/contract';
import { PERSON_STATE_LABEL } from './person-state-label';

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

export function ManifestTable({ people }: { people: PersonStatus[] }) {
  if (people.length === 0) return <p className="muted">Nobody matches.</p>;
  return (
    <table className="table" data-testid="manifest-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Document</th>
          <th scope="col">Nationality</th>
          <th scope="col">Born</th>
          <th scope="col">Status</th>
          <th scope="col">Entry</th>
          <th scope="col">Exit</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => {
          const label = PERSON_STATE_LABEL[p.state];
          return (
            <tr key={p.manifestEntryId ?? `${p.documentNumber}-${p.exit?.id ?? p.entry?.id ?? ''}`} data-testid="manifest-row" data-state={p.state}>
              <td>
                {p.surname}, {p.givenNames}
                {p.minor && <span className="tag">minor</span>}
                {!p.manifestEntryId && <span className="tag">not on manifest</span>}
              </td>
              <td>{p.documentNumber}</td>
              <td>{p.nationality}</td>
              <td>{p.birthDate ?? '—'}</td>
              <td>
                <span className={`badge ${label.className}`}>
                  <span aria-hidden="true">{label.icon}</span> {label.text}
                </span>
                {p.pairMethod === 'identity' && <span className="tag">new passport</span>}
              </td>
              <td>{time(p.entry?.recordedAt)}</td>
              <td>{time(p.exit?.recordedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
