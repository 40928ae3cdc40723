import { useEffect, useMemo, useRef } from 'react';
import type { ScanResult } from '../../../shared/contract';
import { noteCertificates } from './certificate-clock';
import { OutcomeSounds } from './outcome-sound';
import { measureWhenPainted } from './outcome-timing';

/**
 * What happens each time a new outcome reaches the screen, whichever way the scan came in (wedge,
 * device, manual entry, paper form): its sound, the scan-to-outcome measure, and the certificate
 * issue time for the status bar's clock check.
 */
export function useOutcomeSignals(scan: ScanResult | null, volume: number): void {
  const sounds = useMemo(() => new OutcomeSounds(), []);
  const volumeNow = useRef(volume);
  useEffect(() => {
    volumeNow.current = volume;
  }, [volume]);
  useEffect(() => sounds.preload(), [sounds]);
  useEffect(() => {
    if (!scan) return;
    measureWhenPainted(scan.draft.outcome);
    sounds.play(scan.draft.outcome, volumeNow.current);
    noteCertificates(scan);
  }, [scan, sounds]);
}
