import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { HourBucket } from '../../../shared/contract';
import { useFormat } from '../../i18n';

/** Entries and exits per hour, and the outcomes stacked (Recharts renders SVG: no inline scripts or styles for the CSP). */
export function HourlyChart({ hours, title }: { hours: HourBucket[]; title: string }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  // The operator's language and a 24-hour clock ("14:00"), never the browser's own locale (12-hour in en-US).
  const data = hours.map((h) => ({ ...h, hour: format.time(h.start) }));
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div className="chart__pair">
        <BarChart width={560} height={220} data={data} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#2a323b" />
          <XAxis dataKey="hour" stroke="#a9b4bf" interval={2} />
          <YAxis allowDecimals={false} stroke="#a9b4bf" />
          <Tooltip />
          <Legend />
          <Bar dataKey="entries" name={t('entries')} fill="#3d7bd9" isAnimationActive={false} />
          <Bar dataKey="exits" name={t('exits')} fill="#8e6fd8" isAnimationActive={false} />
        </BarChart>
        <BarChart width={560} height={220} data={data} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#2a323b" />
          <XAxis dataKey="hour" stroke="#a9b4bf" interval={2} />
          <YAxis allowDecimals={false} stroke="#a9b4bf" />
          <Tooltip />
          <Legend />
          <Bar dataKey="ok" name={t('ok')} stackId="o" fill="#1f7a3a" isAnimationActive={false} />
          <Bar dataKey="crossCheck" name={t('crossCheck')} stackId="o" fill="#9a6700" isAnimationActive={false} />
          <Bar dataKey="notOk" name={t('notOk')} stackId="o" fill="#b3261e" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
