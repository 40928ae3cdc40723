import type { DccEvidenceItem } from '../../../shared/contract';
import { formatTime } from './evidence-text';
import './evidence.css';

const STEP_LABEL: Record<string, string> = {
  prefix: 'HC1: prefix',
  base45: 'Base45',
  inflate: 'Decompression',
  cose: 'COSE signature envelope',
  cbor: 'CBOR claims',
  schema: 'EU schema',
  signature: 'Signature (trust list)',
  keyUsage: 'Key allowed for this type',
  expiry: 'Validity at the decision time',
};
const STEPS = Object.keys(STEP_LABEL);

// Field names of the EU DCC schema 1.3 (ehn-dcc-schema, DCC.Core/Types), in the order people read them.
const FIELD_LABEL: Record<string, string> = {
  tg: 'Disease',
  tt: 'Test type',
  nm: 'Test name',
  ma: 'Manufacturer / device',
  sc: 'Sample collected',
  tr: 'Result',
  tc: 'Test centre',
  vp: 'Vaccine type',
  mp: 'Vaccine product',
  dn: 'Dose number',
  sd: 'Doses in series',
  dt: 'Vaccination date',
  fr: 'First positive test',
  df: 'Valid from',
  du: 'Valid until',
  co: 'Country',
  is: 'Issuer',
  ci: 'Certificate id',
};
const GROUP_LABEL: Record<string, string> = { t: 'Test', v: 'Vaccination', r: 'Recovery' };

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
  const hcert = (certificate.hcert ?? {}) as { [key: string]: Json };
  const nam = (hcert.nam ?? {}) as { [key: string]: Json };
  const displays = new Map(certificate.codes.map((c) => [c.path, c]));
  const groups = (['t', 'v', 'r'] as const).filter((g) => Array.isArray(hcert[g]));
  return (
    <section className="certificate-details" data-testid="certificate-details" aria-label="Certificate details">
      <h3>EU Digital COVID Certificate — full content</h3>
      <div className="certificate-details__grid">
        <table>
          <caption>Verification</caption>
          <tbody>
            {STEPS.map((step) => {
              const result = certificate.steps[step];
              return (
                <tr key={step} className={result ? (result.ok ? 'check--ok' : 'check--bad') : undefined}>
                  <th scope="row">{STEP_LABEL[step]}</th>
                  <td>{result ? (result.ok ? '✓ passed' : `✕ ${result.error ?? 'failed'}`) : 'not reached'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl>
          <dt>Signed by</dt>
          <dd>{certificate.signer ? `${certificate.signer.country} (key ${certificate.signer.kid})` : `not verified${certificate.kid ? ` (key ${certificate.kid})` : ''}`}</dd>
          <dt>Issuer (CWT)</dt>
          <dd>{certificate.claims?.issuer ?? '—'}</dd>
          <dt>Issued</dt>
          <dd>{certificate.claims?.issuedAt ? formatTime(certificate.claims.issuedAt) : '—'}</dd>
          <dt>Expires</dt>
          <dd>{certificate.claims?.expiresAt ? formatTime(certificate.claims.expiresAt) : '—'}</dd>
          <dt>Schema version</dt>
          <dd>{text(hcert.ver)}</dd>
          <dt>Surname</dt>
          <dd data-testid="details-surname">
            {text(nam.fn)} <small>({text(nam.fnt)})</small>
          </dd>
          <dt>Given names</dt>
          <dd>
            {text(nam.gn)} <small>({text(nam.gnt)})</small>
          </dd>
          <dt>Date of birth</dt>
          <dd>{text(hcert.dob)}</dd>
        </dl>
      </div>
      {groups.map((group) =>
        (hcert[group] as Json[]).map((entry, index) => (
          <table key={`${group}-${index}`} className="certificate-details__entry">
            <caption>{GROUP_LABEL[group]}</caption>
            <tbody>
              {Object.entries((entry ?? {}) as { [key: string]: Json }).map(([field, value]) => {
                const coded = displays.get(`${group}/${index}/${field}`);
                return (
                  <tr key={field} className={coded && !coded.known ? 'check--bad' : undefined}>
                    <th scope="row">{FIELD_LABEL[field] ?? field}</th>
                    <td>
                      {field === 'sc' && typeof value === 'string' ? formatTime(value) : text(value)}
                      {coded?.display ? ` — ${coded.display}` : coded && !coded.known ? ' — not in the EU value set' : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )),
      )}
      <details>
        <summary>Decoded JSON</summary>
        <pre className="certificate-details__json">{JSON.stringify(hcert, null, 2)}</pre>
      </details>
    </section>
  );
}
