import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../shared/contract';
import { periodText } from './export-period';
import { ReportChart } from './ReportChart';

type Tally = ShiftReport['crossings'];
const COLUMNS = [
  ['total', 'total'],
  ['entry', 'entries'],
  ['exit', 'exits'],
  ['OK', 'ok'],
  ['NOT_OK', 'notOk'],
  ['NEEDS_CROSS_CHECK', 'crossCheck'],
] as const satisfies readonly (readonly [keyof Tally, string])[];

function TallyTable({ caption, label, rows, testId }: { caption: string; label: string; rows: { key: string; name: string; tally: Tally }[]; testId: string }) {
  const { t } = useTranslation('export');
  return (
    <table className="report__table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          {COLUMNS.map(([key, name]) => (
            <th key={key} scope="col">
              {t(`report.${name}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {COLUMNS.map(([key]) => (
              <td key={key}>{row.tally[key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The printable shift report: a white A4 page in print (`@media print` in export.css hides the rest of the app).
 * Counts come from the same summary code as the bundle's summary.json.
 */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const { t } = useTranslation('export');
  return (
    <article className="report" data-testid="shift-report">
      <header className="report__header">
        <h1>{t('report.title', { station: report.stationId })}</h1>
        <p>
          {periodText(report.period)}
          {report.checkpointId && t('report.checkpoint', { checkpoint: report.checkpointId })}
          {t('report.generated', { at: report.generatedAt.slice(0, 16).replace('T', ' ') })}
        </p>
      </header>
      <TallyTable caption={t('report.allCrossings')} label="" rows={[{ key: 'all', name: t('report.all'), tally: report.crossings }]} testId="report-total" />
      <TallyTable
        caption={t('report.perCorridor')}
        label={t('report.corridor')}
        rows={report.byCorridor.map((c) => ({ key: c.corridorId ?? 'none', name: c.corridorId ?? t('report.noCorridor'), tally: c }))}
        testId="report-corridors"
      />
      <ReportChart report={report} />
      <TallyTable caption={t('report.perHour')} label={t('report.hour')} rows={report.byHour.map((h) => ({ key: h.hour, name: h.hour.slice(11, 16), tally: h }))} testId="report-hours" />
      {report.groups.length > 0 && (
        <table className="report__table">
          <caption>{t('report.groups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.group')}</th>
              <th scope="col">{t('report.corridor')}</th>
              <th scope="col">{t('report.expected')}</th>
              <th scope="col">{t('report.processed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.groupId}>
                <th scope="row">{g.label}</th>
                <td>{g.corridorId ?? '—'}</td>
                <td>{g.expected ?? '—'}</td>
                <td>{g.processed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {t('report.alerts', { total: report.alerts.total })}
        {Object.entries(report.alerts.byType).map(([type, n]) => ` · ${t(`alerts:type.${type}` as never, { defaultValue: type })} ${n}`)}
        {t('report.acknowledged', { acknowledged: report.acknowledged, total: report.crossings.total })}
      </p>
      <footer className="report__signature">
        <span>{t('report.shiftLead')}</span>
        <span>{t('report.signature')}</span>
      </footer>
    </article>
  );
}
