import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import type { CoreError, ScannerAssignmentInput, WedgeSettings } from '../../../shared/contract';
import type { BurstOutput, Keystroke } from '../../../shared/domain/scanner-input';
import { useCore } from '../../core-client/core-context';
import { useWedgeCapture, useWedgeSettings } from '../lane/use-wedge-capture';
import { AssignmentForm, type AssignmentDraft } from './AssignmentForm';
import { ConfiguredScanners, DetectedDevices } from './DeviceTables';
import { TestArea, type WedgeTestEntry } from './TestArea';
import { useScannerFeed, useScannerList } from './use-scanner-list';
import { WedgeSettingsForm } from './WedgeSettingsForm';
import './scanners.css';

/** Settings › Scanners: detected devices, the scanner per lane with its decoder, a test area. */
export function ScannersScreen({ onClose }: { onClose: () => void }) {
  const core = useCore();
  const { t } = useTranslation('scanners');
  const { list, error: listError, reload } = useScannerList();
  const feed = useScannerFeed();
  const wedgeSettings = useWedgeSettings();
  const [draft, setDraft] = useState<AssignmentDraft | null>(null);
  const [serialPath, setSerialPath] = useState('/dev/ttyUSB0');
  const [error, setError] = useState<CoreError | null>(null);
  const [wedge, setWedge] = useState<WedgeTestEntry[]>([]);
  const [scanKeys, setScanKeys] = useState<(readonly Keystroke[])[]>([]);

  // The wedge test: the same capture as the lane, showing each burst instead of scanning it.
  const onBurst = useCallback((output: BurstOutput) => {
    const chars = output.keys.filter((stroke) => stroke.key.length <= 2).map((stroke) => stroke.key).join('');
    const entry: WedgeTestEntry =
      output.kind === 'scan'
        ? {
            at: new Date().toISOString(),
            kind: 'scan',
            text: output.text,
            keys: output.keys.length,
            meanGapMs: output.meanGapMs,
            note: `${t('wedgeNote', { lines: output.lines.length, keys: output.keys.length, gap: output.meanGapMs.toFixed(1) })}${output.prefixStripped ? t('prefixRemoved') : ''}${output.suffixStripped ? t('suffixRemoved') : ''}`,
          }
        : { at: new Date().toISOString(), kind: 'typing', text: chars, keys: output.keys.length, meanGapMs: undefined, note: t('typedByPerson') };
    if (output.kind === 'scan') setScanKeys((current) => [...current.slice(-9), output.keys]);
    if (output.kind === 'scan' || chars.length > 0) setWedge((current) => [entry, ...current].slice(0, 10));
  }, [t]);
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

  return (
    <main className="scanners" data-testid="scanners-screen">
      <div className="scanners__header">
        <h1>{t('title')}</h1>
        <button type="button" className="scanners__small-button" onClick={onClose}>
          {t('backToLane')} <kbd>F10</kbd>
        </button>
      </div>
      {(listError ?? error) && (
        <div className="error-banner" role="alert" data-testid="scanners-error">
          {(listError ?? error)?.message}
        </div>
      )}
      <section>
        <h2>{t('perLane')}</h2>
        {list && <ConfiguredScanners configured={list.configured} onRemove={remove} />}
        {draft && <AssignmentForm key={JSON.stringify(draft)} draft={draft} onSave={save} onCancel={() => setDraft(null)} />}
      </section>
      <section>
        <h2>{t('detected')}</h2>
        {list && (
          <>
            <p className="scanners__note">{list.support.hid.message}</p>
            <p className="scanners__note">{list.support.serial.message}</p>
            <DetectedDevices devices={list.devices} onPick={(device) => setDraft({ device })} />
          </>
        )}
        <div className="scanners__form">
          <label>
            {t('serialPort')}
            <input value={serialPath} onChange={(e) => setSerialPath(e.target.value)} data-testid="serial-path" />
          </label>
          <button type="button" className="scanners__small-button" onClick={() => setDraft({ serialPath })}>
            {t('useSerialPort')}
          </button>
        </div>
      </section>
      <section>
        <h2>{t('wedgeScanners')}</h2>
        <WedgeSettingsForm settings={wedgeSettings} learnedFrom={scanKeys} onSave={saveWedge} />
      </section>
      <section>
        <h2>{t('testArea')}</h2>
        <TestArea entries={feed} wedge={wedge} />
      </section>
    </main>
  );
}
