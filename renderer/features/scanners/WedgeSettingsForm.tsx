import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import { useEffect, useState, type FormEvent } from 'react';
import type { WedgeSettings } from '../../../shared/contract';
import { proposeBurstThreshold, type Keystroke } from '../../../shared/domain/scanner-input';

/**
 * The lane's burst detector settings. "Learn" proposes the threshold from the scans made on this
 * screen (p99 of the scanner's key gaps × 1.5, see burst-threshold.ts).
 */
export function WedgeSettingsForm({
  settings,
  learnedFrom,
  onSave,
}: {
  settings: WedgeSettings;
  learnedFrom: readonly (readonly Keystroke[])[];
  onSave: (settings: WedgeSettings) => void;
}) {
  const { t } = useTranslation('scanners');
  const errorText = useErrorText();
  const [value, setValue] = useState(settings);
  const [note, setNote] = useState('');
  useEffect(() => setValue(settings), [settings]);

  const learn = () => {
    const proposal = proposeBurstThreshold(learnedFrom);
    if (!proposal.ok) {
      setNote(errorText(proposal.error));
      return;
    }
    const { maxGapMs, endIdleMs, percentileGapMs, samples } = proposal.value;
    setValue({ ...value, maxGapMs, endIdleMs });
    setNote(t('learned', { samples, percentile: percentileGapMs, gap: maxGapMs }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };

  return (
    <form className="scanners__form" onSubmit={submit} data-testid="wedge-settings">
      <label>
        {t('maxGap')}
        <input type="number" min={5} max={100} value={value.maxGapMs} onChange={(e) => setValue({ ...value, maxGapMs: Number(e.target.value) })} />
      </label>
      <label>
        {t('prefix')}
        <input value={value.prefix} maxLength={16} onChange={(e) => setValue({ ...value, prefix: e.target.value })} />
      </label>
      <label>
        {t('suffix')}
        <input value={value.suffix} maxLength={16} onChange={(e) => setValue({ ...value, suffix: e.target.value })} />
      </label>
      <label>
        <span>
          <input type="checkbox" checked={value.fixKeyboardLayout} onChange={(e) => setValue({ ...value, fixKeyboardLayout: e.target.checked })} />{' '}
          {t('undoLayout')}
        </span>
      </label>
      <button type="button" className="scanners__small-button" onClick={learn} disabled={learnedFrom.length === 0}>
        {t('learn')}
      </button>
      <button type="submit" className="scanners__small-button">
        {t('save')}
      </button>
      {note && <p className="scanners__note">{note}</p>}
    </form>
  );
}
