import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useReducer, type FormEvent } from 'react';
import type { RetentionPreview, RetentionStatus } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useFormat, useErrorText } from '../../i18n';
import { RetentionConfirm, type RetentionQuestion } from './RetentionConfirm';

interface State {
  readonly status: RetentionStatus | null;
  /** What the saved period leaves past it: the crossings no bundle holds are offered for an explicit purge. */
  readonly current: RetentionPreview | null;
  readonly days: string;
  readonly message: { text: string; isError: boolean } | null;
  readonly question: RetentionQuestion | null;
}

type Action =
  | { type: 'loaded'; status: RetentionStatus }
  | { type: 'current'; preview: RetentionPreview | null }
  | { type: 'days'; days: string }
  | { type: 'say'; text: string; isError: boolean }
  | { type: 'ask'; question: RetentionQuestion | null };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'loaded':
      return { ...state, status: action.status, days: String(action.status.days), question: null };
    case 'current':
      return { ...state, current: action.preview };
    case 'days':
      return { ...state, days: action.days };
    case 'say':
      return { ...state, message: { text: action.text, isError: action.isError }, question: null };
    case 'ask':
      return { ...state, question: action.question };
  }
}

const INITIAL: State = { status: null, current: null, days: '', message: null, question: null };

/**
 * How long travellers' personal data is kept. Saving a shorter period first says how many crossings it erases and
 * asks; crossings past the period that no bundle holds are kept until exported, or erased by an explicit purge that
 * names their count.
 */
export function RetentionPanel() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const format = useFormat();
  const core = useCore();
  const [state, dispatch] = useReducer(reduce, INITIAL);

  const load = useCallback(async () => {
    const result = await core.getRetention({});
    if (!result.ok) return;
    dispatch({ type: 'loaded', status: result.value });
    const preview = await core.previewRetention({ days: result.value.days });
    dispatch({ type: 'current', preview: preview.ok ? preview.value : null });
  }, [core]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (days: number, erase?: number) => {
    const result = await core.setRetention(erase === undefined ? { days } : { days, erase });
    if (!result.ok) return dispatch({ type: 'say', text: errorText(result.error), isError: true });
    await load();
    const purged = result.value.lastPurge?.counts.crossings ?? 0;
    dispatch({ type: 'say', text: t('retention.saved', { days: result.value.days, count: erase === undefined ? 0 : purged }), isError: false });
  };

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const days = Number(state.days);
    const preview = await core.previewRetention({ days });
    if (!preview.ok) return dispatch({ type: 'say', text: errorText(preview.error), isError: true });
    if (preview.value.erase === 0 && preview.value.clockSuspect === null) return save(days);
    dispatch({ type: 'ask', question: { kind: 'period', preview: preview.value } });
  };

  const purgeUnexported = async (count: number) => {
    const result = await core.purgeExpired({ unexported: count });
    if (!result.ok) return dispatch({ type: 'say', text: errorText(result.error), isError: true });
    await load();
    dispatch({ type: 'say', text: t('retention.unexportedErased', { count: result.value.counts.crossings }), isError: false });
  };

  const confirm = (question: RetentionQuestion) =>
    question.kind === 'period' ? save(question.preview.days, question.preview.clockSuspect === null ? question.preview.erase : undefined) : purgeUnexported(question.preview.unexported);

  const { status, current, message, question } = state;
  const last = status?.lastPurge;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.hint')}</p>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="retention-message">
          {message.text}
        </p>
      )}
      <form className="form-row" onSubmit={(e) => void ask(e)} aria-label={t('retention.period')}>
        <label>
          {t('retention.keepFor')}{' '}
          <input aria-label={t('retention.days')} type="number" min={1} max={3650} value={state.days} onChange={(e) => dispatch({ type: 'days', days: e.target.value })} required />
        </label>
        <button type="submit" className="button button--primary">
          {t('retention.save')}
        </button>
      </form>
      {question && <RetentionConfirm question={question} onConfirm={() => void confirm(question)} onCancel={() => dispatch({ type: 'ask', question: null })} />}
      {!question && current && current.unexported > 0 && (
        <div className="form-row" data-testid="retention-unexported">
          <p className="muted">{t('retention.unexportedKept', { count: current.unexported })}</p>
          <button type="button" className="button" onClick={() => dispatch({ type: 'ask', question: { kind: 'unexported', preview: current } })}>
            {t('retention.eraseUnexported')}
          </button>
        </div>
      )}
      {last && (
        <p className="muted" data-testid="retention-last">
          {t('retention.last', { at: format.dateTime(last.at), cutoff: format.date(last.cutoff), crossings: last.counts.crossings })}
        </p>
      )}
    </section>
  );
}
