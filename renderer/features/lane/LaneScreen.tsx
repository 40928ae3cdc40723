import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import type { CoreError, Crossing, Direction, ScanResult } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { CertificateDetails, dccItems, PaperCertificateForm, type PaperCertificate } from '../evidence';
import { LaneCodeReader } from '../camera';
import { ManualMrzForm } from '../manual-mrz/ManualMrzForm';
import { CrossingsTable } from './CrossingsTable';
import { DecisionPanel } from './DecisionPanel';
import { LaneLogPanel } from './LaneLogPanel';
import { ScanField } from './ScanField';
import type { CapturedScan } from './use-scan-capture';
import { useDeviceScans } from './use-device-scans';
import { forgetScan, markCoreAnswered, markScanEnded } from './outcome-timing';
import { useOutcomeSignals } from './use-outcome-signals';
import { useDisplaySettings } from '../settings';
import { useWedgeCapture } from './use-wedge-capture';
import { useTodaysCrossings } from './use-todays-crossings';

// The camera/image reader keeps its own state; a scan's re-render of the lane need not reach it.
const CodeReader = memo(LaneCodeReader);

export function LaneScreen() {
  const core = useCore();
  const { t } = useTranslation(['lane', 'common']);
  const errorText = useErrorText();
  const [direction, setDirection] = useState<Direction>('entry');
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [recorded, setRecorded] = useState<Crossing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [paperOpen, setPaperOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const { crossings, total, error: listError } = useTodaysCrossings();
  const display = useDisplaySettings();
  // Each new outcome: its sound, the scan-to-outcome measure, the certificate time for the clock check.
  useOutcomeSignals(scan, display.volume);
  // Handlers read the latest state through refs so a burst of keys never acts on a stale draft.
  const state = useRef({ scan, recorded, busy, direction });
  state.current = { scan, recorded, busy, direction };

  const record = useCallback(async () => {
    const { scan: current, recorded: done, busy: working, direction: dir } = state.current;
    if (!current || !current.decision.recordable || done || working) return;
    setBusy(true);
    const result = await core.recordCrossing({ scanId: current.scanId, direction: dir });
    setBusy(false);
    if (result.ok) {
      setRecorded(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [core]);

  const onScan = useCallback(
    async ({ text, source, symbology }: CapturedScan) => {
      if (text.trim().length === 0) {
        void record();
        return;
      }
      setBusy(true);
      // A scan while a traveller is open and unrecorded joins their transaction (passport + certificate, either order).
      const { scan: open, recorded: done, direction: dir } = state.current;
      const joinScanId = open && !done ? open.scanId : undefined;
      const result = await core.scan({ payload: text, source, direction: dir, ...(symbology ? { symbology } : {}), ...(joinScanId ? { joinScanId } : {}) });
      setBusy(false);
      if (result.ok) {
        markCoreAnswered();
        setScan(result.value);
        setRecorded(null);
        setError(null);
        // A scan queued right behind this one (two codes in one camera frame) joins this traveller even before React re-renders.
        state.current = { ...state.current, scan: result.value, recorded: null };
      } else {
        forgetScan();
        setError(result.error);
      }
    },
    [core, record],
  );

  const onFieldScan = useCallback((captured: CapturedScan) => void onScan(captured), [onScan]);

  // Scanner input: wedge bursts wherever the focus is on this screen, and scans from host-owned devices.
  useWedgeCapture((wedge) => {
    markScanEnded(wedge.burst.endedAt, wedge.lastKeyArrivedAt);
    void onScan({ text: wedge.text, source: 'wedge' });
  });
  useDeviceScans({
    direction,
    openScanId: scan && !recorded ? scan.scanId : null,
    onScan: (result) => {
      setScan(result);
      setRecorded(null);
      setError(null);
    },
    onRejected: (rejection) => setError({ ...rejection, code: 'forbidden' }),
  });

  const addPaper = useCallback(
    async (paper: PaperCertificate) => {
      const { scan: open, recorded: done, direction: dir } = state.current;
      const joinScanId = open && !done ? open.scanId : undefined;
      setBusy(true);
      const result = await core.addPaperCertificate({ ...paper, direction: dir, ...(joinScanId ? { joinScanId } : {}) });
      setBusy(false);
      if (result.ok) {
        setPaperOpen(false);
        setScan(result.value);
        setRecorded(null);
        setError(null);
      } else {
        setError(result.error);
      }
    },
    [core],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F8') {
        event.preventDefault();
        setPaperOpen((open) => !open);
      } else if (event.key === 'F9') {
        event.preventDefault();
        setDetailsOpen((open) => !open);
      } else if (event.key === 'F4') {
        event.preventDefault();
        setManualOpen((open) => !open);
      } else if (event.key === 'Escape') {
        setManualOpen(false);
        setPaperOpen(false);
        setDetailsOpen(false);
        setScan(null);
        setRecorded(null);
        setError(null);
      } else if (event.key === 'F2') {
        event.preventDefault();
        setDirection((d) => (d === 'entry' ? 'exit' : 'entry'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
              onClick={() => setDirection(value)}
            >
              {t(`common:direction.${value}`)}
            </button>
          ))}
          <kbd>F2</kbd>
          <button type="button" className="direction__option" data-testid="open-manual-mrz" onClick={() => setManualOpen(true)}>
            {t('manualEntry')} <kbd>F4</kbd>
          </button>
          <button type="button" className="direction__option" data-testid="open-paper-form" onClick={() => setPaperOpen(true)}>
            {t('paperCertificate')} <kbd>F8</kbd>
          </button>
        </div>
        <ScanField onScan={onFieldScan} busy={busy} />
      </div>
      <CodeReader onScan={onScan} />
      {error && (
        <div className="error-banner" role="alert" data-testid="error-banner">
          {errorText(error)}
        </div>
      )}
      {manualOpen ? (
        <ManualMrzForm
          onClose={() => setManualOpen(false)}
          onSubmit={(mrz) => {
            setManualOpen(false);
            void onScan({ text: mrz, source: 'manual' });
          }}
        />
      ) : paperOpen ? (
        <PaperCertificateForm busy={busy} onClose={() => setPaperOpen(false)} onSubmit={(paper) => void addPaper(paper)} />
      ) : scan ? (
        <>
          <DecisionPanel scan={scan} direction={direction} recorded={recorded} recording={busy} onRecord={() => void record()} />
          {detailsOpen && dccItems(scan.evidence).map((certificate) => <CertificateDetails key={certificate.id} certificate={certificate} />)}
        </>
      ) : (
        <section className="decision decision--idle" data-testid="decision-idle">
          {t('waiting')}
        </section>
      )}
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
