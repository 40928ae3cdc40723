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
  const [value, setValue] = useState(settings);
  const [note, setNote] = useState('');
  useEffect(() => setValue(settings), [settings]);

  const learn = () => {
    const proposal = proposeBurstThreshold(learnedFrom);
    if (!proposal.ok) {
      setNote(proposal.error.message);
      return;
    }
    const { maxGapMs, endIdleMs, percentileGapMs, samples } = proposal.value;
    setValue({ ...value, maxGapMs, endIdleMs });
    setNote(`From ${samples} key gaps: 99 % were at most ${percentileGapMs} ms. Proposed ${maxGapMs} ms; save to use it.`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };

  return (
    <form className="scanners__form" onSubmit={submit} data-testid="wedge-settings">
      <label>
        Largest gap between a scanner&apos;s keys (ms)
        <input type="number" min={5} max={100} value={value.maxGapMs} onChange={(e) => setValue({ ...value, maxGapMs: Number(e.target.value) })} />
      </label>
      <label>
        Prefix
        <input value={value.prefix} maxLength={16} onChange={(e) => setValue({ ...value, prefix: e.target.value })} />
      </label>
      <label>
        Suffix
        <input value={value.suffix} maxLength={16} onChange={(e) => setValue({ ...value, suffix: e.target.value })} />
      </label>
      <label>
        <span>
          <input type="checkbox" checked={value.fixKeyboardLayout} onChange={(e) => setValue({ ...value, fixKeyboardLayout: e.target.checked })} /> Undo a
          Russian/German/French keyboard layout
        </span>
      </label>
      <button type="button" className="scanners__small-button" onClick={learn} disabled={learnedFrom.length === 0}>
        Learn from the scans below
      </button>
      <button type="submit" className="scanners__small-button">
        Save
      </button>
      {note && <p className="scanners__note">{note}</p>}
    </form>
  );
}
