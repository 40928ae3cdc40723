import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeSounds } from '../lane/outcome-sound';
import { VOLUME_STEPS } from './display-settings';
import { DISPLAY_SHORTCUTS, useDisplaySettings } from './DisplaySettingsProvider';
import { useErrorText } from '../../i18n';

const LEVEL = ['silent', 'quiet', 'medium', 'loud'] as const;
const levelOf = (volume: number) => LEVEL[VOLUME_STEPS.findIndex((step) => Math.abs(step - volume) < 1e-6)] ?? 'medium';

/** The small Settings area: large text, high contrast, sound volume; each with its shortcut shown. */
export function DisplaySettingsButton() {
  const { t } = useTranslation('settings');
  const errorText = useErrorText();
  const display = useDisplaySettings();
  const [open, setOpen] = useState(false);
  const sounds = useMemo(() => new OutcomeSounds(), []);
  return (
    // The panel hangs under its button, wherever the wrapping status bar has put it.
    <span className="display-settings-anchor">
      <button type="button" className="status-bar__settings" data-testid="display-settings-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('open')}
      </button>
      {open && (
        <section className="display-settings" data-testid="display-settings" aria-labelledby="display-settings-title">
          <h2 id="display-settings-title">{t('title')}</h2>
          <label>
            <input type="checkbox" data-testid="large-text-toggle" checked={display.largeText} onChange={(event) => display.update({ largeText: event.target.checked })} />
            {t('largeText')} <kbd>{DISPLAY_SHORTCUTS.largeText}</kbd>
          </label>
          <label>
            <input type="checkbox" data-testid="high-contrast-toggle" checked={display.highContrast} onChange={(event) => display.update({ highContrast: event.target.checked })} />
            {t('highContrast')} <kbd>{DISPLAY_SHORTCUTS.highContrast}</kbd>
          </label>
          <div className="display-settings__row">
            <label>
              {t('volume')}
              <select data-testid="volume-select" value={levelOf(display.volume)} onChange={(event) => display.update({ volume: VOLUME_STEPS[LEVEL.indexOf(event.target.value as (typeof LEVEL)[number])] ?? 0 })}>
                {LEVEL.map((level) => (
                  <option key={level} value={level}>
                    {t(`level.${level}`)}
                  </option>
                ))}
              </select>
            </label>
            <kbd>{DISPLAY_SHORTCUTS.volume}</kbd>
            <button type="button" className="button" data-testid="test-sound" onClick={() => sounds.play('OK', display.volume)}>
              {t('testSound')}
            </button>
          </div>
          {display.saveError && (
            <p className="status-bar__warning" role="alert">
              {t('saveFailed', { message: errorText(display.saveError) })}
            </p>
          )}
          <button type="button" className="button" data-testid="display-settings-close" onClick={() => setOpen(false)}>
            {t('close')}
          </button>
        </section>
      )}
    </span>
  );
}
