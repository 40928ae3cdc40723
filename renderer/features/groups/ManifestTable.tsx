import { useTranslation } from 'react-i18next';
import type { PersonStatus } from '../../../shared/contract';
import { useFormat } from '../../i18n';
import { PERSON_STATE_LABEL } from './person-state-label';

export function ManifestTable({ people }: { people: PersonStatus[] }) {
  const { t } = useTranslation('groups');
  const format = useFormat();
  const time = (iso: string | undefined) => (iso ? format.time(iso) : '');
  if (people.length === 0) return <p className="muted">{t('nobody')}</p>;
  return (
    <table className="table" data-testid="manifest-table">
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('document')}</th>
          <th scope="col">{t('nationality')}</th>
          <th scope="col">{t('born')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('entry')}</th>
          <th scope="col">{t('exit')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => {
          const label = PERSON_STATE_LABEL[p.state];
          return (
            <tr key={p.manifestEntryId ?? `${p.documentNumber}-${p.exit?.id ?? p.entry?.id ?? ''}`} data-testid="manifest-row" data-state={p.state}>
              <td>
                {p.surname}, {p.givenNames}
                {p.minor && <span className="tag">{t('minor')}</span>}
                {!p.manifestEntryId && <span className="tag">{t('notOnManifest')}</span>}
              </td>
              <td>{p.documentNumber}</td>
              <td>{p.nationality}</td>
              <td>{p.birthDate ?? '—'}</td>
              <td>
                <span className={`badge ${label.className}`}>
                  <span aria-hidden="true">{label.icon}</span> {t(`state.${p.state}`)}
                </span>
                {p.pairMethod === 'identity' && <span className="tag">{t('newPassport')}</span>}
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
