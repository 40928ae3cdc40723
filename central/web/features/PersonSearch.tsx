import { useState, type FormEvent } from 'react';
import type { JourneyAnswer, PersonHitView, PersonsAnswer } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons, readableName, When } from './common';
import { PeopleTable } from './PeopleTable';

function Journey({ hit }: { hit: PersonHitView }) {
  const { t } = useHubI18n();
  const query = { corridor: hit.corridorId, key: hit.journeyKey };
  const journey = useHubQuery<JourneyAnswer>('journey', query);
  const title = t('journey.title', { name: readableName(hit.nameKey) });
  return (
    <section aria-labelledby="journey-title" data-testid="journey">
      <div className="hub-toolbar">
        <h3 id="journey-title">{title}</h3>
        <ExportButtons table="journey" query={query} label={title} />
      </div>
      <ErrorLine error={journey.error} />
      {journey.data && (
        <>
          <PeopleTable people={[journey.data.person]} caption={journey.data.corridor.name} />
          <table className="hub-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('journey.checkpoint')}</th>
                <th scope="col">{t('journey.station')}</th>
                <th scope="col">{t('journey.at')}</th>
                <th scope="col">{t('journey.disposition')}</th>
                <th scope="col">{t('person.document')}</th>
              </tr>
            </thead>
            <tbody>
              {journey.data.events.map((e) => (
                <tr key={e.crossingId} data-testid="journey-event">
                  <th scope="row">{e.checkpointId}</th>
                  <td>{e.stationId}</td>
                  <td>
                    <When ms={e.atMs} />
                  </td>
                  <td>{e.disposition === 'crossed' || e.disposition === 'refused' || e.disposition === 'held' ? t(`disposition.${e.disposition}`) : e.disposition}</td>
                  <td>{e.documentNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Person search across every station: a document number, or a name typed in Latin or Cyrillic. */
export function PersonSearch() {
  const { t, format } = useHubI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PersonHitView | null>(null);
  const found = useHubQuery<PersonsAnswer>('persons', { q: query }, query.length < 2);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChosen(null);
    setQuery(text.trim());
  };
  return (
    <section aria-labelledby="persons-title">
      <h2 id="persons-title">{t('persons.title')}</h2>
      <form className="hub-toolbar" onSubmit={submit} role="search">
        <label>
          {t('persons.query')}{' '}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} minLength={2} required data-testid="persons-query" />
        </label>
        <button type="submit" className="hub-button hub-button--primary" data-testid="persons-search">
          {t('persons.search')}
        </button>
        {query.length >= 2 && <ExportButtons table="persons" query={{ q: query }} label={t('persons.title')} />}
      </form>
      <ErrorLine error={found.error} />
      {found.data && query.length >= 2 && (
        <>
          {found.data.hits.length === 0 && <p>{t('persons.none')}</p>}
          <ul className="hub-hits">
            {found.data.hits.map((hit) => (
              <li key={`${hit.corridorId}/${hit.journeyKey}`}>
                <button type="button" className="hub-link" onClick={() => setChosen(hit)} aria-label={t('persons.open', { name: readableName(hit.nameKey) })} data-testid="person-hit">
                  {readableName(hit.nameKey)}
                </button>{' '}
                · {hit.documentNumber} · {format.country(hit.nationality) ?? hit.nationality} · {hit.birthDate ?? '—'} · {hit.corridorId} · <When ms={hit.lastSeenAtMs} />
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && <Journey key={`${chosen.corridorId}/${chosen.journeyKey}`} hit={chosen} />}
    </section>
  );
}
