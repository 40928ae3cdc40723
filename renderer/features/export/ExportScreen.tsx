import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportPreview, ExportRecord, ExportSettings, SessionUser, ShiftReport } from '../../../shared/contract';
import { roleMay } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { CentralSettings } from './CentralSettings';
import { ExportHistory } from './ExportHistory';
import { HubPackagesPanel } from './HubPackagesPanel';
import { ExportProgressBar } from './ExportProgressBar';
import { periodInput, type PeriodChoice } from './export-period';
import { PeriodPicker } from './PeriodPicker';
import { PreviewCounts } from './PreviewCounts';
import { printReport, reportFileName } from './print-report';
import { ShiftReportView } from './ShiftReportView';
import { useExportProgress } from './use-export-progress';
import './export.css';

const FOLDER_KEY = 'checkpoint.export.folder';
type Message = { text: string; isError: boolean } | null;

/**
 * Shift lead: pick a period, see what it holds, write the signed bundle to a folder (USB stick), watch the
 * progress, print the shift report; the history shows each bundle's way to the central system.
 * Administrators see the history and set the central endpoint.
 */
export function ExportScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation('export');
  const errorText = useErrorText();
  const core = useCore();
  const canExport = roleMay(user.role, 'exportBundle');
  const [settings, setSettings] = useState<ExportSettings | null>(null);
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'day', date: '' });
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [history, setHistory] = useState<ExportRecord[]>([]);
  const [folder, setFolder] = useState(() => localStorage.getItem(FOLDER_KEY) ?? '');
  const [format, setFormat] = useState<'zip' | 'folder'>('zip');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [progress, clearProgress] = useExportProgress();
  // Bumped whenever the core reports a change, so the preview's counts (acknowledged, new crossings) follow.
  const [changes, setChanges] = useState(0);
  const folderRef = useRef<HTMLInputElement>(null);

  const input = settings ? periodInput(choice, settings.timeZone, Date.now()) : null;
  const inputKey = JSON.stringify(input);

  const refresh = useCallback(async () => {
    const [s, h] = await Promise.all([core.getExportSettings({}), core.listExports({ limit: 20 })]);
    if (s.ok) setSettings(s.value);
    if (h.ok) setHistory(h.value.items);
    if (!s.ok) setMessage({ text: errorText(s.error), isError: true });
    setChanges((n) => n + 1);
  }, [core, errorText]);

  useEffect(() => {
    void refresh();
    return core.onEvent((event) => {
      if ((event.type === 'log-changed' && event.what === 'exports') || event.type === 'crossing-recorded') void refresh();
    });
  }, [core, refresh]);

  useEffect(() => {
    if (!canExport || !input) return;
    let current = true;
    void core.previewExport(input).then((result) => {
      if (!current) return;
      if (result.ok) setPreview(result.value);
      else setMessage({ text: errorText(result.error), isError: true });
    });
    return () => {
      current = false;
    };
    // inputKey stands for input (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [core, canExport, inputKey, changes]);

  useEffect(() => {
    if (canExport) folderRef.current?.focus();
  }, [canExport]);

  const runExport = async (event: FormEvent) => {
    event.preventDefault();
    if (!input || busy) return;
    setBusy(true);
    setMessage(null);
    clearProgress();
    const result = await core.exportBundle({ ...input, folder: folder.trim(), format });
    setBusy(false);
    if (result.ok) {
      localStorage.setItem(FOLDER_KEY, folder.trim());
      setMessage({ text: t('bundleWritten', { destination: result.value.destination ?? '', crossings: result.value.crossings, alerts: result.value.alerts }), isError: false });
      void refresh();
    } else setMessage({ text: errorText(result.error), isError: true });
  };

  const showReport = async () => {
    if (!input) return;
    const result = await core.getShiftReport(input);
    if (result.ok) setReport(result.value);
    else setMessage({ text: errorText(result.error), isError: true });
  };

  const print = async () => {
    if (!report) return;
    const outcome = await printReport(core, folder, reportFileName(report.stationId, report.period.from), t('report.needFolder'));
    if (outcome.kind === 'saved') setMessage({ text: t('reportSaved', { path: outcome.path }), isError: false });
    if (outcome.kind === 'failed') setMessage({ text: outcome.message, isError: true });
    if (outcome.kind === 'refused') setMessage({ text: errorText(outcome.error), isError: true });
  };

  return (
    <main className="page export" data-testid="export-screen">
      <h1 className="export__title">{t('title')}</h1>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role={message.isError ? 'alert' : 'status'} data-testid="export-message">
          {message.text}
        </p>
      )}
      {canExport && (
        <section className="card export__controls" aria-label={t('exportPeriod')}>
          <PeriodPicker choice={choice} onChange={setChoice} preview={preview} />
          {preview && <PreviewCounts preview={preview} />}
          <form className="form-row export__form" onSubmit={(e) => void runExport(e)}>
            <label className="export__folder">
              {t('folder')}
              <input
                ref={folderRef}
                value={folder}
                data-testid="export-folder"
                placeholder={t('folderPlaceholder')}
                onChange={(e) => setFolder(e.target.value)}
                spellCheck={false}
              />
            </label>
            <label>
              {t('as')}
              <select value={format} data-testid="export-format" onChange={(e) => setFormat(e.target.value as 'zip' | 'folder')}>
                <option value="zip">{t('zip')}</option>
                <option value="folder">{t('folderOfFiles')}</option>
              </select>
            </label>
            <button type="submit" className="button button--primary" disabled={busy || !input} data-testid="export-run">
              {busy ? t('exporting') : t('run')}
            </button>
            <button type="button" className="button" disabled={!input} data-testid="report-show" onClick={() => void showReport()}>
              {t('shiftReport')}
            </button>
          </form>
          {progress && (busy || progress.phase === 'done') && <ExportProgressBar progress={progress} />}
        </section>
      )}
      {report && (
        <section className="export__report">
          <div className="toolbar export__report-tools">
            <button type="button" className="button button--primary" data-testid="report-print" onClick={() => void print()}>
              {core.printToPdf ? t('savePdf') : t('print')}
            </button>
            <button type="button" className="button" onClick={() => setReport(null)}>
              {t('closeReport')}
            </button>
          </div>
          <ShiftReportView report={report} />
        </section>
      )}
      <ExportHistory items={history} />
      {roleMay(user.role, 'getHubLink') && <HubPackagesPanel />}
      {settings && <CentralSettings settings={settings} canEdit={roleMay(user.role, 'saveExportSettings')} onSaved={setSettings} />}
    </main>
  );
}
