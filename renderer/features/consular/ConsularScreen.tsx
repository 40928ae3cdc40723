import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError, Outcome, PassageRecord, TravellerSummary } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { LOG_TOPICS, useCoreQuery } from '../../core-query';
import { useSession } from '../../session';
import { useAlertText, useFormat, useErrorText } from '../../i18n';
import { OUTCOME_LABEL } from '../lane/outcome-label';
import { OverrideDialog } from '../override';
import { HeldQueue } from './HeldQueue';
import { PassageDetails } from './PassageDetails';

/**
 * Changing a crossing's outcome goes through the same second-person confirmation as admitting a held traveller
 * (OverrideDialog): the officer types their own user name and PIN and a reason, and the core refuses the
 * operator who recorded the crossing.
 */
function OverrideForm({ passage, onDone, onClose }: { passage: PassageRecord; onDone: (message: string, isError: boolean) => void; onClose: () => void }) {
  const core = useCore();
  const { t } = useTranslation(['consular', 'common']);
  const [outcome, setOutcome] = useState<Outcome>(passage.effectiveOutcome === 'OK' ? 'NOT_OK' : 'OK');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  return (
    <OverrideDialog
      subject={
        <label>
          {t('newOutcome')}{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="override-outcome">
            {(['OK', 'NOT_OK', 'NEEDS_CROSS_CHECK'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`common:outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
      }
      askAuthoriser
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={(answer) => {
        if (!answer.authoriser) return;
        setBusy(true);
        void core.overrideCrossing({ crossingId: passage.id, outcome, reason: answer.reason, authoriser: answer.authoriser }).then((result) => {
          setBusy(false);
          if (!result.ok) return setError(result.error);
          setError(null);
          onDone(t('overridden', { outcome: t(`common:outcome.${outcome}`) }), false);
        });
      }}
    />
  );
}

/** Consular: find any traveller, see every crossing across corridors (both ends), override a decision with a reason. */
export function ConsularScreen() {
  const core = useCore();
  const { may } = useSession();
  const { t } = useTranslation(['consular', 'common', 'alerts']);
  const alertText = useAlertText();
  const errorText = useErrorText();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TravellerSummary[]>([]);
  const [chosen, setChosen] = useState<TravellerSummary | null>(null);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const historyQuery = useCoreQuery('getTravellerHistory', chosen ? { documentNumber: chosen.documentNumber, nationality: chosen.nationality } : null, { on: LOG_TOPICS });
  const history = chosen ? historyQuery.data : undefined;

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.searchTravellers({ query });
    if (result.ok) {
      setResults(result.value.items);
      setMessage(result.value.items.length === 0 ? { text: t('nobody'), isError: false } : null);
    } else setMessage({ text: errorText(result.error), isError: true });
  };

  return (
    <main className="page consular">
      <form className="toolbar" onSubmit={(e) => void search(e)} role="search">
        <input className="search" type="search" placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="consular-search" autoFocus />
        <button type="submit" className="button button--primary" data-testid="consular-search-submit">
          {t('search')}
        </button>
      </form>
      {historyQuery.errorText && (
        <p className="error-banner" role="alert" data-testid="consular-error">
          {historyQuery.errorText}
        </p>
      )}
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="consular-message">
          {message.text}
        </p>
      )}
      <HeldQueue onMessage={(text, isError) => setMessage({ text, isError })} />
      <div className="consular__body">
        <ul className="list" aria-label={t('found')}>
          {results.map((tr) => (
            <li key={`${tr.documentNumber}/${tr.nationality}`}>
              <button type="button" className={`list__item ${chosen === tr ? 'list__item--active' : ''}`} onClick={() => setChosen(tr)} data-testid="traveller-item">
                <strong>
                  {tr.surname}, {tr.givenNames}
                </strong>
                <span className="muted">
                  {t('summary', { document: tr.documentNumber, nationality: tr.nationality, born: tr.birthDate ?? '?', crossings: tr.crossings })}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {history && (
          <section aria-label={t('history')} className="consular__history">
            <h2 data-testid="history-title">
              {history.traveller ? `${history.traveller.surname}, ${history.traveller.givenNames} · ${history.traveller.documentNumber}` : t('history')}
            </h2>
            <table className="table" data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('where')}</th>
                  <th scope="col">{t('direction')}</th>
                  <th scope="col">{t('document')}</th>
                  <th scope="col">{t('outcome')}</th>
                  <th scope="col">{t('paired')}</th>
                  <th scope="col">{t('recordedBy')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {history.passages.map((p) => (
                  <Fragment key={p.id}>
                    <tr data-testid="history-row">
                      <td>{format.dateTime(p.recordedAt)}</td>
                      <td>
                        {p.checkpointId ?? p.stationId}
                        {p.source === 'imported' && <span className="tag">{t('from', { station: p.stationId })}</span>}
                      </td>
                      <td>
                        {t(`common:direction.${p.direction}`)} {p.corridorId ? `· ${p.corridorId}` : ''}
                      </td>
                      <td>{p.document.documentNumber}</td>
                      <td>
                        <span className={`badge ${OUTCOME_LABEL[p.effectiveOutcome].className}`}>{t(`common:outcome.${p.effectiveOutcome}`)}</span>{' '}
                        <span data-testid="history-disposition">{t(`disposition.${p.disposition}`)}</span>
                        {p.override && p.override.previousOutcome !== p.override.outcome && (
                          <span className="muted" data-testid="override-note">
                            {' '}
                            {t('overriddenFrom', { outcome: t(`common:outcome.${p.override.previousOutcome}`), reason: p.override.reason })}
                          </span>
                        )}
                      </td>
                      <td>{p.pairedWith ? t('pairedMinutes', { how: t(p.pairedWith.method === 'identity' ? 'pairedIdentity' : 'pairedYes'), minutes: p.pairedWith.transitMinutes }) : '—'}</td>
                      <td data-testid="history-operator">{p.operatorName ?? (p.source === 'imported' ? '—' : t('unknownPerson'))}</td>
                      <td>
                        {p.source === 'local' && may('overrideCrossing') &&
                          (overriding === p.id ? (
                            <OverrideForm
                              passage={p}
                              onClose={() => setOverriding(null)}
                              onDone={(text, isError) => {
                                setMessage({ text, isError });
                                if (!isError) {
                                  setOverriding(null);
                                  void historyQuery.refresh();
                                }
                              }}
                            />
                          ) : (
                            <button type="button" className="button" onClick={() => setOverriding(p.id)} data-testid="override-open">
                              {t('overrideOpen')}
                            </button>
                          ))}
                      </td>
                    </tr>
                    <tr className="history-details">
                      <td colSpan={8}>
                        <PassageDetails passage={p} />
                      </td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
            {history.alerts.length > 0 && (
              <ul className="alerts__list">
                {history.alerts.map((a) => (
                  <li key={a.id} className={`alert alert--${a.severity}`}>
                    {alertText(a)} <span className="muted">({t(`alerts:status.${a.status}`)})</span>
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
