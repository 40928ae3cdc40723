import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RetentionStatus } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/** How long travellers' personal data is kept (issue 7). The core purges at start, daily, and when this is saved. */
export function RetentionPanel() {
  const core = useCore();
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const show = useCallback((next: RetentionStatus) => {
    setStatus(next);
    setDays(String(next.days));
  }, []);
  useEffect(() => {
    void core.getRetention({}).then((result) => {
      if (result.ok) show(result.value);
    });
  }, [core, show]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.setRetention({ days: Number(days) });
    if (!result.ok) {
      setMessage({ text: result.error.issues?.[0]?.message ?? result.error.message, isError: true });
      return;
    }
    show(result.value);
    const purged = result.value.lastPurge?.counts.crossings ?? 0;
    setMessage({ text: `Personal data is now kept ${result.value.days} days. ${purged === 1 ? '1 older crossing was' : `${purged} older crossings were`} cleared just now.`, isError: false });
  };

  const last = status?.lastPurge;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Personal data retention</h2>
      <p className="muted">
        Names, document numbers and dates of birth of crossings older than this are erased; the counts, the audit trail and exported bundles stay.
      </p>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="retention-message">
          {message.text}
        </p>
      )}
      <form className="form-row" onSubmit={(e) => void save(e)} aria-label="Retention period">
        <label>
          Keep personal data for (days){' '}
          <input aria-label="Retention days" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} required />
        </label>
        <button type="submit" className="button button--primary">
          Save and clear older data
        </button>
      </form>
      {last && (
        <p className="muted" data-testid="retention-last">
          Last cleared {new Date(last.at).toLocaleString()}: data from before {new Date(last.cutoff).toLocaleDateString()}, {last.counts.crossings} crossings.
        </p>
      )}
    </section>
  );
}
