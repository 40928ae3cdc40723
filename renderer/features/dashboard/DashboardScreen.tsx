import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useCoreQuery } from '../../core-query';
import { HeldQueue } from '../consular/HeldQueue';
import { AlertList } from '../alerts/AlertList';
import { HourlyChart } from './HourlyChart';

function today(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { from: start.toISOString(), to: new Date(start.getTime() + 24 * 3600_000).toISOString() };
}

/** Shift lead: today per corridor and hour (entries, exits, outcomes), overdue, and the open alerts. */
export function DashboardScreen() {
  const { t } = useTranslation('dashboard');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  // Every change of the log but a sign-in, and each minute for what time alone changes (overdue buses, the day).
  const { data, errorText: error } = useCoreQuery('getDashboard', today(), { on: ['crossings', 'alerts', 'groups', 'pairings', 'setup', 'exports'], everyMs: 60_000 });

  return (
    <main className="page dashboard" data-testid="dashboard">
      <h1>{t('today')}</h1>
      {error && <p className="error-banner">{error}</p>}
      {data?.corridors.length === 0 && <p className="muted">{t('nothing')}</p>}
      {data?.corridors.map((c) => (
        <section key={c.corridorId ?? 'none'} className="card dashboard__corridor" data-testid="dashboard-corridor">
          <h2>{c.name}</h2>
          <dl className="totals">
            {(
              [
                // The test id stays the English word (tests and scripts select by it), whatever the language.
                ['entries', 'entries', c.totals.entries],
                ['exits', 'exits', c.totals.exits],
                ['ok', 'ok', c.totals.ok],
                ['notOk', 'not-ok', c.totals.notOk],
                ['crossCheck', 'cross-check', c.totals.crossCheck],
                ['refused', 'refused', c.totals.refused],
                ['heldNow', 'held-now', c.totals.heldNow],
                ['overrides', 'overrides', c.totals.overrides],
                ['inCorridor', 'in-the-corridor', c.totals.inCorridor],
                ['overdue', 'overdue', c.totals.overdue],
              ] as const
            ).map(([key, testId, value]) => (
              <div key={key} className={(key === 'overdue' || key === 'heldNow') && value !== null && value > 0 ? 'totals__alert' : undefined}>
                <dt>{t(key)}</dt>
                {/* null: this station is not the corridor's exit end and cannot know who is still inside. */}
                <dd data-testid={`total-${testId}`}>{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
          <HourlyChart hours={c.hours} title={t('perHour', { name: c.name })} />
        </section>
      ))}
      {/* Nobody stays held silently: a shift lead admits or refuses them here as on the Consular screen. */}
      {data?.corridors.some((c) => c.totals.heldNow > 0) && <HeldQueue onMessage={(text, isError) => setMessage({ text, isError })} />}
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="dashboard-message">
          {message.text}
        </p>
      )}
      {data && <AlertList alerts={data.openAlerts} total={data.openAlertsTotal} canAcknowledge />}
    </main>
  );
}
