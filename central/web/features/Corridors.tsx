import type { CorridorsAnswer } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons } from './common';

/** The corridors registered at the hub (`checkpoint-central corridor add`): checkpoints in order and the time allowed per leg. */
export function Corridors() {
  const { t, format } = useHubI18n();
  const corridors = useHubQuery<CorridorsAnswer>('corridors');
  const list = corridors.data?.corridors ?? [];
  return (
    <section aria-labelledby="corridors-title">
      <div className="hub-toolbar">
        <h2 id="corridors-title">{t('corridors.title')}</h2>
        <ExportButtons table="corridors" label={t('corridors.title')} />
      </div>
      <ErrorLine error={corridors.error} />
      {corridors.data && list.length === 0 && <p>{t('corridors.empty')}</p>}
      {list.map((c) => (
        <table key={c.id} className="hub-table" data-testid={`corridor-${c.id}`}>
          <caption>
            {c.name} ({c.id}, {t('corridors.version', { version: c.version })})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('journey.checkpoint')}</th>
              <th scope="col">{t('corridors.country')}</th>
              <th scope="col">{t('corridors.direction')}</th>
              <th scope="col">{t('corridors.leg')}</th>
            </tr>
          </thead>
          <tbody>
            {c.steps.map((s, i) => {
              const leg = c.legs[i];
              return (
                <tr key={s.checkpointId}>
                  <th scope="row">{s.checkpointId}</th>
                  <td>{format.country(s.country) ?? s.country}</td>
                  <td>{t(`direction.${s.direction}`)}</td>
                  <td>{leg ? t('corridors.minutes', { expected: leg.expectedMinutes, max: leg.maxMinutes }) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}
