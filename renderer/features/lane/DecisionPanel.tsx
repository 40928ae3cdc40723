import { useTranslation } from 'react-i18next';
import type { Crossing, Direction, ScanResult } from '../../../shared/contract';
import { useFormat, useReasonText } from '../../i18n';
import { dccItems, EvidenceSection } from '../evidence';
import { DocumentFacts, HolderFacts } from './DocumentFacts';
import { OUTCOME_LABEL } from './outcome-label';

interface Props {
  scan: ScanResult;
  direction: Direction;
  recorded: Crossing | null;
  recording: boolean;
  onRecord: () => void;
}

/** What the note after Enter says: the disposition the core recorded, never "recorded as entry" for a refusal or a hold. */
function recordedNoteKey(recorded: { disposition: string; duplicate?: boolean }): 'duplicateAs' | 'refusedAs' | 'heldAs' | 'cancelledAs' | 'recordedAs' {
  if (recorded.duplicate === true) return 'duplicateAs';
  if (recorded.disposition === 'refused') return 'refusedAs';
  if (recorded.disposition === 'held') return 'heldAs';
  if (recorded.disposition === 'cancelled') return 'cancelledAs';
  return 'recordedAs';
}

export function DecisionPanel({ scan, direction, recorded, recording, onRecord }: Props) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  const reasonText = useReasonText();
  const label = OUTCOME_LABEL[scan.decision.outcome];
  const doc = scan.document;
  // Who the certificate names: its original script beside the passport's Latin name, or alone before the passport.
  const holder = dccItems(scan.evidence).find((item) => item.holder)?.holder;
  const sameName = scan.match !== undefined && ['same', 'similar', 'swapped'].includes(scan.match.name.status);
  return (
    <section className={`decision ${label.className}`} data-testid="decision-panel" aria-live="assertive">
      {/* The action sits beside the outcome: on a 1366×768 screen in large text it stays on the first screen. */}
      <div className="decision__head">
        <div className="decision__outcome" data-testid="decision-outcome">
          <span className="decision__icon" aria-hidden="true">
            {label.icon}
          </span>
          {t(`common:outcome.${scan.decision.outcome}`)}
        </div>
        <div className="decision__primary">
          {recorded ? (
            <p className="decision__recorded" data-testid="recorded-note" role="status">
              {t(recordedNoteKey(recorded), {
                direction: t(`dir.${recorded.direction}`),
                sequence: recorded.sequence,
                time: format.timeWithSeconds(recorded.recordedAt),
              })}
            </p>
          ) : scan.decision.recordable ? (
            <button type="button" className="button button--primary" data-testid="record-button" disabled={recording} onClick={onRecord}>
              {t('record', { direction: t(`dir.${direction}`) })} <kbd>Enter</kbd>
            </button>
          ) : null}
        </div>
      </div>
      {doc ? (
        // The certificate's spelling goes under the passport's name only when both name the same person.
        <DocumentFacts document={doc} corrections={scan.mrz?.corrections ?? []} at={new Date(scan.receivedAt)} holder={sameName ? holder : undefined} />
      ) : (
        holder && <HolderFacts holder={holder} at={new Date(scan.receivedAt)} />
      )}
      <EvidenceSection scan={scan} />
      <ul className="decision__reasons">
        {scan.decision.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} className={`reason reason--${reason.severity}`}>
            {reasonText(reason)}
          </li>
        ))}
      </ul>
      <div className="decision__actions">
        <span className="decision__hint">
          <kbd>Esc</kbd> {t('hintClear')} · <kbd>F2</kbd> {t('hintSwitch', { direction: t(direction === 'entry' ? 'dir.exit' : 'dir.entry') })} · <kbd>F8</kbd>{' '}
          {t('hintPaper')}
          {scan.evidence?.some((e) => e.kind === 'dcc') && (
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
