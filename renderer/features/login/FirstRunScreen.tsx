import { useState, type FormEvent } from 'react';
import type { BootstrapStationInput } from '../../../shared/contract';
import { PIN_MIN_LENGTH } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';

const field = (value: string) => value.trim();

/**
 * First run: name this station and its checkpoint, optionally the corridor it serves (and its other end),
 * and create the first administrator. The core allows this only while no user exists.
 */
export function FirstRunScreen({ stationId, onDone }: { stationId: string; onDone: () => void }) {
  const core = useCore();
  const [form, setForm] = useState({
    stationId,
    checkpointId: '',
    checkpointName: '',
    country: '',
    username: '',
    displayName: '',
    pin: '',
    pinAgain: '',
    corridorId: '',
    corridorName: '',
    end: 'entry' as 'entry' | 'exit',
    otherId: '',
    otherName: '',
    otherCountry: '',
    expected: '240',
    max: '360',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.pin !== form.pinAgain) {
      setError('The two PINs differ.');
      return;
    }
    const withCorridor = field(form.corridorId) !== '';
    const own = { id: field(form.checkpointId), name: field(form.checkpointName), country: field(form.country) };
    const other = { id: field(form.otherId), name: field(form.otherName), country: field(form.otherCountry) };
    const input: BootstrapStationInput = {
      stationId: field(form.stationId),
      checkpoint: own,
      admin: { username: field(form.username), displayName: field(form.displayName), pin: form.pin },
      ...(withCorridor
        ? {
            otherCheckpoints: [other],
            corridors: [
              {
                id: field(form.corridorId),
                name: field(form.corridorName) || field(form.corridorId),
                entryCheckpointId: form.end === 'entry' ? own.id : other.id,
                exitCheckpointId: form.end === 'entry' ? other.id : own.id,
                expectedTransitMinutes: Number(form.expected),
                maxTransitMinutes: Number(form.max),
              },
            ],
          }
        : {}),
    };
    setBusy(true);
    const result = await core.bootstrapStation(input);
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error.issues?.[0] ? `${result.error.issues[0].path}: ${result.error.issues[0].message}` : result.error.message);
  };

  return (
    <main className="page">
      <form className="card wizard" onSubmit={(e) => void submit(e)} aria-labelledby="wizard-title" data-testid="first-run">
        <h1 id="wizard-title">Set up this station</h1>
        <p className="muted">Nothing can be recorded until the station knows where it stands and who administers it.</p>
        <fieldset>
          <legend>Station and checkpoint</legend>
          <label>
            Station id
            <input data-testid="setup-station-id" value={form.stationId} onChange={set('stationId')} required />
          </label>
          <label>
            Checkpoint code
            <input data-testid="setup-checkpoint-id" value={form.checkpointId} onChange={set('checkpointId')} placeholder="OYBEK" required />
          </label>
          <label>
            Checkpoint name
            <input data-testid="setup-checkpoint-name" value={form.checkpointName} onChange={set('checkpointName')} required />
          </label>
          <label>
            Country (ISO, 3 letters)
            <input data-testid="setup-country" value={form.country} onChange={set('country')} maxLength={3} required />
          </label>
        </fieldset>
        <fieldset>
          <legend>Corridor (optional)</legend>
          <label>
            Corridor code
            <input data-testid="setup-corridor-id" value={form.corridorId} onChange={set('corridorId')} />
          </label>
          <label>
            Corridor name
            <input value={form.corridorName} onChange={set('corridorName')} />
          </label>
          <label>
            This station is the
            <select data-testid="setup-end" value={form.end} onChange={set('end')}>
              <option value="entry">entry end</option>
              <option value="exit">exit end</option>
            </select>
          </label>
          <label>
            Other end: checkpoint code
            <input data-testid="setup-other-id" value={form.otherId} onChange={set('otherId')} />
          </label>
          <label>
            Other end: name
            <input data-testid="setup-other-name" value={form.otherName} onChange={set('otherName')} />
          </label>
          <label>
            Other end: country
            <input data-testid="setup-other-country" value={form.otherCountry} onChange={set('otherCountry')} maxLength={3} />
          </label>
          <label>
            Expected transit (minutes)
            <input type="number" min={1} value={form.expected} onChange={set('expected')} />
          </label>
          <label>
            Maximum transit (minutes)
            <input type="number" min={1} value={form.max} onChange={set('max')} />
          </label>
        </fieldset>
        <fieldset>
          <legend>First administrator</legend>
          <label>
            User name
            <input data-testid="setup-username" value={form.username} onChange={set('username')} autoComplete="username" required />
          </label>
          <label>
            Full name
            <input data-testid="setup-display-name" value={form.displayName} onChange={set('displayName')} required />
          </label>
          <label>
            PIN ({PIN_MIN_LENGTH} digits or more)
            <input data-testid="setup-pin" type="password" inputMode="numeric" value={form.pin} onChange={set('pin')} autoComplete="new-password" required />
          </label>
          <label>
            PIN again
            <input data-testid="setup-pin-again" type="password" inputMode="numeric" value={form.pinAgain} onChange={set('pinAgain')} autoComplete="new-password" required />
          </label>
        </fieldset>
        {error && (
          <p className="error-banner" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="setup-submit" disabled={busy}>
          Set up the station
        </button>
      </form>
    </main>
  );
}
