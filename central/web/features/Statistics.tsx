import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsAnswer } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons } from './common';

// Distinct enough on the dark panel and for the common colour-vision deficiencies (Okabe–Ito palette).
const COLOURS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2'];

/** Crossings per UTC day and checkpoint, as a chart and as the table it is drawn from. */
export function Statistics() {
  const { t, format } = useHubI18n();
  const [days, setDays] = useState(14);
  const stats = useHubQuery<StatisticsAnswer>('statistics', { days });
  const counts = stats.data?.counts ?? [];
  const checkpoints = [...new Set(counts.map((c) => c.checkpointId))];
  const byDay = new Map<string, Record<string, number | string>>();
  for (const c of counts) {
    const row = byDay.get(c.day) ?? { day: c.day };
    row[c.checkpointId] = Number(row[c.checkpointId] ?? 0) + c.crossed;
    byDay.set(c.day, row);
  }
  return (
    <section aria-labelledby="statistics-title">
      <div className="hub-toolbar">
        <h2 id="statistics-title">{t('statistics.title')}</h2>
        <label>
          {t('statistics.days')}{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 31, 92].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <ExportButtons table="statistics" query={{ days }} label={t('statistics.title')} />
      </div>
      <ErrorLine error={stats.error} />
      {stats.data && counts.length === 0 && <p>{t('statistics.empty')}</p>}
      {counts.length > 0 && (
        <>
          <figure className="hub-chart" aria-label={t('statistics.chart')}>
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={[...byDay.values()]}>
                <CartesianGrid strokeDasharray="3 3" stroke="#3a4450" />
                <XAxis dataKey="day" stroke="#a9b4bf" />
                <YAxis stroke="#a9b4bf" allowDecimals={false} />
                <Tooltip contentStyle={{ background: '#1b2128', border: '1px solid #3a4450' }} />
                <Legend />
                {checkpoints.map((cp, i) => (
                  <Bar key={cp} dataKey={cp} stackId="crossed" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
            <figcaption>{t('statistics.chart')}</figcaption>
          </figure>
          <table className="hub-table" data-testid="statistics">
            <caption>{t('statistics.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.day')}</th>
                <th scope="col">{t('board.corridor')}</th>
                <th scope="col">{t('journey.checkpoint')}</th>
                <th scope="col">{t('statistics.crossed')}</th>
                <th scope="col">{t('statistics.refused')}</th>
                <th scope="col">{t('statistics.held')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={`${c.day}/${c.corridorId}/${c.checkpointId}`}>
                  <th scope="row">{c.day}</th>
                  <td>{c.corridorId}</td>
                  <td>{c.checkpointId}</td>
                  <td>{format.number(c.crossed)}</td>
                  <td>{format.number(c.refused)}</td>
                  <td>{format.number(c.held)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
