import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { AmendCrossingInput, CoreApi, CoreError, CoreResult, ScanResult } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useCoreQuery } from '../../core-query';
import type { PaperCertificate } from '../evidence';
import { amendTarget, enterAction, initialLaneState, laneReducer, overridePath, type LaneAction, type LaneState } from './lane-state';
import { forgetScan, markCoreAnswered } from './outcome-timing';
import type { CapturedScan } from './use-scan-capture';

/** A second person's user name, PIN and reason (the override dialog's answer). */
export interface SecondPerson {
  readonly username: string;
  readonly pin: string;
  readonly reason: string;
}

/**
 * The lane's state (lane-state.ts) with the core calls that move it: scan, join, park, record, correct.
 * Handlers read the latest state through a ref so a burst of keys never acts on a screen React has not
 * drawn yet (two codes in one camera frame join the same traveller).
 */
export function useLane() {
  const core = useCore();
  const [state, dispatch] = useReducer(laneReducer, initialLaneState);
  const latest = useRef<LaneState>(state);
  latest.current = state;
  const act = useCallback((action: LaneAction) => {
    latest.current = laneReducer(latest.current, action);
    dispatch(action);
  }, []);

  // The core keeps every traveller not yet recorded (whoever scanned them, across restarts): the strip shows its list.
  // Scans change it without an event, so each answer of this screen asks again.
  const parked = useCoreQuery('listParked', {}, { on: ['crossings', 'pairings', 'session'] });
  const refreshParked = parked.refresh;
  useEffect(() => {
    if (parked.data) act({ type: 'parked-listed', parked: parked.data.items });
  }, [parked.data, act]);

  /**
   * The traveller on screen, named with each scan: the core joins the scan to them while they are open, offers a
   * certificate shown right after Enter as an amendment of their crossing, and starts the next traveller otherwise.
   */
  const joinScanId = (): string | undefined => latest.current.traveller?.scanId;

  const judged = useCallback(
    (result: CoreResult<ScanResult>) => {
      if (result.ok) {
        markCoreAnswered();
        act({ type: 'scanned', traveller: result.value });
        void refreshParked();
      } else {
        forgetScan();
        act({ type: 'failed', error: result.error });
      }
      return result.ok;
    },
    [act, refreshParked],
  );

  const corrected = useCallback(
    (result: Awaited<ReturnType<CoreApi['amendCrossing']>>) => {
      if (result.ok) act({ type: 'corrected', crossing: result.value });
      else act({ type: 'failed', error: result.error });
      void refreshParked();
      return result.ok;
    },
    [act, refreshParked],
  );

  const amend = useCallback(
    async (change: AmendCrossingInput['change']) => {
      const target = amendTarget(latest.current);
      if (!target) return false;
      act({ type: 'sent' });
      return corrected(await core.amendCrossing({ crossingId: target.crossingId, change }));
    },
    [core, act, corrected],
  );

  /** Enter: records what the screen shows (the core decides the disposition), or re-judges with a late certificate. */
  const enter = useCallback(async () => {
    const now = latest.current;
    const what = enterAction(now);
    if (what === 'none' || !now.traveller) return;
    if (what === 'rejudge') {
      await amend({ kind: 'rejudge', scanId: now.traveller.scanId });
      return;
    }
    act({ type: 'sent' });
    const result = await core.recordCrossing({ scanId: now.traveller.scanId, direction: now.direction });
    if (result.ok) {
      const { duplicate, alerts: _alerts, ...crossing } = result.value;
      act({ type: 'recorded', crossing, duplicate });
    } else act({ type: 'failed', error: result.error });
    void refreshParked();
  }, [core, act, amend, refreshParked]);

  // Scans go to the core one after another: two codes read from one camera frame arrive together, and the second
  // must join the traveller the first one made (known only once its answer is back, before the screen re-renders).
  const scanChain = useRef<Promise<void>>(Promise.resolve());
  const scansWaiting = useRef(0);
  const answeredScanId = useRef<string | undefined>(undefined);
  const scan = useCallback(
    ({ text, source, symbology }: CapturedScan): Promise<void> => {
      if (text.trim().length === 0) return enter();
      const behindAnother = scansWaiting.current > 0;
      scansWaiting.current += 1;
      const sent = scanChain.current.then(async () => {
        act({ type: 'sent' });
        const join = (behindAnother ? answeredScanId.current : undefined) ?? joinScanId();
        const result = await core.scan({ payload: text, source, direction: latest.current.direction, ...(symbology ? { symbology } : {}), ...(join ? { joinScanId: join } : {}) });
        answeredScanId.current = result.ok ? result.value.scanId : undefined;
        judged(result);
      });
      const done = sent.finally(() => {
        scansWaiting.current -= 1;
      });
      scanChain.current = done.catch(() => undefined);
      return done;
    },
    [core, act, enter, judged],
  );

  const addPaper = useCallback(
    async (paper: PaperCertificate) => {
      act({ type: 'sent' });
      const join = joinScanId();
      const result = await core.addPaperCertificate({ ...paper, direction: latest.current.direction, ...(join ? { joinScanId: join } : {}) });
      if (judged(result)) act({ type: 'dialog', dialog: null });
    },
    [core, act, judged],
  );

  /** Lets a NOT OK / NEEDS CROSS-CHECK traveller cross: a consular officer or shift lead confirms with their PIN. */
  const letThrough = useCallback(
    async (second: SecondPerson): Promise<CoreError | null> => {
      const now = latest.current;
      const path = overridePath(now);
      if (!path) return null;
      act({ type: 'sent' });
      if (path.kind === 'record') {
        const result = await core.recordCrossing({ scanId: path.scanId, direction: now.direction, override: second });
        void refreshParked();
        if (!result.ok) {
          act({ type: 'failed', error: result.error });
          return result.error;
        }
        const { duplicate, alerts: _alerts, ...crossing } = result.value;
        act({ type: 'recorded', crossing, duplicate });
        return null;
      }
      const result = await core.admitCrossing({ crossingId: path.crossingId, reason: second.reason, authoriser: { username: second.username, pin: second.pin } });
      corrected(result);
      return result.ok ? null : result.error;
    },
    [core, act, corrected, refreshParked],
  );

  /** Device scans (HID, serial) arrive judged already. */
  const deviceScanned = useCallback(
    (traveller: ScanResult) => {
      act({ type: 'scanned', traveller });
      void refreshParked();
    },
    [act, refreshParked],
  );

  const actions = useMemo(
    () => ({ dispatch: act, scan, enter, addPaper, letThrough, amend, deviceScanned, refreshParked }),
    [act, scan, enter, addPaper, letThrough, amend, deviceScanned, refreshParked],
  );
  return { state, ...actions };
}
