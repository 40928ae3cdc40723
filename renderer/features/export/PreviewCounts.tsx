import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../shared/contract';

/** What the bundle will hold, before it is written. */
export function PreviewCounts({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation('export');
  const c = preview.crossings;
  const items = [
    ['total', c.total],
    ['entry', c.entry],
    ['exit', c.exit],
    ['ok', c.OK],
    ['not-ok', c.NOT_OK],
    ['cross-check', c.NEEDS_CROSS_CHECK],
    ['alerts', preview.alerts],
    ['acknowledged', preview.acknowledged],
  ] as const;
  return (
    <dl className="totals" data-testid="export-preview">
      {items.map(([id, value]) => (
        <div key={id}>
          <dt>{t(`preview.${id}`)}</dt>
          <dd data-testid={`preview-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
