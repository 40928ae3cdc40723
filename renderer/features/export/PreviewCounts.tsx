import type { ExportPreview } from '../../../shared/contract';

/** What the bundle will hold, before it is written. */
export function PreviewCounts({ preview }: { preview: ExportPreview }) {
  const c = preview.crossings;
  const items: [string, string, number][] = [
    ['total', 'Crossings', c.total],
    ['entry', 'Entries', c.entry],
    ['exit', 'Exits', c.exit],
    ['ok', 'OK', c.OK],
    ['not-ok', 'NOT OK', c.NOT_OK],
    ['cross-check', 'Cross-check', c.NEEDS_CROSS_CHECK],
    ['alerts', 'Alerts', preview.alerts],
    ['acknowledged', 'Acknowledged by central', preview.acknowledged],
  ];
  return (
    <dl className="totals" data-testid="export-preview">
      {items.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={`preview-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
