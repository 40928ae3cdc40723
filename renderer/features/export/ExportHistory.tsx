import type { ExportRecord, ExportStatus } from '../../../shared/contract';
import { periodText } from './export-period';

const STATUS_LABEL: Record<ExportStatus, string> = {
  written: 'Written (USB only)',
  queued: 'Saved, not yet sent',
  sent: 'Sent, awaiting acknowledgement',
  acknowledged: 'Acknowledged',
};

/** Every bundle this station wrote, newest first, with how far it got towards the central system. */
export function ExportHistory({ items }: { items: readonly ExportRecord[] }) {
  return (
    <section className="card" aria-labelledby="export-history-title">
      <h2 id="export-history-title">Export history</h2>
      {items.length === 0 ? (
        <p className="muted">No bundle written yet.</p>
      ) : (
        <table className="table" data-testid="export-history">
          <thead>
            <tr>
              <th scope="col">Written</th>
              <th scope="col">Period</th>
              <th scope="col">Crossings</th>
              <th scope="col">Where</th>
              <th scope="col">Status</th>
              <th scope="col">Bundle id (manifest SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="export-history-row">
                <td>{item.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{periodText(item.period)}</td>
                <td>{item.crossings}</td>
                <td className="mono">{item.destination ?? 'central system only'}</td>
                <td>
                  <span className={`export-status export-status--${item.status}`} data-testid="export-status">
                    {STATUS_LABEL[item.status]}
                  </span>
                  {item.lastError && (
                    <div className="export-status__error">
                      Last error ({item.attempts} attempt{item.attempts === 1 ? '' : 's'}): {item.lastError}
                    </div>
                  )}
                </td>
                <td className="mono">{item.manifestSha256.slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
