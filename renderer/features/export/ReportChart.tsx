import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { ShiftReport } from '../../../shared/contract';
import { StationTime } from '../../../shared/domain/export/station-time';

const HOUR_MS = 3_600_000;

/** Every hour of the period (at most two days), with the report's counts and zeros for quiet hours. */
export function hourlySeries(report: Pick<ShiftReport, 'byHour' | 'period'>) {
  const time = new StationTime(report.period.timeZone);
  const counts = new Map(report.byHour.map((h) => [Date.parse(h.hour), h]));
  const fromMs = Date.parse(time.hourOf(Date.parse(report.period.from)));
  const toMs = Math.min(Date.parse(report.period.to), fromMs + 48 * HOUR_MS);
  const series = [];
  for (let ms = fromMs; ms < toMs; ms += HOUR_MS) {
    const h = counts.get(ms);
    series.push({ hour: time.hourOf(ms).slice(11, 16), OK: h?.OK ?? 0, NOT_OK: h?.NOT_OK ?? 0, NEEDS_CROSS_CHECK: h?.NEEDS_CROSS_CHECK ?? 0 });
  }
  return series;
}

/** Outcomes per hour of the period, stacked; plain SVG so it prints crisp (no animation, no tooltip in print). */
export function ReportChart({ report }: { report: Pick<ShiftReport, 'byHour' | 'period'> }) {
  const { t } = useTranslation('export');
  const data = hourlySeries(report);
  return (
    <figure className="report__chart" aria-label={t('report.chart')} data-testid="report-chart">
      <figcaption>{t('report.chart')}</figcaption>
      <BarChart width={680} height={240} data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#b8c0c8" />
        <XAxis dataKey="hour" stroke="#39424b" interval={data.length > 12 ? 2 : 0} />
        <YAxis allowDecimals={false} stroke="#39424b" />
        <Legend />
        <Bar dataKey="OK" name={t('report.ok')} stackId="o" fill="#1f7a3a" isAnimationActive={false} />
        <Bar dataKey="NEEDS_CROSS_CHECK" name={t('report.crossCheck')} stackId="o" fill="#9a6700" isAnimationActive={false} />
        <Bar dataKey="NOT_OK" name={t('report.notOk')} stackId="o" fill="#b3261e" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
