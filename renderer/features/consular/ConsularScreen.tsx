import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Outcome, PassageRecord, SessionUser, TravellerHistory, TravellerSummary } from '../../../shared/contract';
import { roleMay } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { OUTCOME_LABEL } from '../lane/outcome-label';

function OverrideForm({ passage, onDone }: { passage: PassageRecord; onDone: (message: string, isError: boolean) => void }) {
  const core = useCore();
  const [outcome, setOutcome] = useState<Outcome>(passage.effectiveOutcome === 'OK' ? 'NOT_OK' : 'OK');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.overrideCrossing({ crossingId: passage.id, outcome, reason });
    if (result.ok) onDone(`Crossing overridden to ${OUTCOME_LABEL[outcome].text}.`, false);
    else onDone(result.error.issues?.[0]?.message ?? result.error.message, true);
  };
  return (
    <form className="override" onSubmit={(e) => void submit(e)} data-testid="override-form">
      <select aria-label="New outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="override-outcome">
        {(['OK', 'NOT_OK', 'NEEDS_CROSS_CHECK'] as const).map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABEL[o].text}
          </option>
        ))}
      </select>
      <input aria-label="Reason" placeholder="Reason (required)" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} data-testid="override-reason" />
      <button type="submit" className="button" data-testid="override-submit">
        Override
      </button>
    </form>
  );
}

/** Consular: find any traveller, see every crossing across corridors (both ends), override a decision with a reason. */
export function ConsularScreen({ user }: { user: SessionUser }) {
  const core = useCore();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TravellerSummary[]>([]);
  const [chosen, setChosen] = useState<TravellerSummary | null>(null);
  const [history, setHistory] = useState<TravellerHistory | null>(null);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const loadHistory = useCallback(async () => {
    if (!chosen) return;
    const result = await core.getTravellerHistory({ documentNumber: chosen.documentNumber, nationality: chosen.nationality });
    if (result.ok) setHistory(result.value);
    else setMessage({ text: result.error.message, isError: true });
  }, [core, chosen]);
  useEffect(() => void loadHistory(), [loadHistory]);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.searchTravellers({ query });
    if (result.ok) {
      setResults(result.value.items);
      setMessage(result.value.items.length === 0 ? { text: 'Nobody found.', isError: false } : null);
    } else setMessage({ text: result.error.issues?.[0]?.message ?? result.error.message, isError: true });
  };

  return (
    <main className="page consular">
      <form className="toolbar" onSubmit={(e) => void search(e)} role="search">
        <input className="search" type="search" placeholder="Document number or name (any script)" aria-label="Search travellers" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="consular-search" autoFocus />
        <button type="submit" className="button button--primary" data-testid="consular-search-submit">
          Search
        </button>
      </form>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="consular-message">
          {message.text}
        </p>
      )}
      <div className="consular__body">
        <ul className="list" aria-label="Travellers found">
          {results.map((t) => (
            <li key={`${t.documentNumber}/${t.nationality}`}>
              <button type="button" className={`list__item ${chosen === t ? 'list__item--active' : ''}`} onClick={() => setChosen(t)} data-testid="traveller-item">
                <strong>
                  {t.surname}, {t.givenNames}
                </strong>
                <span className="muted">
                  {t.documentNumber} ({t.nationality}) · born {t.birthDate ?? '?'} · {t.crossings} crossings
                </span>
              </button>
            </li>
          ))}
        </ul>
        {history && (
          <section aria-label="History" className="consular__history">
            <h2 data-testid="history-title">
              {history.traveller ? `${history.traveller.surname}, ${history.traveller.givenNames} · ${history.traveller.documentNumber}` : 'History'}
            </h2>
            <table className="table" data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Where</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Document</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Paired</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {history.passages.map((p) => (
                  <tr key={p.id} data-testid="history-row">
                    <td>{new Date(p.recordedAt).toLocaleString()}</td>
                    <td>
                      {p.checkpointId ?? p.stationId}
                      {p.source === 'imported' && <span className="tag">from {p.stationId}</span>}
                    </td>
                    <td>
                      {p.direction} {p.corridorId ? `· ${p.corridorId}` : ''}
                    </td>
                    <td>{p.document.documentNumber}</td>
                    <td>
                      <span className={`badge ${OUTCOME_LABEL[p.effectiveOutcome].className}`}>{OUTCOME_LABEL[p.effectiveOutcome].text}</span>
                      {p.override && (
                        <span className="muted" data-testid="override-note">
                          {' '}
                          overridden from {OUTCOME_LABEL[p.override.previousOutcome].text}: {p.override.reason}
                        </span>
                      )}
                    </td>
                    <td>{p.pairedWith ? `${p.pairedWith.method === 'identity' ? 'by name + birth date' : 'yes'} · ${p.pairedWith.transitMinutes} min` : '—'}</td>
                    <td>
                      {p.source === 'local' && roleMay(user.role, 'overrideCrossing') &&
                        (overriding === p.id ? (
                          <OverrideForm
                            passage={p}
                            onDone={(text, isError) => {
                              setMessage({ text, isError });
                              if (!isError) {
                                setOverriding(null);
                                void loadHistory();
                              }
                            }}
                          />
                        ) : (
                          <button type="button" className="button" onClick={() => setOverriding(p.id)} data-testid="override-open">
                            Override…
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {history.alerts.length > 0 && (
              <ul className="alerts__list">
                {history.alerts.map((a) => (
                  <li key={a.id} className={`alert alert--${a.severity}`}>
                    {a.message} <span className="muted">({a.status})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </main>
  );
}
