import { useEffect, useState } from 'react';
import type { BoardAnswer, BoardRowView, CorridorView } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { BusPeople } from './BusPeople';
import { ErrorLine, ExportButtons, When } from './common';

const HOURS = [12, 36, 72, 168] as const;

function StepCell({ step }: { step: BoardRowView['steps'][number] }) {
  const { t } = useHubI18n();
  return (
    <td className="hub-board__step">
      <span>{t('board.cell', { passed: step.passed })}</span>
      {step.refused > 0 && <span className="hub-mark hub-mark--refused">{t('board.cellRefused', { n: step.refused })}</span>}
      {step.held > 0 && <span className="hub-mark hub-mark--refused">{t('board.cellHeld', { n: step.held })}</span>}
      {step.expected > 0 && <span className="hub-mark">{t('board.cellExpected', { n: step.expected })}</span>}
      {step.missing > 0 && <span className="hub-mark hub-mark--missing">{t('board.cellMissing', { n: step.missing })}</span>}
    </td>
  );
}

function CorridorTable({ corridor, rows, onOpen }: { corridor: CorridorView; rows: readonly BoardRowView[]; onOpen: (row: BoardRowView) => void }) {
  const { t } = useHubI18n();
  return (
    <table className="hub-table hub-board" data-testid={`board-${corridor.id}`}>
      <caption>
        {t('board.corridor')}: {corridor.name} ({corridor.id})
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('board.bus')}</th>
          <th scope="col">{t('board.state')}</th>
          <th scope="col">{t('board.people')}</th>
          <th scope="col">{t('board.left')}</th>
          {corridor.steps.map((s) => (
            <th scope="col" key={s.checkpointId}>
              {s.checkpointId} ({s.country}, {t(`direction.${s.direction}`)})
            </th>
          ))}
          <th scope="col">{t('board.eta')}</th>
          <th scope="col">{t('board.overdueSince')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.groupId ?? ''} className={`hub-tone--${row.tone}`} data-testid={`bus-${row.groupId ?? ''}`}>
            <th scope="row">
              <button type="button" className="hub-link" onClick={() => onOpen(row)} aria-label={t('board.open', { bus: row.groupId ?? '' })}>
                {row.groupId}
              </button>
            </th>
            <td>{t(`tone.${row.tone}`)}</td>
            <td>{row.people}</td>
            <td>
              <When ms={row.left?.atMs} />
            </td>
            {row.steps.map((s) => (
              <StepCell key={s.checkpointId} step={s} />
            ))}
            <td>
              <When ms={row.etaMs} />
            </td>
            <td>
              <When ms={row.overdueSinceMs} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The corridor board: every bus seen in the window, per corridor, coloured by its worst state; a bus opens its people. */
export function Board() {
  const { t } = useHubI18n();
  const [hours, setHours] = useState<number>(36);
  const [open, setOpen] = useState<{ corridor: CorridorView; groupId: string } | null>(null);
  const board = useHubQuery<BoardAnswer>('board', { hours });
  const { reload } = board;
  // Overdue and missing come from time passing: the board reads itself again every minute while it is shown.
  useEffect(() => {
    if (open) return;
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [open, reload]);
  if (open) return <BusPeople corridor={open.corridor} groupId={open.groupId} hours={hours} onClose={() => setOpen(null)} />;
  const data = board.data;
  return (
    <section aria-labelledby="board-title">
      <div className="hub-toolbar">
        <h2 id="board-title">{t('board.title')}</h2>
        <label>
          {t('board.hours')}{' '}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))} data-testid="board-hours">
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>{' '}
          {t('board.hoursUnit')}
        </label>
        <button type="button" className="hub-button" onClick={board.reload}>
          {t('refresh')}
        </button>
        <ExportButtons table="board" query={{ hours }} label={t('board.title')} />
      </div>
      <ErrorLine error={board.error} />
      {board.loading && !data && <p>{t('loading')}</p>}
      {data && (
        <>
          <p className="hub-muted">{t('asOf', { time: new Date(data.asOfMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' })}</p>
          {data.rows.length === 0 && <p>{t('board.empty')}</p>}
          {data.corridors.map((corridor) => {
            const rows = data.rows.filter((r) => r.corridorId === corridor.id);
            return rows.length === 0 ? null : <CorridorTable key={corridor.id} corridor={corridor} rows={rows} onOpen={(row) => row.groupId !== null && setOpen({ corridor, groupId: row.groupId })} />;
          })}
        </>
      )}
    </section>
  );
}
