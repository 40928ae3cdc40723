import { useTranslation } from 'react-i18next';
import type { LaneNotice } from '../../../shared/contract';
import { useFormat } from '../../i18n';

/**
 * What the operator should know before Enter: recorded here already (with the way to amend it instead of
 * recording twice), not on the selected bus's list, on another bus's list, a minor whose adult is not here.
 */
export function LaneNotices({ notices, amends, onAmend }: { notices: readonly LaneNotice[]; amends: boolean; onAmend: (() => void) | null }) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  if (notices.length === 0 && !amends) return null;
  const said = (notice: LaneNotice): string => {
    switch (notice.code) {
      case 'already-recorded':
        return t('notice.alreadyRecorded', {
          time: format.time(new Date(notice.recordedAt)),
          direction: t(`dir.${notice.direction}`),
          sequence: notice.sequence,
          disposition: t(`disposition.${notice.disposition}`),
          outcome: t(`common:outcome.${notice.outcome}`),
        });
      case 'not-on-manifest':
        return t('notice.notOnManifest', { group: notice.groupLabel });
      case 'on-other-manifest':
        return t('notice.onOtherManifest', { group: notice.groupLabel });
      case 'minor-without-companion':
        return notice.companionDocumentNumber ? t('notice.minorAloneDocument', { document: notice.companionDocumentNumber }) : t('notice.minorAlone');
    }
  };
  return (
    <ul className="lane-notices" data-testid="lane-notices">
      {amends && (
        <li className="lane-notices__item lane-notices__item--recorded" data-testid="notice-amends">
          {t('notice.amends')}
        </li>
      )}
      {notices.map((notice, index) => (
        <li key={`${notice.code}-${index}`} className={`lane-notices__item ${notice.code === 'already-recorded' ? 'lane-notices__item--recorded' : ''}`} data-testid={`notice-${notice.code}`}>
          {said(notice)}
          {notice.code === 'already-recorded' && onAmend && (
            <>
              {' '}
              <button type="button" className="button" data-testid="amend-open" onClick={onAmend}>
                {t('amend.open')}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
