export { createI18n } from './create-i18n';
export { formatters, type Formatters } from './format';
export { intlLocale } from './intl-locale';
export { DEFAULT_LANGUAGE, LANGUAGE_NAME, UI_LANGUAGES, isUiLanguage, type UiLanguage } from './languages';
export { alertText, useAlertText } from './alert-text';
export { errorText, useErrorText, type CoreErrorLike } from './error-text';
export { reasonText, useReasonText, type CodedMessage } from './reason-text';
export { mrzProblemText, useMrzProblemText } from './mrz-problem-text';
export { lastStationLanguage, rememberStationLanguage } from './station-language';
export { useFormat } from './use-format';
// Screens translate with react-i18next's hook: `const { t } = useTranslation('lane')`, then t('title').
export { useTranslation, Trans } from 'react-i18next';
export { LanguageSwitch } from './LanguageSwitch';
export { LANGUAGE_SHORTCUT, nextLanguage, useOperatorLanguage } from './use-operator-language';
