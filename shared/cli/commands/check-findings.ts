import type { AnchorCheck } from '../../node/audit-anchor';
import type { ContentCheck, SchemaCheck } from '../../node/db';

/** One phrase per kind of damage a check found, for the sentence on stderr (the JSON on stdout names every row). */
export function checkFindings(report: {
  readonly integrity?: readonly string[];
  readonly audit: { readonly ok: boolean; readonly reason?: string };
  readonly content: ContentCheck;
  readonly schema: SchemaCheck;
  readonly anchor?: AnchorCheck;
}): string[] {
  const findings: string[] = [];
  if (report.integrity && !(report.integrity.length === 1 && report.integrity[0] === 'ok')) findings.push(report.integrity.join('; '));
  if (!report.audit.ok && report.audit.reason) findings.push(report.audit.reason);
  if (!report.content.ok) {
    const named = report.content.problems.slice(0, 5).map((p) => `${p.entity} ${p.id} ${p.kind}${p.detail ? ` (${p.detail})` : ''}`);
    const more = report.content.problemCount - named.length;
    findings.push(`${report.content.problemCount} rows do not match the audit log: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (!report.schema.ok) findings.push(`schema: ${report.schema.problems.join(', ')}`);
  if (report.anchor && !report.anchor.ok) findings.push(`signed chain heads: ${report.anchor.problems.join('; ')}`);
  return findings;
}
