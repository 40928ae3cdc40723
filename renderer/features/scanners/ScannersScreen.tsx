import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreError, DetectedDevice, ScannerAssignmentInput, WedgeSettings } from '../../../shared/contract';
import { looksLikeSlowScan, type BurstOutput, type Keystroke } from '../../../shared/domain/scanner-input';
import { useCore } from '../../core-client/core-context';
import { useErrorText } from '../../i18n';
import { useSignedInUser } from '../../session';
import { roleMay } from '../../../shared/domain/auth';
import { useWedgeCapture, useWedgeSettings } from '../lane/use-wedge-capture';
import { AssignmentForm, type AssignmentDraft } from './AssignmentForm';
import { ConfiguredScanners, DetectedDevices } from './DeviceTables';
import { TestArea, type WedgeTestEntry } from './TestArea';
import { useScannerFeed, useScannerList } from './use-scanner-list';
import { WedgeSettingsForm } from './WedgeSettingsForm';
import './scanners.css';

/** A pause this long ends a run of keys (a scanner's code, or a person's typing). */
const RUN_PAUSE_MS = 400;

/**
 * Settings › Scanners: detected devices, the scanner per lane with its decoder, a test area. Administrators
 * change it (from the navigation bar, or F10 over the lane); shift leads see the same lists and statuses
 * without the actions and without the test area (it can show MRZ text). `onClose` is there when it opened over the lane.
 */
export function ScannersScreen({ onClose }: { onClose?: () => void }) {
  const core = useCore();
  const { t } = useTranslation('scanners');
  const errorText = useErrorText();
  const manages = roleMay(useSignedInUser().role, 'assignScanner');
  const { list, error: listError, reload } = useScannerList();
  const feed = useScannerFeed(manages);
  const wedgeSettings = useWedgeSettings();
  const [draft, setDraft] = useState<AssignmentDraft | null>(null);
  const [serialPath, setSerialPath] = useState('/dev/ttyUSB0');
  const [error, setError] = useState<CoreError | null>(null);
  const [wedge, setWedge] = useState<WedgeTestEntry[]>([]);
  const [scanKeys, setScanKeys] = useState<(readonly Keystroke[])[]>([]);

  // The wedge test: the same capture as the lane, showing each burst instead of scanning it.
  // A scanner slower than the threshold arrives as "typing", key by key (its Enter then goes to the page). The
  // keys are kept until a pause; a steady run of them then counts as that scanner's test scan for "Learn".
  const typedRun = useRef<Keystroke[]>([]);
  const runEnd = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(runEnd.current), []);
  const endRun = useCallback(() => {
    const keys = typedRun.current;
    typedRun.current = [];
    if (!looksLikeSlowScan(keys)) return;
    setScanKeys((current) => [...current.slice(-9), keys]);
    const text = keys.filter((stroke) => stroke.key.length <= 2).map((stroke) => stroke.key).join('');
    setWedge((current) => [{ at: new Date().toISOString(), kind: 'typing' as const, text, keys: keys.length, meanGapMs: undefined, note: t('slowScan') }, ...current].slice(0, 10));
  }, [t]);
  const onBurst = useCallback(
    (output: BurstOutput) => {
      if (output.kind === 'scan') {
        typedRun.current = [];
        setScanKeys((current) => [...current.slice(-9), output.keys]);
        const note = `${t('wedgeNote', { lines: output.lines.length, keys: output.keys.length, gap: output.meanGapMs.toFixed(1) })}${output.prefixStripped ? t('prefixRemoved') : ''}${output.suffixStripped ? t('suffixRemoved') : ''}`;
        setWedge((current) => [{ at: new Date().toISOString(), kind: 'scan' as const, text: output.text, keys: output.keys.length, meanGapMs: output.meanGapMs, note }, ...current].slice(0, 10));
        return;
      }
      typedRun.current = [...typedRun.current, ...output.keys];
      clearTimeout(runEnd.current);
      runEnd.current = setTimeout(endRun, RUN_PAUSE_MS);
      const chars = output.keys.filter((stroke) => stroke.key.length <= 2).map((stroke) => stroke.key).join('');
      if (chars.length > 0) setWedge((current) => [{ at: new Date().toISOString(), kind: 'typing' as const, text: chars, keys: output.keys.length, meanGapMs: undefined, note: t('typedByPerson') }, ...current].slice(0, 10));
    },
    [t, endRun],
  );
  useWedgeCapture(() => undefined, onBurst);

  const act = async (call: () => Promise<{ ok: boolean; error?: CoreError }>) => {
    const result = await call();
    setError(result.ok ? null : (result.error ?? null));
    if (result.ok) setDraft(null);
    await reload();
  };
  const save = (assignment: ScannerAssignmentInput) => void act(() => core.assignScanner({ assignment }));
  const remove = (deviceId: string) => void act(() => core.unassignScanner({ deviceId }));
  const saveWedge = (settings: WedgeSettings) => void act(() => core.saveWedgeSettings({ settings }));

  const shownError = listError ?? error;
  return (
    <main className="scanners" data-testid="scanners-screen">
      <div className="scanners__header">
        <h1>{t('title')}</h1>
        {onClose && (
          <button type="button" className="scanners__small-button" onClick={onClose}>
            {t('backToLane')} <kbd>F10</kbd>
          </button>
        )}
      </div>
      {shownError && (
        <div className="error-banner" role="alert" data-testid="scanners-error">
          {errorText(shownError)}
        </div>
      )}
      <section>
        <h2>{t('perLane')}</h2>
        {list && <ConfiguredScanners configured={list.configured} {...(manages ? { onRemove: remove } : {})} />}
        {draft && <AssignmentForm key={JSON.stringify(draft)} draft={draft} onSave={save} onCancel={() => setDraft(null)} />}
      </section>
      <section>
        <h2>{t('detected')}</h2>
        {list && (
          <>
            <p className="scanners__note">{list.support.hid.message}</p>
            <p className="scanners__note">{list.support.serial.message}</p>
            <DetectedDevices devices={list.devices} {...(manages ? { onPick: (device: DetectedDevice) => setDraft({ device }) } : {})} />
          </>
        )}
        {manages && (
        <div className="scanners__form">
          <label>
            {t('serialPort')}
            <input value={serialPath} onChange={(e) => setSerialPath(e.target.value)} data-testid="serial-path" />
          </label>
          <button type="button" className="scanners__small-button" onClick={() => setDraft({ serialPath })}>
            {t('useSerialPort')}
          </button>
        </div>
        )}
      </section>
      {manages && (
        <>
          <section>
            <h2>{t('wedgeScanners')}</h2>
            <WedgeSettingsForm settings={wedgeSettings} learnedFrom={scanKeys} onSave={saveWedge} />
          </section>
          <section>
            <h2>{t('testArea')}</h2>
            <TestArea entries={feed} wedge={wedge} />
          </section>
        </>
      )}
    </main>
  );
}
