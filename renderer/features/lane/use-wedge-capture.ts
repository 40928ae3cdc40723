import { useEffect, useRef, useState } from 'react';
import type { WedgeSettings } from '../../../shared/contract';
import type { BurstOutput } from '../../../shared/domain/scanner-input';
import { useCore } from '../../core-client/core-context';
import { WedgeCapture, type WedgeScan } from './wedge-capture';

const DEFAULTS: WedgeSettings = { maxGapMs: 30, minLength: 4, prefix: '', suffix: '', fixKeyboardLayout: true };

/** The station's wedge settings (threshold, prefix/suffix), reloaded when an admin changes them. */
export function useWedgeSettings(): WedgeSettings {
  const core = useCore();
  const [settings, setSettings] = useState<WedgeSettings>(DEFAULTS);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await core.getWedgeSettings({});
      if (alive && result.ok) setSettings(result.value);
    };
    void load();
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'log-changed' && event.what === 'setup') void load();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [core]);
  return settings;
}

/**
 * Keyboard-wedge scans on the whole screen, whichever element has focus: while mounted, keys are
 * caught at the window and bursts go to `onScan` (see wedge-capture.ts).
 */
export function useWedgeCapture(onScan: (scan: WedgeScan) => void, onBurst?: (output: BurstOutput) => void): void {
  const settings = useWedgeSettings();
  const handlers = useRef({ onScan, onBurst });
  useEffect(() => {
    handlers.current = { onScan, onBurst };
  });
  const capture = useRef<WedgeCapture | undefined>(undefined);
  const options = (current: WedgeSettings) => ({
    detector: {
      maxGapMs: current.maxGapMs,
      minLength: current.minLength,
      prefix: current.prefix,
      suffix: current.suffix,
      ...(current.endIdleMs === undefined ? {} : { endIdleMs: current.endIdleMs }),
    },
    fixKeyboardLayout: current.fixKeyboardLayout,
    onScan: (scan: WedgeScan) => handlers.current.onScan(scan),
    onBurst: (output: BurstOutput) => handlers.current.onBurst?.(output),
  });
  // One capture for the screen's lifetime; settings are applied to it in place (a re-created capture
  // would flush a scan that is arriving at that moment).
  useEffect(() => {
    const created = new WedgeCapture(options(DEFAULTS));
    created.attach(window);
    capture.current = created;
    return () => {
      created.detach();
      capture.current = undefined;
    };
  }, []);
  useEffect(() => {
    capture.current?.configure(options(settings));
  }, [settings]);
}
