import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseGroupPreview, Group } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useErrorText } from '../../i18n';
import { useSession } from '../../session';

type Say = (text: string, isError?: boolean) => void;

/**
 * "Mark departed" (or arrived) asks first, naming who becomes No-show (or Missing); a shift lead undoes a mark
 * made in error, with a reason.
 */
export function CloseGroupControls({ group, onMessage }: { group: Group; onMessage: Say }) {
  const core = useCore();
  const { t } = useTranslation('groups');
  const errorText = useErrorText();
  const { may } = useSession();
  const [preview, setPreview] = useState<CloseGroupPreview | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  if (group.stationRole === null) return null;
  const stage = group.stationRole === 'exit' ? 'arrived' : 'departed';
  const closedAt = stage === 'arrived' ? group.arrivedAt : group.departedAt;
  const stageWord = t(`stage.${stage}`);
  const becomes = t(stage === 'arrived' ? 'state.missing' : 'state.no-show');

  const ask = async () => {
    const result = await core.previewCloseGroup({ groupId: group.id, stage });
    if (!result.ok) return onMessage(errorText(result.error), true);
    setPreview(result.value);
  };
  const confirm = async () => {
    const result = await core.closeGroup({ groupId: group.id, stage });
    setPreview(null);
    if (!result.ok) return onMessage(errorText(result.error), true);
    onMessage(t('marked', { label: group.label, stage: stageWord }));
  };
  const reopen = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.reopenGroup({ groupId: group.id, stage, reason: reason.trim() });
    if (!result.ok) return onMessage(errorText(result.error), true);
    setReopening(false);
    setReason('');
    onMessage(t('reopened', { label: group.label, stage: stageWord }));
  };

  if (!closedAt) {
    if (!may('closeGroup')) return null;
    if (!preview) {
      return (
        <button type="button" className="button" data-testid="close-group" onClick={() => void ask()}>
          {t('mark', { stage: stageWord })}
        </button>
      );
    }
    return (
      <div className="card close-confirm" role="alertdialog" aria-labelledby="close-confirm-title" data-testid="close-confirm">
        <p id="close-confirm-title">
          {preview.becoming.length > 0
            ? t('confirmClose', { label: group.label, stage: stageWord, n: preview.becoming.length, state: becomes })
            : t('confirmCloseNone', { label: group.label, stage: stageWord, state: becomes })}
        </p>
        {preview.becoming.length > 0 && (
          <ul data-testid="close-confirm-people">
            {preview.becoming.map((p) => (
              <li key={`${p.documentNumber}/${p.nationality}`}>
                {p.surname}, {p.givenNames} · {p.documentNumber}
              </li>
            ))}
          </ul>
        )}
        <div className="toolbar">
          <button type="button" className="button button--primary" data-testid="close-confirm-yes" onClick={() => void confirm()} autoFocus>
            {t('confirm')}
          </button>
          <button type="button" className="button" data-testid="close-confirm-no" onClick={() => setPreview(null)}>
            {t('cancel')}
          </button>
        </div>
      </div>
    );
  }
  if (!may('reopenGroup')) return null;
  if (!reopening) {
    return (
      <button type="button" className="button" data-testid="reopen-group" onClick={() => setReopening(true)}>
        {t('reopenOpen', { stage: stageWord })}
      </button>
    );
  }
  return (
    <form className="override" onSubmit={(e) => void reopen(e)} data-testid="reopen-form">
      <input aria-label={t('reopenReason')} placeholder={t('reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} maxLength={500} autoFocus data-testid="reopen-reason" />
      <button type="submit" className="button" data-testid="reopen-submit">
        {t('reopen')}
      </button>
      <button type="button" className="button" onClick={() => setReopening(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
