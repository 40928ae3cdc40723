import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError, HeldList } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { LOG_TOPICS, useCoreQuery } from '../../core-query';
import { useErrorText, useFormat, useReasonText } from '../../i18n';
import { useSession } from '../../session';
import { OUTCOME_LABEL } from '../lane/outcome-label';
import { OverrideDialog } from '../override';

type Held = HeldList['items'][number];
type Say = (text: string, isError: boolean) => void;

const personName = (c: Held) => `${c.document.surname}, ${c.document.givenNames}`.replace(/^, |, $/g, '');

function RefuseForm({ crossing, onDone, onCancel }: { crossing: Held; onDone: Say; onCancel: () => void }) {
  const core = useCore();
  const { t } = useTranslation('consular');
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.refuseCrossing({ crossingId: crossing.id, reason: reason.trim() });
    if (result.ok) onDone(t('refused', { name: personName(crossing) }), false);
    else onDone(errorText(result.error), true);
  };
  return (
    <form className="override" onSubmit={(e) => void submit(e)} data-testid="refuse-form">
      <input aria-label={t('refuseReason')} placeholder={t('refuseReason')} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} maxLength={500} autoFocus data-testid="refuse-reason" />
      <button type="submit" className="button" data-testid="refuse-submit">
        {t('refuse')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/**
 * Admitting a held traveller: the officer confirms with their own user name and PIN (a second look at the
 * decision, and the core checks it is not the operator who held them) and a reason.
 */
function AdmitDialog({ crossing, onDone, onClose }: { crossing: Held; onDone: Say; onClose: () => void }) {
  const core = useCore();
  const { t } = useTranslation(['consular', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  const outcome = crossing.current?.outcome ?? crossing.outcome;
  return (
    <OverrideDialog
      subject={t('admitTitle', { name: personName(crossing), document: crossing.document.documentNumber, outcome: t(`common:outcome.${outcome}`) })}
      askAuthoriser
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={(answer) => {
        setBusy(true);
        void core.admitCrossing({ crossingId: crossing.id, reason: answer.reason, ...(answer.authoriser ? { authoriser: answer.authoriser } : {}) }).then((result) => {
          setBusy(false);
          if (!result.ok) return setError(result.error);
          setError(null);
          onDone(t('admitted', { name: personName(crossing), direction: t(`common:direction.${result.value.current?.direction ?? crossing.direction}`) }), false);
        });
      }}
    />
  );
}

/**
 * Travellers held for consular at this station, oldest first, until consular staff (or a shift lead) admit
 * them (a crossing with an override: their own PIN and a reason) or refuse them.
 */
export function HeldQueue({ onMessage }: { onMessage: Say }) {
  const { t } = useTranslation(['consular', 'common']);
  const format = useFormat();
  const reasonText = useReasonText();
  const { may } = useSession();
  const held = useCoreQuery('listHeld', {}, { on: LOG_TOPICS });
  const [open, setOpen] = useState<{ id: string; action: 'admit' | 'refuse' } | null>(null);
  const items = held.data?.items ?? [];
  const total = held.data?.total ?? 0;
  const done: Say = (text, isError) => {
    onMessage(text, isError);
    if (!isError) setOpen(null);
  };

  return (
    <section className="card held-queue" aria-labelledby="held-title" data-testid="held-queue">
      <h2 id="held-title" data-testid="held-title">
        {t('heldTitle', { total })}
      </h2>
      {held.errorText && (
        <p className="error-banner" role="alert">
          {held.errorText}
        </p>
      )}
      {held.data && total === 0 && <p className="muted">{t('heldNone')}</p>}
      {items.length > 0 && (
        <table className="table" data-testid="held-table">
          <thead>
            <tr>
              <th scope="col">{t('heldSince')}</th>
              <th scope="col">{t('traveller')}</th>
              <th scope="col">{t('direction')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('recordedBy')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const outcome = c.current?.outcome ?? c.outcome;
              return (
                <tr key={c.id} data-testid="held-row">
                  <td>{format.dateTime(c.recordedAt)}</td>
                  <td>
                    <strong>{personName(c)}</strong>
                    <span className="muted">
                      {' '}
                      · {c.document.documentNumber} ({c.document.nationality})
                    </span>
                  </td>
                  <td>{t(`common:direction.${c.current?.direction ?? c.direction}`)}</td>
                  <td>
                    <span className={`badge ${OUTCOME_LABEL[outcome].className}`}>{t(`common:outcome.${outcome}`)}</span>
                    <ul className="held-queue__reasons">
                      {c.reasons
                        .filter((r) => r.severity !== 'info')
                        .map((r) => (
                          <li key={r.code}>{reasonText(r)}</li>
                        ))}
                    </ul>
                  </td>
                  <td>{c.operatorName ?? '—'}</td>
                  <td>
                    {open?.id === c.id && open.action === 'admit' ? (
                      <AdmitDialog crossing={c} onDone={done} onClose={() => setOpen(null)} />
                    ) : open?.id === c.id && open.action === 'refuse' ? (
                      <RefuseForm crossing={c} onDone={done} onCancel={() => setOpen(null)} />
                    ) : (
                      <div className="toolbar">
                        {may('admitCrossing') && (
                          <button type="button" className="button button--primary" data-testid="admit-open" onClick={() => setOpen({ id: c.id, action: 'admit' })}>
                            {t('admitOpen')}
                          </button>
                        )}
                        {may('refuseCrossing') && (
                          <button type="button" className="button" data-testid="refuse-open" onClick={() => setOpen({ id: c.id, action: 'refuse' })}>
                            {t('refuseOpen')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {total > items.length && <p className="muted">{t('heldMore', { shown: items.length, more: total - items.length })}</p>}
    </section>
  );
}
