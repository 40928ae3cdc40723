import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../shared/contract';
import { periodText, type PeriodChoice } from './export-period';

interface Props {
  choice: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  preview: ExportPreview | null;
}

/** Station day (default: today), the current 12-hour shift, or explicit times — all in the station's time zone. */
export function PeriodPicker({ choice, onChange, preview }: Props) {
  const { t } = useTranslation('export');
  return (
    <fieldset className="export-period" data-testid="export-period">
      <legend>{t('period')}</legend>
      <label className="export-period__option">
        <input type="radio" name="period" checked={choice.kind === 'day'} onChange={() => onChange({ kind: 'day', date: '' })} />
        {t('stationDay')}
      </label>
      {choice.kind === 'day' && (
        <label>
          {t('date')}
          <input type="date" value={choice.date} data-testid="export-date" onChange={(e) => onChange({ kind: 'day', date: e.target.value })} />
        </label>
      )}
      <label className="export-period__option">
        <input type="radio" name="period" checked={choice.kind === 'shift'} onChange={() => onChange({ kind: 'shift' })} />
        {t('currentShift')}
      </label>
      <label className="export-period__option">
        <input
          type="radio"
          name="period"
          checked={choice.kind === 'range'}
          onChange={() => onChange({ kind: 'range', from: preview?.period.from.slice(0, 16) ?? '', to: preview?.period.to.slice(0, 16) ?? '' })}
        />
        {t('fromTo')}
      </label>
      {choice.kind === 'range' && (
        <div className="form-row">
          <label>
            {t('from')}
            <input type="datetime-local" value={choice.from} onChange={(e) => onChange({ ...choice, from: e.target.value })} />
          </label>
          <label>
            {t('to')}
            <input type="datetime-local" value={choice.to} onChange={(e) => onChange({ ...choice, to: e.target.value })} />
          </label>
        </div>
      )}
      {preview && (
        <p className="export-period__resolved" data-testid="export-period-text">
          {periodText(preview.period)}
        </p>
      )}
    </fieldset>
  );
}
