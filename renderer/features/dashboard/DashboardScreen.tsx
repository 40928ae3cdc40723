import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { AlertList } from '../alerts/AlertList';
import { HourlyChart } from './HourlyChart';

function today(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { from: start.toISOString(), to: new Date(start.getTime() + 24 * 3600_000).toISOString() };
}

/** Shift lead: today per corridor and hour (entries, exits, outcomes), overdue, and the open alerts. */
export function DashboardScreen() {
  const core = useCore();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const result = await core.getDashboard(today());
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error.message);
  }, [core]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 60_000);
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'crossing-recorded' || (event.type === 'log-changed' && event.what !== 'session')) void refresh();
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [core, refresh]);

  return (
    <main className="page dashboard" data-testid="dashboard">
      <h1>Today</h1>
      {error && <p className="error-banner">{error}</p>}
      {data?.corridors.length === 0 && <p className="muted">Nothing recorded today.</p>}
      {data?.corridors.map((c) => (
        <section key={c.corridorId ?? 'none'} className="card dashboard__corridor" data-testid="dashboard-corridor">
          <h2>{c.name}</h2>
          <dl className="totals">
            {(
              [
                ['Entries', c.totals.entries],
                ['Exits', c.totals.exits],
                ['OK', c.totals.ok],
                ['NOT OK', c.totals.notOk],
                ['Cross-check', c.totals.crossCheck],
                ['Overrides', c.totals.overrides],
                ['In the corridor', c.totals.inCorridor],
                ['Overdue', c.totals.overdue],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={label === 'Overdue' && value > 0 ? 'totals__alert' : undefined}>
                <dt>{label}</dt>
                <dd data-testid={`total-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <HourlyChart hours={c.hours} title={`${c.name}: per hour`} />
        </section>
      ))}
      {data && <AlertList alerts={data.openAlerts} total={data.openAlertsTotal} canAcknowledge />}
    </main>
  );
}
