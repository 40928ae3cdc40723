import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../session';
import { useCore } from '../../core-client/core-context';
import { GroupPanel } from './GroupPanel';
import { useGroups } from './use-groups';

/** Bus groups: their manifests with a state per person, manifest import, closing, and group files between the two ends. */
export function GroupsScreen() {
  const core = useCore();
  const { may } = useSession();
  const { t } = useTranslation('groups');
  const errorText = useErrorText();
  const { groups, corridors, error } = useGroups();
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [form, setForm] = useState({ label: '', corridorId: '', plate: '', expected: '' });
  const onMessage = (text: string, isError = false) => setMessage({ text, isError });
  const current = selected ?? groups[0]?.id ?? null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const corridorId = form.corridorId || corridors[0]?.id;
    if (!corridorId) return onMessage(t('noCorridor'), true);
    const result = await core.createGroup({
      corridorId,
      label: form.label,
      ...(form.plate.trim() ? { vehiclePlate: form.plate.trim() } : {}),
      ...(form.expected ? { expectedCount: Number(form.expected) } : {}),
    });
    if (!result.ok) return onMessage(errorText(result.error), true);
    setSelected(result.value.id);
    setForm({ label: '', corridorId, plate: '', expected: '' });
    onMessage(t('created', { label: result.value.label }));
  };

  const importGroupFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await core.importGroupFile({ content: await file.text() });
    if (!result.ok) return onMessage(errorText(result.error), true);
    const r = result.value;
    setSelected(r.groupId);
    onMessage(
      r.alreadyImported
        ? t('fileImportedBefore')
        : t('fileImported', { station: r.signedBy.stationId, crossings: r.crossingsAdded, manifest: r.manifestAdded, paired: r.paired }),
    );
  };

  return (
    <main className="page groups">
      <aside className="groups__list" aria-label={t('title')}>
        <h1>{t('title')}</h1>
        {may('importGroupFile') && (
          <label className="button">
            {t('importGroupFile')}
            <input type="file" accept=".json,application/json" hidden data-testid="group-file" onChange={(e) => void importGroupFile(e.target.files?.[0])} />
          </label>
        )}
        {error && <p className="error-banner">{errorText(error)}</p>}
        <ul className="list">
          {groups.map((g) => (
            <li key={g.id}>
              <button type="button" className={`list__item ${g.id === current ? 'list__item--active' : ''}`} data-testid="group-item" onClick={() => setSelected(g.id)}>
                <strong>{g.label}</strong>
                <span className="muted">
                  {g.processed} / {g.total} · {g.corridorId}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {may('createGroup') && (
          <form className="card" onSubmit={(e) => void create(e)} aria-label={t('newGroup')}>
            <h2>{t('newGroup')}</h2>
            <label>
              {t('label')}
              <input data-testid="new-group-label" value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} required />
            </label>
            <label>
              {t('corridor')}
              <select value={form.corridorId} onChange={(e) => setForm({ ...form, corridorId: e.target.value })}>
                {corridors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('plate')}
              <input value={form.plate} onChange={(e) => setForm({ ...form, plate: e.target.value })} />
            </label>
            <label>
              {t('expectedPeople')}
              <input type="number" min={0} value={form.expected} onChange={(e) => setForm({ ...form, expected: e.target.value })} />
            </label>
            <button type="submit" className="button button--primary">
              {t('create')}
            </button>
          </form>
        )}
      </aside>
      <div className="groups__detail">
        {message && (
          <p className={message.isError ? 'error-banner' : 'notice'} role={message.isError ? 'alert' : 'status'} data-testid="groups-message">
            {message.text}
          </p>
        )}
        {current ? <GroupPanel key={current} groupId={current} onMessage={onMessage} /> : <p className="muted">{t('noGroup')}</p>}
      </div>
    </main>
  );
}
