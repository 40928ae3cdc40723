import type { ScanResult } from '../../../shared/contract';
import { EvidenceList } from './EvidenceList';
import { dccItems } from './evidence-text';
import { PersonComparison } from './PersonComparison';
import './evidence.css';

/** What the lane shows of a traveller's COVID evidence: who the certificate names, and each item's verdict. */
export function EvidenceSection({ scan }: { scan: ScanResult }) {
  const evidence = scan.evidence ?? [];
  if (evidence.length === 0) return null;
  const certificate = dccItems(evidence).find((item) => item.holder);
  return (
    <div className="evidence" data-testid="evidence-section">
      <PersonComparison document={scan.document} certificate={certificate} match={scan.match} />
      <EvidenceList items={evidence} />
    </div>
  );
}
