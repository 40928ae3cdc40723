import type { Crossing } from '../../../shared/contract';
import { OUTCOME_LABEL } from './outcome-label';

export function CrossingsTable({ crossings, total }: { crossings: Crossing[]; total: number }) {
  return (
    <section className="crossings" aria-labelledby="crossings-title">
      <h2 id="crossings-title">
        Last crossings <span className="crossings__count">({total} today)</span>
      </h2>
      {crossings.length === 0 ? (
        <p className="crossings__empty">No crossings recorded today yet.</p>
      ) : (
        <table data-testid="crossings-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Name</th>
              <th scope="col">Document</th>
              <th scope="col">Nationality</th>
              <th scope="col">Direction</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {crossings.map((crossing) => {
              const label = OUTCOME_LABEL[crossing.outcome];
              return (
                <tr key={crossing.id} data-testid="crossing-row">
                  <td>{crossing.sequence}</td>
                  <td>{new Date(crossing.recordedAt).toLocaleTimeString()}</td>
                  <td>
                    {crossing.document.surname}, {crossing.document.givenNames}
                  </td>
                  <td>{crossing.document.documentNumber}</td>
                  <td>{crossing.document.nationality}</td>
                  <td>{crossing.direction}</td>
                  <td>
                    <span className={`badge ${label.className}`}>
                      <span aria-hidden="true">{label.icon}</span> {label.text}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
