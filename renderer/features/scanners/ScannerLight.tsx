import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerStatus } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import './scanners.css';

const STATE_WORDS: Record<ScannerStatus['state'], string> = {
  connected: 'connected',
  connecting: 'connecting',
  disconnected: 'disconnected',
  unavailable: 'unavailable',
  stopped: 'stopped',
};

/** A coloured dot plus words (never colour alone): the scanner's state; the full message on hover. */
export function ScannerLight({ status, showLabel = true }: { status: ScannerStatus; showLabel?: boolean }) {
  return (
    <span className={`scanner-light scanner-light--${status.state}`} title={status.message} data-testid="scanner-light" data-state={status.state}>
      <span className="scanner-light__dot" aria-hidden="true" />
      {showLabel ? `${status.label}: ${STATE_WORDS[status.state]}` : STATE_WORDS[status.state]}
    </span>
  );
}

/** The status bar's lights, one per configured scanner, kept live by the core's scanner-status events. */
export function ScannerLights() {
  const core = useCore();
  const { t } = useTranslation(['status', 'scanners']);
  const [scanners, setScanners] = useState<ScannerStatus[]>([]);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const result = await core.getScannerStatus({});
      if (alive && result.ok) setScanners(result.value.scanners);
    };
    void refresh();
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'scanner-status') {
        // A changed or removed scanner stops (and, if changed, starts again): stopped ones leave the bar.
        setScanners((current) => {
          const others = current.filter((scanner) => scanner.deviceId !== event.scanner.deviceId);
          if (event.scanner.state === 'stopped') return others;
          const index = current.findIndex((scanner) => scanner.deviceId === event.scanner.deviceId);
          return index < 0 ? [...others, event.scanner] : current.map((scanner, i) => (i === index ? event.scanner : scanner));
        });
      } else if (event.type === 'log-changed' && event.what === 'setup') {
        void refresh();
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [core]);
  // Keyboard-wedge scanners are keyboards to the computer: only host-owned devices can be counted.
  if (scanners.length === 0)
    return (
      <span data-testid="scanners-connected" title={t('scannersNone')}>
        {t('scannersNone')}
      </span>
    );
  const connected = scanners.filter((scanner) => scanner.state === 'connected').length;
  return (
    <span className="scanner-lights" role="status" aria-label={t('scanners:lightsLabel')}>
      <span data-testid="scanners-connected">{t('scanners', { connected, total: scanners.length })}</span>
      {scanners.map((scanner) => (
        <ScannerLight key={scanner.deviceId} status={scanner} />
      ))}
    </span>
  );
}
