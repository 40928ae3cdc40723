import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { ExportProgressState } from './use-export-progress';

/** A real <progress> (screen readers announce it) with the rows written in words. */
export function ExportProgressBar({ progress }: { progress: ExportProgressState }) {
  const { t } = useTranslation('export');
  const format = useFormat();
  const max = Math.max(progress.total, 1);
  const value = progress.phase === 'crossings' ? Math.min(progress.done, max) : max;
  return (
    <div className="export-progress" data-testid="export-progress">
      <progress max={max} value={value} aria-label={t('progressLabel')} />
      <span>
        {t(`phase.${progress.phase}`)}
        {progress.phase === 'crossings' && t('progressCrossings', { done: format.number(progress.done), total: format.number(progress.total) })}
      </span>
    </div>
  );
}
