import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubLink, PackageReportItem } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useErrorText, useFormat, type CoreErrorLike } from '../../i18n';

/** What the last action said, kept as what happened (not as a sentence) so it follows a change of language. */
type Message = { kind: 'result'; applied: number; skipped: number; refused: number } | { kind: 'failed'; error: CoreErrorLike } | { kind: 'needFolder' } | null;

/**
 * What the hub sends down (trust list, rules, station keys, bus manifests, group files): when it last answered,
 * what this station applied or refused and why, a poll on demand, and packages carried on a USB stick for a
 * station that is never online.
 */
export function HubPackagesPanel() {
  const { t } = useTranslation('export');
  const errorText = useErrorText();
  const format = useFormat();
  const core = useCore();
  const [link, setLink] = useState<HubLink | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<readonly PackageReportItem[] | null>(null);

  const refresh = useCallback(async () => {
    const result = await core.getHubLink({ limit: 20 });
    if (result.ok) setLink(result.value);
    else setMessage({ kind: 'failed', error: result.error });
  }, [core]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const reasonText = (item: PackageReportItem): string =>
    item.reason ? errorText({ code: 'invalid-input', key: item.reason.key, params: item.reason.params, message: item.reason.message }) : '';

  const summarise = (items: readonly PackageReportItem[]): Message => {
    const counts = { applied: 0, skipped: 0, refused: 0 };
    for (const item of items) counts[item.outcome] += 1;
    return { kind: 'result', ...counts };
  };

  const shownMessage = (m: NonNullable<Message>): { text: string; isError: boolean } => {
    if (m.kind === 'failed') return { text: errorText(m.error), isError: true };
    if (m.kind === 'needFolder') return { text: t('packages.needFolder'), isError: true };
    if (m.applied + m.skipped + m.refused === 0) return { text: t('packages.none'), isError: false };
    return { text: t('packages.result', { applied: m.applied, skipped: m.skipped, refused: m.refused }), isError: m.refused > 0 };
  };
  const said = message ? shownMessage(message) : null;

  const run = async (call: () => ReturnType<typeof core.checkHubNow>) => {
    setBusy(true);
    setMessage(null);
    setReport(null);
    const result = await call();
    setBusy(false);
    if (result.ok) {
      setReport(result.value.items);
      setMessage(summarise(result.value.items));
    } else setMessage({ kind: 'failed', error: result.error });
    void refresh();
  };

  const importFolder = (event: FormEvent) => {
    event.preventDefault();
    if (folder.trim() === '') {
      setMessage({ kind: 'needFolder' });
      return;
    }
    void run(() => core.importStationPackages({ path: folder.trim() }));
  };

  const kindText = (kind: string | null) => (kind ? t(`packages.kind.${kind}`, { defaultValue: kind }) : '—');
  const shown = report ?? link?.recent ?? [];

  return (
    <section className="card" aria-labelledby="hub-packages-title" data-testid="hub-packages">
      <h2 id="hub-packages-title">{t('packages.title')}</h2>
      {link && (
        <dl className="key">
          <dt>{t('packages.lastContact')}</dt>
          <dd data-testid="hub-last-contact">{link.lastContactAt ? format.dateTime(link.lastContactAt) : t('packages.never')}</dd>
          <dt>{t('packages.applied')}</dt>
          <dd data-testid="hub-packages-applied">{format.number(link.packagesApplied)}</dd>
          {link.lastError && (
            <>
              <dt>{t('packages.lastError')}</dt>
              <dd className="export-status__error" data-testid="hub-last-error">
                {errorText({ code: 'unavailable', message: link.lastError.message, key: 'hub.unanswered', params: { code: link.lastError.code, detail: link.lastError.message } })}
              </dd>
            </>
          )}
        </dl>
      )}
      <div className="form-row">
        <button type="button" className="button" disabled={busy || !link?.configured} data-testid="hub-check-now" onClick={() => void run(() => core.checkHubNow({}))}>
          {busy ? t('packages.checking') : t('packages.checkNow')}
        </button>
        {link && !link.configured && <span className="muted">{t('packages.notConfigured')}</span>}
      </div>
      <form className="form-row" onSubmit={importFolder}>
        <label>
          {t('packages.folder')}
          <input value={folder} size={40} spellCheck={false} data-testid="hub-packages-folder" placeholder={t('folderPlaceholder')} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy} data-testid="hub-packages-import">
          {t('packages.import')}
        </button>
      </form>
      {said && (
        <p className={said.isError ? 'error-banner' : 'notice'} role={said.isError ? 'alert' : 'status'} data-testid="hub-packages-message">
          {said.text}
        </p>
      )}
      {shown.length > 0 && (
        <table className="table" data-testid="hub-packages-list">
          <caption>{report ? t('packages.thisRun') : t('packages.recent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('packages.seq')}</th>
              <th scope="col">{t('packages.kindHeading')}</th>
              <th scope="col">{t('packages.name')}</th>
              <th scope="col">{t('packages.outcomeHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item, i) => (
              <tr key={`${item.seq ?? 'x'}-${i}`} data-outcome={item.outcome}>
                <td className="mono">{item.seq ?? '—'}</td>
                <td>{kindText(item.kind)}</td>
                <td>{item.name ?? '—'}</td>
                <td>
                  {t(`packages.outcome.${item.outcome}`)}
                  {item.reason && <div className={item.outcome === 'refused' ? 'export-status__error' : 'muted'}>{reasonText(item)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
