import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import type { CoreError } from '../../../shared/contract';
import { CertificateDetails, dccItems, PaperCertificateForm } from '../evidence';
import { LaneCodeReader } from '../camera';
import { ManualMrzForm } from '../manual-mrz/ManualMrzForm';
import { OverrideDialog, type OverrideAnswer } from '../override';
import { AmendDialog } from './AmendDialog';
import { CrossingsTable } from './CrossingsTable';
import { DecisionPanel } from './DecisionPanel';
import { amendTarget, enterAction, overridePath } from './lane-state';
import { LaneLogPanel } from './LaneLogPanel';
import { ParkedStrip, RESUME_KEY } from './ParkedStrip';
import { ScanField } from './ScanField';
import type { CapturedScan } from './use-scan-capture';
import { useDeviceScans } from './use-device-scans';
import { useLane } from './use-lane';
import { markScanEnded } from './outcome-timing';
import { useOutcomeSignals } from './use-outcome-signals';
import { useDisplaySettings } from '../settings';
import { useWedgeCapture } from './use-wedge-capture';
import { useTodaysCrossings } from './use-todays-crossings';
import './lane.css';

// The camera/image reader keeps its own state; a scan's re-render of the lane need not reach it.
const CodeReader = memo(LaneCodeReader);

export function LaneScreen() {
  const { t } = useTranslation(['lane', 'common']);
  const errorText = useErrorText();
  const lane = useLane();
  const { state, dispatch } = lane;
  const { traveller, record, direction, busy, error, dialog } = state;
  const { crossings, total, error: listError } = useTodaysCrossings();
  const display = useDisplaySettings();
  // The core's answer to the last try in the second person's dialog (wrong PIN, a role that may not).
  const [overrideError, setOverrideError] = useState<CoreError | null>(null);
  // Each new outcome: its sound, the scan-to-outcome measure, the certificate time for the clock check.
  useOutcomeSignals(traveller, display.volume);

  const scan = lane.scan;
  const onScan = useCallback((captured: CapturedScan) => void scan(captured), [scan]);

  // Scanner input: wedge bursts wherever the focus is on this screen, and scans from host-owned devices.
  useWedgeCapture((wedge) => {
    markScanEnded(wedge.burst.endedAt, wedge.lastKeyArrivedAt);
    void lane.scan({ text: wedge.text, source: 'wedge' });
  });
  useDeviceScans({
    direction,
    openScanId: traveller && !record ? traveller.scanId : null,
    onScan: lane.deviceScanned,
    onRejected: (rejection) => dispatch({ type: 'failed', error: { ...rejection, code: 'forbidden' } }),
  });

  const canLetThrough = overridePath(state) !== null;
  const target = amendTarget(state);
  const keys = useRef({ canLetThrough });
  keys.current = { canLetThrough };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F8') {
        event.preventDefault();
        dispatch({ type: 'dialog-toggled', dialog: 'paper' });
      } else if (event.key === 'F9') {
        event.preventDefault();
        dispatch({ type: 'details-toggled' });
      } else if (event.key === 'F4') {
        event.preventDefault();
        dispatch({ type: 'dialog-toggled', dialog: 'manual' });
      } else if (event.key === RESUME_KEY) {
        event.preventDefault();
        dispatch({ type: 'resumed' });
      } else if (event.key === 'Enter' && event.ctrlKey && keys.current.canLetThrough) {
        event.preventDefault();
        setOverrideError(null);
        dispatch({ type: 'dialog', dialog: 'override' });
      } else if (event.key === 'Escape') {
        dispatch({ type: 'next' });
      } else if (event.key === 'F2') {
        event.preventDefault();
        dispatch({ type: 'direction' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  // Keyboard-first: once a form over the lane closes (Enter, Esc or a click), Enter and typing go to the scan field again.
  useEffect(() => {
    if (dialog === null) document.getElementById('scan-input')?.focus();
  }, [dialog]);

  const letThrough = async (answer: OverrideAnswer) => {
    if (!answer.authoriser) return;
    setOverrideError(await lane.letThrough({ ...answer.authoriser, reason: answer.reason }));
  };

  return (
    <main className="lane">
      <div className="lane__top">
        <div className="direction" role="group" aria-label={t('directionGroup')}>
          {(['entry', 'exit'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={`direction__option ${direction === value ? 'direction__option--active' : ''}`}
              aria-pressed={direction === value}
              onClick={() => dispatch({ type: 'direction', direction: value })}
            >
              {t(`common:direction.${value}`)}
            </button>
          ))}
          <kbd>F2</kbd>
          <button type="button" className="direction__option" data-testid="open-manual-mrz" onClick={() => dispatch({ type: 'dialog', dialog: 'manual' })}>
            {t('manualEntry')} <kbd>F4</kbd>
          </button>
          <button type="button" className="direction__option" data-testid="open-paper-form" onClick={() => dispatch({ type: 'dialog', dialog: 'paper' })}>
            {t('paperCertificate')} <kbd>F8</kbd>
          </button>
        </div>
        <ScanField onScan={onScan} busy={busy} />
      </div>
      <CodeReader onScan={onScan} />
      {error && dialog !== 'override' && dialog !== 'amend' && (
        <div className="error-banner" role="alert" data-testid="error-banner">
          {errorText(error)}
        </div>
      )}
      {dialog === 'manual' ? (
        <ManualMrzForm
          onClose={() => dispatch({ type: 'dialog', dialog: null })}
          onSubmit={(mrz) => {
            dispatch({ type: 'dialog', dialog: null });
            void lane.scan({ text: mrz, source: 'manual' });
          }}
        />
      ) : dialog === 'paper' ? (
        <PaperCertificateForm busy={busy} onClose={() => dispatch({ type: 'dialog', dialog: null })} onSubmit={(paper) => void lane.addPaper(paper)} />
      ) : traveller ? (
        <>
          {dialog === 'override' && canLetThrough && (
            <OverrideDialog
              subject={
                <>
                  <strong>{traveller.document ? `${traveller.document.surname} ${traveller.document.givenNames}` : ''}</strong> · {traveller.document?.documentNumber} ·{' '}
                  {t(`common:outcome.${traveller.decision.outcome}`)}
                </>
              }
              askAuthoriser
              busy={busy}
              error={overrideError}
              onSubmit={(answer) => void letThrough(answer)}
              onClose={() => dispatch({ type: 'dialog', dialog: null })}
            />
          )}
          {dialog === 'amend' && target && (
            <AmendDialog target={target} busy={busy} error={error} onSubmit={(change) => void lane.amend(change)} onClose={() => dispatch({ type: 'dialog', dialog: null })} />
          )}
          <DecisionPanel
            traveller={traveller}
            direction={direction}
            record={record}
            enter={enterAction(state)}
            busy={busy}
            onEnter={() => void lane.enter()}
            onLetThrough={
              canLetThrough
                ? () => {
                    setOverrideError(null);
                    dispatch({ type: 'dialog', dialog: 'override' });
                  }
                : null
            }
            onAmend={target ? () => dispatch({ type: 'dialog', dialog: 'amend' }) : null}
          />
          {state.details && dccItems(traveller.evidence).map((certificate) => <CertificateDetails key={certificate.id} certificate={certificate} />)}
        </>
      ) : (
        <section className="decision decision--idle" data-testid="decision-idle">
          {t('waiting')}
        </section>
      )}
      {/* Below the decision: the traveller in front of the operator stays on the first screen at 1366×768 with large text. */}
      <ParkedStrip parked={state.parked} onResume={(scanId) => dispatch({ type: 'resumed', scanId })} />
      {listError && (
        <div className="error-banner" role="alert">
          {errorText(listError)}
        </div>
      )}
      <LaneLogPanel />
      <CrossingsTable crossings={crossings} total={total} />
    </main>
  );
}
