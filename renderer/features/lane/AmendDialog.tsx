import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendCrossingInput, CoreError, Direction } from '../../../shared/contract';
import { useErrorText } from '../../i18n';
import type { AmendTarget } from './lane-state';

const MIN_REASON = 5;
type Choice = 'rejudge' | 'direction' | 'void';

/**
 * Correcting a recorded crossing from the lane: judge it again with the evidence scanned now, change its
 * direction, or void it with a reason. The core appends a correction; the recorded row never changes.
 */
export function AmendDialog({ target, busy, error, onSubmit, onClose }: { target: AmendTarget; busy: boolean; error: CoreError | null; onSubmit: (change: AmendCrossingInput['change']) => void; onClose: () => void }) {
  const { t } = useTranslation('lane');
  const errorText = useErrorText();
  const id = useId();
  const choices: Choice[] = [...(target.rejudgeScanId ? (['rejudge'] as const) : []), ...(target.direction ? (['direction'] as const) : []), 'void'];
  const [choice, setChoice] = useState<Choice>(choices[0]!);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const other: Direction = target.direction === 'exit' ? 'entry' : 'exit';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === 'rejudge' && target.rejudgeScanId) return onSubmit({ kind: 'rejudge', scanId: target.rejudgeScanId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (reason.trim().length < MIN_REASON) return setProblem(true);
    setProblem(false);
    onSubmit(choice === 'direction' ? { kind: 'direction', direction: other, reason: reason.trim() } : { kind: 'void', reason: reason.trim() });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  const label = (c: Choice) => (c === 'rejudge' ? t('amend.rejudge') : c === 'direction' ? t('amend.direction', { direction: t(`dir.${other}`) }) : t('amend.void'));

  return (
    <form className="lane-dialog" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`} data-testid="amend-dialog" onSubmit={submit} onKeyDown={onKeyDown}>
      <header className="lane-dialog__header">
        <h2 id={`${id}-title`}>{target.sequence ? t('amend.title', { sequence: target.sequence }) : t('amend.titleRecorded')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('amend.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <fieldset className="amend-dialog__choices">
        {choices.map((c, index) => (
          <label key={c}>
            <input type="radio" name={`${id}-choice`} data-testid={`amend-${c}`} autoFocus={index === 0} checked={choice === c} onChange={() => setChoice(c)} /> {label(c)}
          </label>
        ))}
      </fieldset>
      <div className="lane-dialog__grid">
        <label className="lane-dialog__reason">
          {t('amend.reason')}
          <input data-testid="amend-reason" autoComplete="off" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      {(problem || error) && (
        <p className="lane-dialog__problem" role="alert" data-testid="amend-problem">
          {problem ? t('amend.needReason') : error ? errorText(error) : null}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="amend-submit" disabled={busy}>
        {t('amend.submit')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
