import { PHASE_LABEL, type ExportProgressState } from './use-export-progress';

/** A real <progress> (screen readers announce it) with the rows written in words. */
export function ExportProgressBar({ progress }: { progress: ExportProgressState }) {
  const max = Math.max(progress.total, 1);
  const value = progress.phase === 'crossings' ? Math.min(progress.done, max) : max;
  return (
    <div className="export-progress" data-testid="export-progress">
      <progress max={max} value={value} aria-label="Export progress" />
      <span>
        {PHASE_LABEL[progress.phase]}
        {progress.phase === 'crossings' && ` — ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} crossings`}
      </span>
    </div>
  );
}
