import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
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
  // A layout effect runs right after the commit, before the browser paints it: the measure's animation
  // frame is then the one that paints the outcome (a passive effect can run after that paint, one frame late).
  useLayoutEffect(() => {
    if (scan) measureWhenPainted(scan.decision.outcome);
  }, [scan]);
  useEffect(() => {
    if (!scan) return;
    sounds.play(scan.decision.outcome, volumeNow.current);
    noteCertificates(scan);
  }, [scan, sounds]);
}
