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

/** Nobody stays held silently past the shift: who is still waiting for consular, listed by name. */
function HeldNowTable({ report }: { report: ShiftReport }) {
  const { t } = useTranslation('export');
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  if (report.heldNowTotal === 0) return <p data-testid="report-held">{t('report.heldNone')}</p>;
  return (
    <table className="report__table" data-testid="report-held">
      <caption>{t('report.heldNow', { total: report.heldNowTotal })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.heldSince')}</th>
          <th scope="col">{t('report.traveller')}</th>
          <th scope="col">{t('report.document')}</th>
          <th scope="col">{t('report.corridor')}</th>
          <th scope="col">{t('report.recordedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {report.heldNow.map((h) => (
          <tr key={h.crossingId}>
            <td>{time(h.recordedAt)}</td>
            <th scope="row">
              {h.surname}, {h.givenNames}
            </th>
            <td>
              {h.documentNumber} ({h.nationality})
            </td>
            <td>{h.corridorId ?? '—'}</td>
            <td>{h.operatorName ?? '—'}</td>
          </tr>
        ))}
      </tbody>
      {report.heldNowTotal > report.heldNow.length && (
        <tfoot>
          <tr>
            <td colSpan={5}>{t('report.heldMore', { more: report.heldNowTotal - report.heldNow.length })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

const OUTCOME_LABEL = { OK: 'ok', NOT_OK: 'notOk', NEEDS_CROSS_CHECK: 'crossCheck' } as const;

/** Nobody decided leaves the shift unnoticed: who was decided at the lane and never recorded, per operator. */
function ParkedNowTable({ report }: { report: ShiftReport }) {
  const { t } = useTranslation('export');
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  if (report.parkedNowTotal === 0) return <p data-testid="report-parked">{t('report.parkedNone')}</p>;
  return (
    <table className="report__table" data-testid="report-parked">
      <caption>{t('report.parkedNow', { total: report.parkedNowTotal })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.decidedBy')}</th>
          <th scope="col">{t('report.scannedAt')}</th>
          <th scope="col">{t('report.traveller')}</th>
          <th scope="col">{t('report.document')}</th>
          <th scope="col">{t('report.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {report.parkedNow.map((p, i) => (
          <tr key={p.scanId}>
            {/* The operator's name once, on the first of their rows (the rows come grouped by operator). */}
            <td>{i > 0 && report.parkedNow[i - 1]?.operatorName === p.operatorName ? '' : (p.operatorName ?? '—')}</td>
            <td>{time(p.scannedAt)}</td>
            <th scope="row">
              {p.surname}, {p.givenNames}
            </th>
            <td>
              {p.documentNumber} ({p.nationality})
            </td>
            <td>{t(`report.${OUTCOME_LABEL[p.outcome]}`)}</td>
          </tr>
        ))}
      </tbody>
      {report.parkedNowTotal > report.parkedNow.length && (
        <tfoot>
          <tr>
            <td colSpan={5}>{t('report.parkedMore', { more: report.parkedNowTotal - report.parkedNow.length })}</td>
          </tr>
        </tfoot>
      )}
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
      <HeldNowTable report={report} />
      <ParkedNowTable report={report} />
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
