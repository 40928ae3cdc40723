import type { PersonOnJourney } from '../../../shared/contract/hub-web';
import { useHubI18n } from '../i18n/hub-i18n';
import { readableName, When } from './common';

/** People with their state: the bus view's table (and the journey's one-line header). */
export function PeopleTable({ people, caption }: { people: readonly PersonOnJourney[]; caption: string }) {
  const { t, format } = useHubI18n();
  return (
    <table className="hub-table" data-testid="people">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('person.name')}</th>
          <th scope="col">{t('person.document')}</th>
          <th scope="col">{t('person.nationality')}</th>
          <th scope="col">{t('person.state')}</th>
          <th scope="col">{t('person.lastSeen')}</th>
          <th scope="col">{t('person.next')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.journeyKey} className={`hub-state--${p.state}`} data-testid="person-row">
            <th scope="row">{readableName(p.nameKey)}</th>
            <td>
              {p.documentNumber}
              {p.pairedBy === 'identity' && <span className="hub-muted"> · {t('person.pairedByIdentity')}</span>}
            </td>
            <td>{format.country(p.nationality) ?? p.nationality}</td>
            <td>{t(`state.${p.state}`)}</td>
            <td>
              {p.lastSeen.checkpointId}, <When ms={p.lastSeen.atMs} />
            </td>
            <td>
              {p.nextCheckpointId ?? '—'}
              {p.expectedAtMs !== null && (
                <>
                  , <When ms={p.expectedAtMs} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
