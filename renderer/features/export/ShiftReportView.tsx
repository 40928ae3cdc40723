import type { ShiftReport } from '../../../shared/contract';
import { periodText } from './export-period';
import { ReportChart } from './ReportChart';

type Tally = ShiftReport['crossings'];
const COLUMNS: [keyof Tally, string][] = [
  ['total', 'Total'],
  ['entry', 'Entries'],
  ['exit', 'Exits'],
  ['OK', 'OK'],
  ['NOT_OK', 'NOT OK'],
  ['NEEDS_CROSS_CHECK', 'Cross-check'],
];

function TallyTable({ caption, label, rows, testId }: { caption: string; label: string; rows: { key: string; name: string; tally: Tally }[]; testId: string }) {
  return (
    <table className="report__table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          {COLUMNS.map(([key, name]) => (
            <th key={key} scope="col">
              {name}
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
  return (
    <article className="report" data-testid="shift-report">
      <header className="report__header">
        <h1>Shift report — station {report.stationId}</h1>
        <p>
          {periodText(report.period)}
          {report.checkpointId && ` · checkpoint ${report.checkpointId}`} · generated {report.generatedAt.slice(0, 16).replace('T', ' ')}
        </p>
      </header>
      <TallyTable caption="All crossings" label="" rows={[{ key: 'all', name: 'All', tally: report.crossings }]} testId="report-total" />
      <TallyTable
        caption="Per corridor"
        label="Corridor"
        rows={report.byCorridor.map((c) => ({ key: c.corridorId ?? 'none', name: c.corridorId ?? 'no corridor', tally: c }))}
        testId="report-corridors"
      />
      <ReportChart report={report} />
      <TallyTable caption="Per hour" label="Hour" rows={report.byHour.map((h) => ({ key: h.hour, name: h.hour.slice(11, 16), tally: h }))} testId="report-hours" />
      {report.groups.length > 0 && (
        <table className="report__table">
          <caption>Groups (expected vs processed)</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Corridor</th>
              <th scope="col">Expected</th>
              <th scope="col">Processed</th>
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
        Alerts: {report.alerts.total}
        {Object.entries(report.alerts.byType).map(([type, n]) => ` · ${type} ${n}`)}. Acknowledged by the central system: {report.acknowledged} of {report.crossings.total}{' '}
        crossings.
      </p>
      <footer className="report__signature">
        <span>Shift lead: ______________________</span>
        <span>Signature: ______________________</span>
      </footer>
    </article>
  );
}
