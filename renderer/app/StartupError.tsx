import { useTranslation } from 'react-i18next';

export function StartupError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="startup-error" role="alert">
      <h1>{t('cannotStart')}</h1>
      <p>{message}</p>
    </main>
  );
}
