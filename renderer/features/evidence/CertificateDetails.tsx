import { useTranslation } from 'react-i18next';
import type { DccEvidenceItem } from '../../../shared/contract';
import { formatTime } from './evidence-text';
import './evidence.css';

const STEPS = ['prefix', 'base45', 'inflate', 'cose', 'cbor', 'schema', 'signature', 'keyUsage', 'expiry', 'revocation'] as const;
// Field names of the EU DCC schema 1.3 (ehn-dcc-schema, DCC.Core/Types), in the order people read them.
const FIELDS = new Set(['tg', 'tt', 'nm', 'ma', 'sc', 'tr', 'tc', 'vp', 'mp', 'dn', 'sd', 'dt', 'fr', 'df', 'du', 'co', 'is', 'ci']);
type Field = 'tg' | 'tt' | 'nm' | 'ma' | 'sc' | 'tr' | 'tc' | 'vp' | 'mp' | 'dn' | 'sd' | 'dt' | 'fr' | 'df' | 'du' | 'co' | 'is' | 'ci';
const isField = (name: string): name is Field => FIELDS.has(name);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function text(value: Json | undefined): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The consular view of an EU DCC: every verification step, the signer, the CWT claims and every field
 * of the decoded certificate with its value-set meaning, plus the raw JSON.
 */
export function CertificateDetails({ certificate }: { certificate: DccEvidenceItem }) {
  const { t } = useTranslation('evidence');
  const hcert = (certificate.hcert ?? {}) as { [key: string]: Json };
  const nam = (hcert.nam ?? {}) as { [key: string]: Json };
  const displays = new Map(certificate.codes.map((c) => [c.path, c]));
  const groups = (['t', 'v', 'r'] as const).filter((g) => Array.isArray(hcert[g]));
  return (
    <section className="certificate-details" data-testid="certificate-details" aria-label={t('details.label')}>
      <h3>{t('details.title')}</h3>
      <div className="certificate-details__grid">
        <table>
          <caption>{t('details.verification')}</caption>
          <tbody>
            {STEPS.map((step) => {
              const result = certificate.steps[step];
              return (
                <tr key={step} className={result ? (result.ok ? 'check--ok' : 'check--bad') : undefined}>
                  <th scope="row">{t(`details.step.${step}`)}</th>
                  <td>{result ? (result.ok ? t('details.passed') : t('details.failed', { error: result.error ?? t('details.failedPlain') })) : t('details.notReached')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl>
          <dt>{t('details.signedBy')}</dt>
          <dd>{certificate.signer
              ? t('details.signer', { country: certificate.signer.country, kid: certificate.signer.kid })
              : certificate.kid
                ? t('details.notVerifiedKey', { kid: certificate.kid })
                : t('details.notVerified')}</dd>
          <dt>{t('details.issuerCwt')}</dt>
          <dd>{certificate.claims?.issuer ?? '—'}</dd>
          <dt>{t('details.issued')}</dt>
          <dd>{certificate.claims?.issuedAt ? formatTime(t, certificate.claims.issuedAt) : '—'}</dd>
          <dt>{t('details.expires')}</dt>
          <dd>{certificate.claims?.expiresAt ? formatTime(t, certificate.claims.expiresAt) : '—'}</dd>
          <dt>{t('details.schemaVersion')}</dt>
          <dd>{text(hcert.ver)}</dd>
          <dt>{t('details.surname')}</dt>
          <dd data-testid="details-surname">
            {text(nam.fn)} <small>({text(nam.fnt)})</small>
          </dd>
          <dt>{t('details.givenNames')}</dt>
          <dd>
            {text(nam.gn)} <small>({text(nam.gnt)})</small>
          </dd>
          <dt>{t('details.birthDate')}</dt>
          <dd>{text(hcert.dob)}</dd>
        </dl>
      </div>
      {groups.map((group) =>
        (hcert[group] as Json[]).map((entry, index) => (
          <table key={`${group}-${index}`} className="certificate-details__entry">
            <caption>{t(`details.group.${group}`)}</caption>
            <tbody>
              {Object.entries((entry ?? {}) as { [key: string]: Json }).map(([field, value]) => {
                const coded = displays.get(`${group}/${index}/${field}`);
                return (
                  <tr key={field} className={coded && !coded.known ? 'check--bad' : undefined}>
                    <th scope="row">{isField(field) ? t(`details.field.${field}`) : field}</th>
                    <td>
                      {field === 'sc' && typeof value === 'string' ? formatTime(t, value) : text(value)}
                      {coded?.display ? ` — ${coded.display}` : coded && !coded.known ? t('details.notInValueSet') : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )),
      )}
      <details>
        <summary>{t('details.json')}</summary>
        <pre className="certificate-details__json">{JSON.stringify(hcert, null, 2)}</pre>
      </details>
    </section>
  );
}
