import { useTranslation } from 'react-i18next';
import type { Direction, ScanResult } from '../../../shared/contract';
import { useFormat, useReasonText } from '../../i18n';
import { dccItems, EvidenceSection } from '../evidence';
import { DocumentFacts, HolderFacts } from './DocumentFacts';
import type { EnterAction, LaneRecord } from './lane-state';
import { LaneNotices } from './LaneNotices';
import { OUTCOME_LABEL } from './outcome-label';

/** Ctrl+Enter: the second of the two keys that open the second person's dialog. */
export const LET_THROUGH_KEY = 'Ctrl+Enter';

interface Props {
  traveller: ScanResult;
  direction: Direction;
  record: LaneRecord | null;
  enter: EnterAction;
  busy: boolean;
  onEnter: () => void;
  /** Opens the second person's dialog; null when the outcome is OK or the traveller may not be let through from here. */
  onLetThrough: (() => void) | null;
  /** Opens the correction of the crossing recorded (or found already recorded); null when there is none. */
  onAmend: (() => void) | null;
}

/** What the note after Enter says: the disposition the core recorded, never "recorded as entry" for a refusal or a hold. */
function recordedNoteKey(record: LaneRecord): 'duplicateAs' | 'refusedAs' | 'heldAs' | 'cancelledAs' | 'recordedAs' {
  if (record.duplicate) return 'duplicateAs';
  const disposition = record.crossing.current?.disposition ?? record.crossing.disposition;
  if (disposition === 'refused') return 'refusedAs';
  if (disposition === 'held') return 'heldAs';
  if (disposition === 'cancelled') return 'cancelledAs';
  return 'recordedAs';
}

export function DecisionPanel({ traveller, direction, record, enter, busy, onEnter, onLetThrough, onAmend }: Props) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  const reasonText = useReasonText();
  const label = OUTCOME_LABEL[traveller.decision.outcome];
  const crossing = record?.crossing;
  const now = crossing ? (crossing.current ?? crossing) : undefined;
  const amending = traveller.amends !== undefined && !record;
  const doc = traveller.document;
  // Who the certificate names: its original script beside the passport's Latin name, or alone before the passport.
  const holder = dccItems(traveller.evidence).find((item) => item.holder)?.holder;
  const sameName = traveller.match !== undefined && ['same', 'similar', 'swapped'].includes(traveller.match.name.status);
  return (
    // A certificate shown after recording is not a fresh green OK: the panel offers to amend that crossing.
    <section className={`decision ${amending ? 'decision--amend' : label.className}`} data-testid="decision-panel" aria-live="assertive">
      {/* The action sits beside the outcome: on a 1366×768 screen in large text it stays on the first screen. */}
      <div className="decision__head">
        <div className="decision__outcome" data-testid="decision-outcome">
          <span className="decision__icon" aria-hidden="true">
            {label.icon}
          </span>
          {t(`common:outcome.${traveller.decision.outcome}`)}
        </div>
        <div className="decision__primary">
          {record && crossing && now ? (
            <p className="decision__recorded" data-testid="recorded-note" role="status">
              {record.corrected
                ? t('correctedAs', { disposition: t(`disposition.${now.disposition}`), direction: t(`dir.${now.direction}`), sequence: crossing.sequence, time: format.timeWithSeconds(crossing.recordedAt) })
                : t(recordedNoteKey(record), { direction: t(`dir.${crossing.direction}`), sequence: crossing.sequence, time: format.timeWithSeconds(crossing.recordedAt) })}
            </p>
          ) : enter === 'record' ? (
            <button type="button" className="button button--primary" data-testid="record-button" disabled={busy} onClick={onEnter}>
              {t('record', { direction: t(`dir.${direction}`) })} <kbd>Enter</kbd>
            </button>
          ) : enter === 'rejudge' ? (
            <button type="button" className="button button--primary" data-testid="rejudge-button" disabled={busy} onClick={onEnter}>
              {t('amend.rejudgeNow')} <kbd>Enter</kbd>
            </button>
          ) : null}
          {(onLetThrough || (record && onAmend)) && (
            <div className="decision__secondary">
              {onLetThrough && (
                <button type="button" className="button" data-testid="let-through" disabled={busy} onClick={onLetThrough}>
                  {t('letThrough')} <kbd>{LET_THROUGH_KEY}</kbd>
                </button>
              )}
              {record && onAmend && (
                <button type="button" className="button" data-testid="amend-open" disabled={busy} onClick={onAmend}>
                  {t('amend.open')}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
      <LaneNotices notices={record ? [] : (traveller.notices ?? [])} amends={amending} onAmend={record ? null : onAmend} />
      {/* The reasons come right under the outcome: with large text at 1366×768 they stay on the first screen, the documents' facts below them. */}
      <ul className="decision__reasons" data-testid="decision-reasons">
        {traveller.decision.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} className={`reason reason--${reason.severity}`}>
            {reasonText(reason)}
          </li>
        ))}
      </ul>
      {doc ? (
        // The certificate's spelling goes under the passport's name only when both name the same person.
        <DocumentFacts document={doc} corrections={traveller.mrz?.corrections ?? []} at={new Date(traveller.receivedAt)} holder={sameName ? holder : undefined} />
      ) : (
        holder && <HolderFacts holder={holder} at={new Date(traveller.receivedAt)} />
      )}
      <EvidenceSection scan={traveller} />
      <div className="decision__actions">
        <span className="decision__hint">
          <kbd>Esc</kbd> {t('hintClear')} · <kbd>F2</kbd> {t('hintSwitch', { direction: t(direction === 'entry' ? 'dir.exit' : 'dir.entry') })} · <kbd>F8</kbd>{' '}
          {t('hintPaper')}
          {onLetThrough && (
            <>
              {' '}
              · <kbd>{LET_THROUGH_KEY}</kbd> {t('hintLetThrough')}
            </>
          )}
          {traveller.evidence?.some((e) => e.kind === 'dcc') && (
            <>
              {' '}
              · <kbd>F9</kbd> {t('hintDetails')}
            </>
          )}
        </span>
      </div>
    </section>
  );
}
