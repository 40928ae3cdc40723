// COVID evidence on screen: the lane's summary, the paper-certificate form and the consular certificate view.
export { CertificateDetails } from './CertificateDetails';
export { EvidenceList } from './EvidenceList';
export { EvidenceSection } from './EvidenceSection';
export { dccItems, evidenceTitle } from './evidence-text';
export { PaperCertificateForm, type PaperCertificate } from './PaperCertificateForm';
export { PersonComparison } from './PersonComparison';
export { TrustListBadge } from './TrustListBadge';
