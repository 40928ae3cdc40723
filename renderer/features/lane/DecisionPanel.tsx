import type { Crossing, Direction, ScanResult } from '../../../shared/contract';
import { EvidenceSection } from '../evidence';
import { DocumentFacts } from './DocumentFacts';
import { OUTCOME_LABEL } from './outcome-label';

interface Props {
  scan: ScanResult;
  direction: Direction;
  recorded: Crossing | null;
  recording: boolean;
  onRecord: () => void;
}

export function DecisionPanel({ scan, direction, recorded, recording, onRecord }: Props) {
  const label = OUTCOME_LABEL[scan.draft.outcome];
  const doc = scan.document;
  return (
    <section className={`decision ${label.className}`} data-testid="decision-panel" aria-live="assertive">
      <div className="decision__outcome" data-testid="decision-outcome">
        <span className="decision__icon" aria-hidden="true">
          {label.icon}
        </span>
        {label.text}
      </div>
      {doc && <DocumentFacts document={doc} corrections={scan.mrz?.corrections ?? []} at={new Date(scan.receivedAt)} />}
      <EvidenceSection scan={scan} />
      <ul className="decision__reasons">
        {scan.draft.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} className={`reason reason--${reason.severity}`}>
            {reason.message}
          </li>
        ))}
      </ul>
      <div className="decision__actions">
        {recorded ? (
          <p className="decision__recorded" data-testid="recorded-note" role="status">
            {'duplicate' in recorded && recorded.duplicate ? 'Scanned twice: already recorded' : '✓ Recorded'} as {recorded.direction} #{recorded.sequence} at{' '}
            {new Date(recorded.recordedAt).toLocaleTimeString()}
          </p>
        ) : scan.draft.recordable ? (
          <button type="button" className="button button--primary" data-testid="record-button" disabled={recording} onClick={onRecord}>
            Record {direction} <kbd>Enter</kbd>
          </button>
        ) : null}
        <span className="decision__hint">
          <kbd>Esc</kbd> clear · <kbd>F2</kbd> switch to {direction === 'entry' ? 'exit' : 'entry'} · <kbd>F8</kbd> paper certificate
          {scan.evidence?.some((e) => e.kind === 'dcc') && (
            <>
              {' '}
              · <kbd>F9</kbd> certificate details
            </>
          )}
        </span>
      </div>
    </section>
  );
}
