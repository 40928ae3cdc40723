import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_NAME, UI_LANGUAGES } from './languages';
import { LANGUAGE_SHORTCUT, useOperatorLanguage } from './use-operator-language';
import { useErrorText } from './error-text';

/** The language selector of the status bar, with its shortcut; each language is named in itself. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { language, choose, saveError } = useOperatorLanguage();
  return (
    <span className="language-switch">
      <select
          data-testid="language-select"
          aria-label={t('language')}
          aria-keyshortcuts={LANGUAGE_SHORTCUT.label}
          value={language}
          onChange={(event) => {
            if (isUiLanguage(event.target.value)) choose(event.target.value);
          }}
        >
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAME[code]}
            </option>
          ))}
        </select>
      <kbd title={t('languageShortcut')}>{LANGUAGE_SHORTCUT.label}</kbd>
      {saveError && (
        <span className="status-bar__warning" role="status" data-testid="language-save-error">
          {t('languageNotSaved', { reason: errorText(saveError) })}
        </span>
      )}
    </span>
  );
}
