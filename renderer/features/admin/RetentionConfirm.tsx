import { useTranslation } from 'react-i18next';
import type { RetentionPreview } from '../../../shared/contract';

/** What the administrator is asked before personal data is erased: a new period, or the crossings no bundle holds. */
export type RetentionQuestion = { readonly kind: 'period' | 'unexported'; readonly preview: RetentionPreview };

/**
 * The question names the number of crossings that lose their personal data, and the confirming button repeats it:
 * the core erases only when the number it is sent is the number it counts now.
 */
export function RetentionConfirm({ question, onConfirm, onCancel }: { question: RetentionQuestion; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  const { kind, preview } = question;
  const clock = preview.clockSuspect;
  const text =
    kind === 'unexported'
      ? t('retention.confirmUnexported', { count: preview.unexported })
      : clock
        ? t(`retention.confirmClock.${clock}`, { days: preview.days })
        : t('retention.confirmPeriod', { days: preview.days, count: preview.erase });
  const button = kind === 'unexported' ? t('retention.eraseCount', { count: preview.unexported }) : clock ? t('retention.saveOnly') : t('retention.eraseCount', { count: preview.erase });
  return (
    <div className="card close-confirm" role="alertdialog" aria-labelledby="retention-confirm-title" data-testid="retention-confirm">
      <p id="retention-confirm-title">{text}</p>
      {kind === 'period' && !clock && preview.unexported > 0 && <p className="muted">{t('retention.unexportedKept', { count: preview.unexported })}</p>}
      <div className="form-row">
        <button type="button" className="button button--primary" data-testid="retention-confirm-yes" onClick={onConfirm} autoFocus>
          {button}
        </button>
        <button type="button" className="button" data-testid="retention-confirm-no" onClick={onCancel}>
          {t('retention.cancel')}
        </button>
      </div>
    </div>
  );
}
