import { useTranslation } from 'react-i18next';
import type { PassageRecord } from '../../../shared/contract';
import { useFormat, useReasonText } from '../../i18n';

/**
 * Everything about one crossing a consular officer needs to decide on it: why the outcome was what it was, the
 * certificates shown, and every override and correction since, each with the person's name.
 */
export function PassageDetails({ passage }: { passage: PassageRecord }) {
  const { t } = useTranslation(['consular', 'common', 'evidence']);
  const format = useFormat();
  const reasonText = useReasonText();
  const reasons = passage.reasons.filter((r) => r.severity !== 'info');
  const person = (name: string | null) => name ?? t('unknownPerson');
  const outcome = (o: PassageRecord['outcome']) => t(`common:outcome.${o}`);
  const change = (c: PassageRecord['corrections'][number]) => {
    const set = [c.disposition && t(`disposition.${c.disposition}`), c.direction && t(`common:direction.${c.direction}`), c.outcome && outcome(c.outcome)].filter(Boolean);
    return set.length > 0 ? ` → ${set.join(', ')}` : '';
  };
  return (
    <div className="passage-details" data-testid="passage-details">
      {reasons.length > 0 && (
        <ul className="passage-details__reasons" aria-label={t('reasons')} data-testid="passage-reasons">
          {reasons.map((r) => (
            <li key={r.code}>{reasonText(r)}</li>
          ))}
        </ul>
      )}
      {passage.evidence.length > 0 && (
        <>
          <h3>{t('evidenceShown')}</h3>
          <ul data-testid="passage-evidence">
            {passage.evidence.map((e, i) => (
              <li key={`${e.capturedAt}-${i}`}>
                {[
                  t(`evidenceKind.${e.kind}` as never, { defaultValue: e.kind }),
                  e.issuer,
                  e.testType ? t(`evidence:testKind.${e.testType}` as never, { defaultValue: e.testType }) : e.certificateType ? t(`evidence:certType.${e.certificateType}` as never, { defaultValue: e.certificateType }) : null,
                  e.testResult ? t(`evidence:result.${e.testResult}` as never, { defaultValue: e.testResult }) : null,
                  e.sampleTime ? t('sampleAt', { at: format.dateTime(e.sampleTime) }) : null,
                  outcome(e.outcome),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {(passage.overrides.length > 0 || passage.corrections.length > 0) && (
        <>
          <h3>{t('changes')}</h3>
          <ul data-testid="passage-changes">
            {passage.overrides.map((o) => (
              <li key={o.id} data-testid="passage-override">
                {o.authorisedBy
                  ? t('overrideLine', {
                      at: format.dateTime(o.at),
                      from: o.previousDisposition ? t(`disposition.${o.previousDisposition}`) : outcome(o.previousOutcome),
                      to: o.disposition ? t(`disposition.${o.disposition}`) : outcome(o.outcome),
                      who: person(o.operatorName),
                      authoriser: person(o.authorisedByName),
                      role: t(`common:roles.${o.authoriserRole ?? 'consular'}`),
                      reason: o.reason,
                    })
                  : t('overrideLineSelf', { at: format.dateTime(o.at), from: outcome(o.previousOutcome), to: outcome(o.outcome), who: person(o.operatorName), reason: o.reason })}
              </li>
            ))}
            {passage.corrections.map((c) => (
              <li key={c.id} data-testid="passage-correction">
                {t('correctionLine', { at: format.dateTime(c.at), kind: t(`correctionKind.${c.kind}`), change: change(c), who: c.byName ?? (c.kind === 'group' ? t('byStation') : t('unknownPerson')), reason: c.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
