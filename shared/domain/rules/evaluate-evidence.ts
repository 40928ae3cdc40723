import type { Outcome } from '../decision';
import type { DccEvidence, Evidence, OtherQrEvidence, PaperLabEvidence } from '../evidence';
import { DAY_MS, parseInstant } from './instant';
import { evaluateLabResult } from './evaluate-lab-result';
import { acceptedEvidenceText, checkTestAge, TEST_LABEL, testRuleFor, Verdict, type EvidenceVerdict, type RuleContext } from './test-verdict';

export { acceptedEvidenceText, FUTURE_SAMPLE_TOLERANCE_MS, type EvidenceVerdict, type RuleContext } from './test-verdict';

export function evaluateEvidence(evidence: Evidence, ctx: RuleContext): EvidenceVerdict {
  switch (evidence.kind) {
    case 'dcc':
      return evaluateDcc(evidence, ctx);
    case 'paper-lab':
      return evaluatePaper(evidence, ctx);
    case 'other-qr':
      return evaluateOtherQr(evidence, ctx);
    case 'lab-result':
      return evaluateLabResult(evidence, ctx);
  }
}

/**
 * Whether a certificate can be trusted at all, before any corridor rule: its verification steps
 * (signature, key usage, validity) and whether its codes are in the EU value sets. `checkpoint dcc
 * verify` reports exactly this; the lane adds the rule profile on top.
 */
export function dccIntegrityVerdict(evidence: DccEvidence): EvidenceVerdict {
  const v = new Verdict(evidence.id);
  checkIntegrity(v, evidence);
  return v.done();
}

/** Adds the integrity reasons; false when the certificate cannot be trusted, so its content must not be judged. */
function checkIntegrity(v: Verdict, evidence: DccEvidence): boolean {
  if (!evidence.valid) {
    for (const problem of evidence.problems) {
      const [outcome, code, message] = dccProblemReason(problem);
      v.add(outcome, code, message);
    }
    if (v.reasons.length === 0) v.add('NEEDS_CROSS_CHECK', 'dcc.incomplete', 'The certificate could not be checked completely; scan it again.');
    return false;
  }
  v.add('OK', 'dcc.verified', `EU COVID certificate: signature verified (issued by ${evidence.signer?.country ?? 'an unknown country'}).`, {
    country: evidence.signer?.country ?? '?',
  });
  for (const code of evidence.codes.filter((c) => !c.known)) {
    v.add('NEEDS_CROSS_CHECK', 'dcc.code-unknown', `The certificate uses the code "${code.code}" (${code.path}), which is not in the EU value sets; read that field on the paper.`);
  }
  return true;
}

function evaluateDcc(evidence: DccEvidence, ctx: RuleContext): EvidenceVerdict {
  const v = new Verdict(evidence.id);
  if (!checkIntegrity(v, evidence)) return v.done();
  const profile = ctx.profile;
  if (evidence.test) {
    const test = evidence.test;
    const label = `${TEST_LABEL[test.kind]} (EU certificate)`;
    if (test.result === 'positive') {
      v.positive = true;
      v.add('NOT_OK', 'dcc.test-positive', `${label}: the result is POSITIVE (SARS-CoV-2 detected).`);
      return v.done();
    }
    if (test.result === 'unknown') {
      v.add('NEEDS_CROSS_CHECK', 'dcc.test-result-unknown', `${label}: the result code "${test.resultCode}" is not a known result; read the result on the paper.`);
    }
    if (test.kind === 'unknown') {
      v.add('NEEDS_CROSS_CHECK', 'dcc.test-type-unknown', `The test type "${test.typeCode}" is not PCR or rapid antigen; check what test it was.`);
      return v.done();
    }
    const rule = testRuleFor(test.kind, profile);
    if (!rule) {
      v.add('NOT_OK', `dcc.${test.kind}-not-accepted`, `${TEST_LABEL[test.kind]}s are not accepted here. Required: ${acceptedEvidenceText(profile)}.`);
      return v.done();
    }
    checkTestAge(v, label, test.sampleTime, rule.maxAgeHours, ctx, 'dcc.test');
    return v.done();
  }
  if (evidence.vaccination) {
    const vac = evidence.vaccination;
    const rule = profile.accept.vaccination;
    if (!rule) {
      v.add('NOT_OK', 'dcc.vaccination-not-accepted', `Vaccination certificates are not accepted here. Required: ${acceptedEvidenceText(profile)}.`);
      return v.done();
    }
    if (rule.completeSeriesOnly && vac.doseNumber < vac.seriesDoses) {
      v.add('NOT_OK', 'dcc.vaccination-incomplete', `Vaccination is incomplete: dose ${vac.doseNumber} of ${vac.seriesDoses}.`);
    }
    const date = parseInstant(vac.date);
    if (date === undefined) {
      v.add('NEEDS_CROSS_CHECK', 'dcc.vaccination-date-unreadable', `The vaccination date "${vac.date}" is not a date; read it from the paper.`);
    } else {
      const days = Math.floor((ctx.at.getTime() - date) / DAY_MS);
      if (days < rule.minDaysAfterLastDose) {
        v.add('NOT_OK', 'dcc.vaccination-too-recent', `Last dose on ${vac.date}, ${Math.max(days, 0)} days ago; at least ${rule.minDaysAfterLastDose} days are required.`);
      } else {
        v.add('OK', 'dcc.vaccination-ok', `Vaccinated: dose ${vac.doseNumber} of ${vac.seriesDoses} on ${vac.date}.`);
      }
    }
    return v.done();
  }
  if (evidence.recovery) {
    const rec = evidence.recovery;
    const rule = profile.accept.recovery;
    if (!rule) {
      v.add('NOT_OK', 'dcc.recovery-not-accepted', `Recovery certificates are not accepted here. Required: ${acceptedEvidenceText(profile)}.`);
      return v.done();
    }
    const from = parseInstant(rec.validFrom);
    const until = parseInstant(rec.validUntil);
    const first = parseInstant(rec.firstPositive);
    const now = ctx.at.getTime();
    if (from === undefined || until === undefined) {
      v.add('NEEDS_CROSS_CHECK', 'dcc.recovery-dates-unreadable', 'The recovery certificate validity dates are not dates; read them from the paper.');
    } else if (now < from) {
      v.add('NOT_OK', 'dcc.recovery-not-yet-valid', `The recovery certificate is valid only from ${rec.validFrom}.`);
    } else if (now > until + DAY_MS) {
      v.add('NOT_OK', 'dcc.recovery-expired', `The recovery certificate was valid until ${rec.validUntil}.`);
    } else if (rule.maxDaysAfterPositiveTest !== null && first !== undefined && now - first > rule.maxDaysAfterPositiveTest * DAY_MS) {
      v.add('NOT_OK', 'dcc.recovery-too-old', `The positive test of ${rec.firstPositive} is more than ${rule.maxDaysAfterPositiveTest} days ago.`);
    } else {
      v.add('OK', 'dcc.recovery-ok', `Recovered: valid ${rec.validFrom} to ${rec.validUntil}.`);
    }
    return v.done();
  }
  v.add('NEEDS_CROSS_CHECK', 'dcc.type-unknown', 'The certificate is neither a test, a vaccination nor a recovery certificate.');
  return v.done();
}

/** How serious a failed verification step is: forgery signs are NOT OK; unreadable or unknown is a cross-check. */
function dccProblemReason(problem: { step: string; code: string; message: string }): [Outcome, string, string] {
  const detail = problem.message;
  switch (problem.step) {
    case 'prefix':
    case 'base45':
    case 'inflate':
    case 'cose':
    case 'cbor':
      return ['NEEDS_CROSS_CHECK', 'dcc.unreadable', `The certificate QR could not be decoded (${detail}). Scan it again; if it still fails, check the paper.`];
    case 'schema':
      return ['NEEDS_CROSS_CHECK', 'dcc.schema', `The certificate content is not in the EU format (${detail}); check the paper.`];
    case 'signature':
      if (problem.code === 'bad_signature') {
        return ['NOT_OK', 'dcc.signature-invalid', 'The certificate signature is not genuine: its data was changed or it was forged.'];
      }
      if (problem.code === 'unknown_kid') {
        return [
          'NEEDS_CROSS_CHECK',
          'dcc.signer-unknown',
          `The certificate was signed by a key that is not on this station's trust list (${detail}). The trust list may be out of date; cross-check with the consul.`,
        ];
      }
      return ['NEEDS_CROSS_CHECK', 'dcc.signature-unchecked', `The certificate signature could not be checked (${detail}).`];
    case 'keyUsage':
      if (problem.code === 'not_permitted') {
        return ['NOT_OK', 'dcc.key-usage', `The certificate was signed by a key not allowed for this kind of certificate (${detail}).`];
      }
      return ['NEEDS_CROSS_CHECK', 'dcc.key-usage-unchecked', `The signing key's permitted use could not be checked (${detail}).`];
    case 'revocation':
      return ['NOT_OK', 'dcc.revoked', `The issuing state has revoked this certificate (${detail}).`];
    case 'expiry':
      if (problem.code === 'expired') return ['NOT_OK', 'dcc.expired', `The certificate has expired (${detail}).`];
      return ['NEEDS_CROSS_CHECK', 'dcc.validity', `The certificate's validity dates do not add up (${detail}).`];
    default:
      return ['NEEDS_CROSS_CHECK', 'dcc.problem', detail];
  }
}

function evaluatePaper(evidence: PaperLabEvidence, ctx: RuleContext): EvidenceVerdict {
  const v = new Verdict(evidence.id);
  const paper = ctx.profile.accept.paperLabCertificate;
  const label = `${TEST_LABEL[evidence.testKind]} (paper certificate ${evidence.certificateNumber}, ${evidence.lab})`;
  if (!paper) {
    v.add('NOT_OK', 'paper.not-accepted', `Paper lab certificates are not accepted here. Required: ${acceptedEvidenceText(ctx.profile)}.`);
    return v.done();
  }
  if (evidence.result === 'positive') {
    v.positive = true;
    v.add('NOT_OK', 'paper.test-positive', `${label}: the result is POSITIVE.`);
    return v.done();
  }
  const rule = testRuleFor(evidence.testKind, ctx.profile);
  if (!rule) {
    v.add('NOT_OK', `paper.${evidence.testKind}-not-accepted`, `${TEST_LABEL[evidence.testKind]}s are not accepted here. Required: ${acceptedEvidenceText(ctx.profile)}.`);
    return v.done();
  }
  checkTestAge(v, label, evidence.sampleTime, rule.maxAgeHours, ctx, 'paper.test');
  if (!paper.sufficient) {
    v.add('NEEDS_CROSS_CHECK', 'paper.cross-check', 'A paper certificate cannot be verified offline: compare it with the lab’s records or ask the consul.');
  }
  return v.done();
}

function evaluateOtherQr(evidence: OtherQrEvidence, ctx: RuleContext): EvidenceVerdict {
  const v = new Verdict(evidence.id);
  const what =
    evidence.form === 'url'
      ? `a link to ${evidence.host ?? 'a web page'} (e.g. a lab result page)`
      : evidence.form === 'shc'
        ? 'a SMART Health Card'
        : 'a data code this station cannot read (JSON)';
  if (!ctx.profile.accept.otherQr) {
    v.add('NOT_OK', 'other-qr.not-accepted', `The QR code is ${what}; such codes are not accepted here. Required: ${acceptedEvidenceText(ctx.profile)}.`);
    return v.done();
  }
  const link = evidence.labLink;
  if (link?.status === 'classified') {
    v.add(
      'NEEDS_CROSS_CHECK',
      'other-qr.lab-link',
      `The QR code is a result link of ${link.lab} (${link.country}), result ${link.resultId}; no imported result list of that lab holds it. Check the result with ${link.lab} or the consul.`,
      { lab: link.lab, country: link.country, resultId: link.resultId },
    );
    return v.done();
  }
  if (link?.status === 'unknown-form') {
    v.add(
      'NEEDS_CROSS_CHECK',
      'other-qr.lab-link-form',
      `The QR code links to ${link.lab} (${link.country}), but not in a form this station knows, so its result id cannot be read. Check the result with ${link.lab} or the consul.`,
      { lab: link.lab, country: link.country },
    );
    return v.done();
  }
  if (link?.status === 'unknown-host') {
    const host = evidence.host ?? '?';
    v.add('NEEDS_CROSS_CHECK', 'other-qr.unknown-host', `The QR code links to ${host}, which is not a known lab: no lab in this station’s registry uses that address. Check it with the consul.`, { host });
    return v.done();
  }
  v.add('NEEDS_CROSS_CHECK', 'other-qr.unverifiable', `The QR code is ${what}. It was recorded but cannot be verified offline: check it with the consul.`);
  return v.done();
}
