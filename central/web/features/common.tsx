import type { HubTable } from '../../../shared/contract/hub-web';
import { apiUrl, type HubCallError } from '../api/hub-client';
import { useHubI18n, type HubMessageKey } from '../i18n/hub-i18n';

const KNOWN_ERRORS = new Set<string>(['session-required', 'role-refused', 'not-found', 'bad-request', 'network']);

/** A hub error as a sentence in the user's language. */
export function ErrorLine({ error }: { error: HubCallError | null }) {
  const { t } = useHubI18n();
  if (!error) return null;
  const text = KNOWN_ERRORS.has(error.code) ? t(`error.${error.code}` as HubMessageKey) : t('error.generic', { code: error.code });
  return (
    <p className="hub-error" role="alert">
      {text}
    </p>
  );
}

/** CSV and XLSX of the table the screen shows, with the screen's own query (plain links: the session cookie goes along). */
export function ExportButtons({ table, query = {}, label }: { table: HubTable; query?: Readonly<Record<string, string | number | undefined>>; label: string }) {
  const { t } = useHubI18n();
  return (
    <span className="hub-export" role="group" aria-label={t('export.label', { table: label })}>
      <a className="hub-button" href={apiUrl(`${table}/export.csv`, query)} download data-testid={`export-${table}-csv`}>
        {t('export.csv')}
      </a>
      <a className="hub-button" href={apiUrl(`${table}/export.xlsx`, query)} download data-testid={`export-${table}-xlsx`}>
        {t('export.xlsx')}
      </a>
    </span>
  );
}

/** A time or a dash. */
export function When({ ms }: { ms: number | null | undefined }) {
  const { format } = useHubI18n();
  if (ms === null || ms === undefined) return <span aria-label="—">—</span>;
  return <time dateTime={new Date(ms).toISOString()}>{format.dateTime(new Date(ms), { utc: true })} UTC</time>;
}

/** The ICAO name key as a readable name (its filler signs as spaces). */
export const readableName = (nameKey: string): string => nameKey.replace(/</g, ' ').replace(/\s+/g, ' ').trim();
