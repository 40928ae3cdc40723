import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../shared/contract';
import { roleMay } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { GroupPanel } from './GroupPanel';
import { useGroups } from './use-groups';

/** Bus groups: their manifests with a state per person, manifest import, closing, and group files between the two ends. */
export function GroupsScreen({ user }: { user: SessionUser }) {
  const core = useCore();
  const { groups, corridors, error } = useGroups();
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [form, setForm] = useState({ label: '', corridorId: '', plate: '', expected: '' });
  const onMessage = (text: string, isError = false) => setMessage({ text, isError });
  const current = selected ?? groups[0]?.id ?? null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const corridorId = form.corridorId || corridors[0]?.id;
    if (!corridorId) return onMessage('No corridor is configured on this station; an administrator adds one first.', true);
    const result = await core.createGroup({
      corridorId,
      label: form.label,
      ...(form.plate.trim() ? { vehiclePlate: form.plate.trim() } : {}),
      ...(form.expected ? { expectedCount: Number(form.expected) } : {}),
    });
    if (!result.ok) return onMessage(result.error.message, true);
    setSelected(result.value.id);
    setForm({ label: '', corridorId, plate: '', expected: '' });
    onMessage(`Group ${result.value.label} created.`);
  };

  const importGroupFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await core.importGroupFile({ content: await file.text() });
    if (!result.ok) return onMessage(result.error.message, true);
    const r = result.value;
    setSelected(r.groupId);
    onMessage(
      r.alreadyImported
        ? 'This group file was imported before: nothing changed.'
        : `Group file from ${r.signedBy.stationId}: ${r.crossingsAdded} crossings and ${r.manifestAdded} manifest lines added, ${r.paired} exits paired.`,
    );
  };

  return (
    <main className="page groups">
      <aside className="groups__list" aria-label="Groups">
        <h1>Groups</h1>
        {roleMay(user.role, 'importGroupFile') && (
          <label className="button">
            Import group file
            <input type="file" accept=".json,application/json" hidden data-testid="group-file" onChange={(e) => void importGroupFile(e.target.files?.[0])} />
          </label>
        )}
        {error && <p className="error-banner">{error}</p>}
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
        {roleMay(user.role, 'createGroup') && (
          <form className="card" onSubmit={(e) => void create(e)} aria-label="New group">
            <h2>New group</h2>
            <label>
              Label
              <input data-testid="new-group-label" value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} required />
            </label>
            <label>
              Corridor
              <select value={form.corridorId} onChange={(e) => setForm({ ...form, corridorId: e.target.value })}>
                {corridors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Vehicle plate
              <input value={form.plate} onChange={(e) => setForm({ ...form, plate: e.target.value })} />
            </label>
            <label>
              Expected people
              <input type="number" min={0} value={form.expected} onChange={(e) => setForm({ ...form, expected: e.target.value })} />
            </label>
            <button type="submit" className="button button--primary">
              Create
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
        {current ? <GroupPanel key={current} groupId={current} user={user} onMessage={onMessage} /> : <p className="muted">No group yet.</p>}
      </div>
    </main>
  );
}
