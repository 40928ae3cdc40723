import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TrustListSchema } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useFormat } from '../../i18n/use-format';

type TrustList = z.infer<typeof TrustListSchema>;

/** The DCC trust list: what is loaded, import from a file or folder (a USB stick), when it counts as old. */
export function TrustListSection({ mayConfigure }: { mayConfigure: boolean }) {
  const core = useCore();
  const { t } = useTranslation('rules');
  const errorText = useErrorText();
  const format = useFormat();
  const [list, setList] = useState<TrustList | null>(null);
  const [path, setPath] = useState('');
  const [staleDays, setStaleDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const refresh = useCallback(async () => {
    const result = await core.getTrustList({});
    if (result.ok) {
      setList(result.value);
      setStaleDays(String(result.value.status.staleAfterDays));
    } else setMessage({ text: errorText(result.error), isError: true });
  }, [core, errorText]);
  useEffect(() => void refresh(), [refresh]);

  const importFile = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await core.importTrustList({ path: path.trim() });
    setBusy(false);
    // A refused file leaves the current list in place; the core says why in words.
    setMessage(result.ok ? { text: t('trustImported', { entries: result.value.import.entries }), isError: false } : { text: errorText(result.error), isError: true });
    if (result.ok) setPath('');
    void refresh();
  };

  const saveStaleDays = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.setTrustListStaleDays({ staleAfterDays: Number(staleDays) });
    setMessage(result.ok ? { text: t('staleSaved'), isError: false } : { text: errorText(result.error), isError: true });
    void refresh();
  };

  const status = list?.status;
  return (
    <section className="card" aria-labelledby="trust-list-heading" data-testid="trust-list-section">
      <h2 id="trust-list-heading">{t('trustList')}</h2>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role={message.isError ? 'alert' : 'status'} data-testid="trust-list-message">
          {message.text}
        </p>
      )}
      {status && (
        <p data-testid="trust-list-summary" className={status.stale ? 'error-banner' : undefined}>
          {status.importedAt
            ? t('trustSummary', { entries: status.entries, date: format.dateTime(status.importedAt), days: status.ageDays ?? 0, source: status.source ?? '' })
            : t('trustNone')}
          {status.stale && status.importedAt ? ` ${t('trustStale', { days: status.staleAfterDays })}` : ''}
        </p>
      )}
      <form className="form-row" onSubmit={(e) => void importFile(e)}>
        <label>
          {t('importPath')}
          <input className="mono" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('importPathHint')} data-testid="trust-import-path" required />
        </label>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="trust-import">
          {t('import')}
        </button>
      </form>
      {mayConfigure && (
        <form className="form-row" onSubmit={(e) => void saveStaleDays(e)}>
          <label>
            {t('staleAfter')}
            <input type="number" min={1} max={365} value={staleDays} onChange={(e) => setStaleDays(e.target.value)} data-testid="trust-stale-days" />
          </label>
          <button type="submit" className="button">
            {t('save')}
          </button>
        </form>
      )}
      {list && list.entries.length > 0 && (
        <table className="table" data-testid="trust-list-entries">
          <thead>
            <tr>
              <th scope="col">{t('country')}</th>
              <th scope="col">{t('kid')}</th>
              <th scope="col">{t('subject')}</th>
              <th scope="col">{t('validUntil')}</th>
              <th scope="col">{t('usage')}</th>
            </tr>
          </thead>
          <tbody>
            {list.entries.slice(0, 200).map((entry) => (
              <tr key={entry.kid + entry.country}>
                <td>{entry.country}</td>
                <td className="mono">{entry.kid}</td>
                <td>{entry.subject}</td>
                <td>{format.date(entry.notAfter)}</td>
                <td>{entry.keyUsage.map((usage) => t(`usage_${usage}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
