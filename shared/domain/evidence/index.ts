// COVID evidence a traveller shows (EU DCC, paper lab certificate, other QR) and certificate ↔ passport matching.
export type {
  CertificateHolder,
  DccEvidence,
  DccStepOutcome,
  Evidence,
  EvidenceKind,
  LabLinkFinding,
  LabResultEvidence,
  OtherQrEvidence,
  OtherQrForm,
  PaperLabEvidence,
  RecoveryDetails,
  TestDetails,
  TestKind,
  TestResult,
  VaccinationDetails,
} from './evidence';
export { evidenceFromDcc, type CapturedAs } from './dcc-evidence';
export { evidenceFromOtherQr, otherQrForm } from './other-qr-evidence';
export { LAB_COUNTRY_TIME_ZONES, labSampleInstant, labTimeZone } from './lab-time';
export { matchPerson, NAME_MATCH_THRESHOLD, type BirthDateMatchStatus, type NameMatchStatus, type PassportPerson, type PersonMatch } from './match-person';
