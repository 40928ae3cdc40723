import { useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('firstRun');
  const errorText = useErrorText();
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
      setError(t('pinsDiffer'));
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
    else setError(errorText(result.error));
  };

  return (
    <main className="page">
      <form className="card wizard" onSubmit={(e) => void submit(e)} aria-labelledby="wizard-title" data-testid="first-run">
        <h1 id="wizard-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <fieldset>
          <legend>{t('stationAndCheckpoint')}</legend>
          <label>
            {t('stationId')}
            <input data-testid="setup-station-id" value={form.stationId} onChange={set('stationId')} required />
          </label>
          <label>
            {t('checkpointCode')}
            <input data-testid="setup-checkpoint-id" value={form.checkpointId} onChange={set('checkpointId')} placeholder="OYBEK" required />
          </label>
          <label>
            {t('checkpointName')}
            <input data-testid="setup-checkpoint-name" value={form.checkpointName} onChange={set('checkpointName')} required />
          </label>
          <label>
            {t('country')}
            <input data-testid="setup-country" value={form.country} onChange={set('country')} maxLength={3} required />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('corridorOptional')}</legend>
          <label>
            {t('corridorCode')}
            <input data-testid="setup-corridor-id" value={form.corridorId} onChange={set('corridorId')} />
          </label>
          <label>
            {t('corridorName')}
            <input value={form.corridorName} onChange={set('corridorName')} />
          </label>
          <label>
            {t('thisStationIs')}
            <select data-testid="setup-end" value={form.end} onChange={set('end')}>
              <option value="entry">{t('entryEnd')}</option>
              <option value="exit">{t('exitEnd')}</option>
            </select>
          </label>
          <label>
            {t('otherCode')}
            <input data-testid="setup-other-id" value={form.otherId} onChange={set('otherId')} />
          </label>
          <label>
            {t('otherName')}
            <input data-testid="setup-other-name" value={form.otherName} onChange={set('otherName')} />
          </label>
          <label>
            {t('otherCountry')}
            <input data-testid="setup-other-country" value={form.otherCountry} onChange={set('otherCountry')} maxLength={3} />
          </label>
          <label>
            {t('expectedTransit')}
            <input type="number" min={1} value={form.expected} onChange={set('expected')} />
          </label>
          <label>
            {t('maxTransit')}
            <input type="number" min={1} value={form.max} onChange={set('max')} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('firstAdmin')}</legend>
          <label>
            {t('userName')}
            <input data-testid="setup-username" value={form.username} onChange={set('username')} autoComplete="username" required />
          </label>
          <label>
            {t('fullName')}
            <input data-testid="setup-display-name" value={form.displayName} onChange={set('displayName')} required />
          </label>
          <label>
            {t('pin', { min: PIN_MIN_LENGTH })}
            <input data-testid="setup-pin" type="password" inputMode="numeric" value={form.pin} onChange={set('pin')} autoComplete="new-password" required />
          </label>
          <label>
            {t('pinAgain')}
            <input data-testid="setup-pin-again" type="password" inputMode="numeric" value={form.pinAgain} onChange={set('pinAgain')} autoComplete="new-password" required />
          </label>
        </fieldset>
        {error && (
          <p className="error-banner" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="setup-submit" disabled={busy}>
          {t('submit')}
        </button>
      </form>
    </main>
  );
}
