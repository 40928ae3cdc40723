import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { ScannerFeedEntry } from '../../../shared/contract';

export interface WedgeTestEntry {
  readonly at: string;
  readonly kind: 'scan' | 'typing';
  readonly text: string;
  readonly keys: number;
  readonly meanGapMs: number | undefined;
  readonly note: string;
}

const shortHex = (hex: string): string => (hex.length > 96 ? `…${hex.slice(-96)}` : hex).replace(/(..)/g, '$1 ').trim();
const shortText = (text: string): string => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** The last input of every source and how it was framed, newest first. */
export function TestArea({ entries, wedge }: { entries: readonly ScannerFeedEntry[]; wedge: readonly WedgeTestEntry[] }) {
  const { t } = useTranslation('scanners');
  const format = useFormat();
  const time = (iso: string): string => format.timeWithSeconds(iso);
  return (
    <>
      <h3>{t('wedgeTitle')}</h3>
      {wedge.length === 0 ? (
        <p className="scanners__note">{t('wedgeEmpty')}</p>
      ) : (
        <table data-testid="wedge-test-area">
          <tbody>
            {wedge.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="wedge-test-entry">
                <td>{time(entry.at)}</td>
                <td className={`outcome-tag outcome-tag--${entry.kind}`}>{entry.kind}</td>
                <td>{entry.note}</td>
                <td className="scanners__mono scanners__text">{shortText(entry.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('devices')}</h3>
      {entries.length === 0 ? (
        <p className="scanners__note">{t('devicesEmpty')}</p>
      ) : (
        <table data-testid="device-test-area">
          <thead>
            <tr>
              <th>{t('time')}</th>
              <th>{t('result')}</th>
              <th>{t('framingLabel')}</th>
              <th>{t('text')}</th>
              <th>{t('rawBytes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="device-test-entry">
                <td>{time(entry.at)}</td>
                <td className={`outcome-tag outcome-tag--${entry.outcome}`}>{entry.outcome}</td>
                <td>
                  {entry.framing}
                  {entry.message && <div className="scanners__note">{entry.message}</div>}
                </td>
                <td className="scanners__mono scanners__text">{entry.text === undefined ? '' : shortText(entry.text)}</td>
                <td className="scanners__mono">
                  {shortHex(entry.rawHex)}
                  <div className="scanners__note">{t('bytes', { count: entry.rawBytes })}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
