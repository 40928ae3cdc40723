import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PERSON_STATES } from '../../../shared/domain/corridor/types';
import type { PersonState } from '../../../shared/contract';
import { useSession } from '../../session';
import { useCore } from '../../core-client/core-context';
import { useFormat, useErrorText, type CoreErrorLike } from '../../i18n';
import { downloadText, fileToBase64 } from './file-io';
import { CloseGroupControls } from './CloseGroupControls';
import { ManifestTable } from './ManifestTable';
import { PERSON_STATE_LABEL } from './person-state-label';
import { useGroupDetail } from './use-groups';

export function GroupPanel({ groupId, onMessage }: { groupId: string; onMessage: (text: string, isError?: boolean) => void }) {
  const core = useCore();
  const { may } = useSession();
  const { t } = useTranslation('groups');
  const errorText = useErrorText();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<PersonState | 'all'>('all');
  const { detail, error } = useGroupDetail(groupId, query, state);
  if (error) return <p className="error-banner">{errorText(error)}</p>;
  if (!detail) return <p className="muted">{t('loading')}</p>;
  const g = detail.group;
  const report = (result: { ok: true } | { ok: false; error: CoreErrorLike }, done: string) =>
    result.ok ? onMessage(done) : onMessage(errorText(result.error), true);

  const importManifest = async (file: File | undefined) => {
    if (!file) return;
    const xlsx = /\.xlsx$/i.test(file.name);
    const content = xlsx ? await fileToBase64(file) : await file.text();
    const result = await core.importManifest({ groupId: g.id, fileName: file.name, format: xlsx ? 'xlsx' : 'csv', content });
    if (!result.ok) return onMessage(errorText(result.error), true);
    const { rowsAdded, rowsTotal, alreadyImported, problems } = result.value;
    onMessage(
      alreadyImported
        ? t('importedBefore', { file: file.name })
        : [
            t('manifestAdded', { added: rowsAdded, total: rowsTotal, file: file.name }),
            ...(problems.length ? [t('linesSkipped', { count: problems.length, details: problems.map((p) => t('line', { line: p.line, message: p.message })).join(' ') })] : []),
          ].join(' '),
    );
  };

  const exportFile = async () => {
    const result = await core.exportGroupFile({ groupId: g.id });
    if (!result.ok) return onMessage(errorText(result.error), true);
    downloadText(result.value.fileName, result.value.content);
    onMessage(t('fileSaved', { file: result.value.fileName, crossings: result.value.crossings }));
  };

  return (
    <section className="group-panel" aria-labelledby="group-title">
      <header className="group-panel__head">
        <h2 id="group-title" data-testid="group-title">
          {g.label}
          {g.vehiclePlate ? ` · ${g.vehiclePlate}` : ''}
        </h2>
        <p className="group-panel__progress" data-testid="group-progress">
          {g.notOnList > 0 ? t('processedNotOnList', { processed: g.processed, total: g.total, notOnList: g.notOnList }) : t('processed', { processed: g.processed, total: g.total })}
        </p>
        <p className="muted">
          {t('corridorRole', { corridor: g.corridorId, role: t(`role.${g.stationRole ?? 'neither'}`) })}
          {g.departedAt ? t('departed', { at: format.dateTime(g.departedAt) }) : ''}
          {g.arrivedAt ? t('arrived', { at: format.dateTime(g.arrivedAt) }) : ''}
        </p>
      </header>
      <ul className="chips" data-testid="group-counts">
        {PERSON_STATES.filter((s) => detail.counts[s] > 0).map((s) => (
          <li key={s} className={`chip ${PERSON_STATE_LABEL[s].className}`}>
            {t(`state.${s}`)}: {detail.counts[s]}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" className="button" data-testid="use-at-lane" onClick={() => void core.setLaneGroup({ groupId: g.id }).then((r) => report(r, t('nowLaneGroup', { label: g.label })))}>
          {t('useAtLane')}
        </button>
        {may('importManifest') && (
          <label className="button">
            {t('importManifest')}
            <input type="file" accept=".csv,.xlsx,text/csv" hidden data-testid="manifest-file" onChange={(e) => void importManifest(e.target.files?.[0])} />
          </label>
        )}
        <CloseGroupControls group={g} onMessage={onMessage} />
        {may('exportGroupFile') && (
          <button type="button" className="button" data-testid="export-group-file" onClick={() => void exportFile()}>
            {t('exportFile')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          data-testid="manifest-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label={t('status')} data-testid="manifest-state" value={state} onChange={(e) => setState(e.target.value as PersonState | 'all')}>
          <option value="all">{t('everyone', { total: detail.counts.total })}</option>
          {PERSON_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)} ({detail.counts[s]})
            </option>
          ))}
        </select>
      </div>
      <ManifestTable people={detail.people} />
    </section>
  );
}
