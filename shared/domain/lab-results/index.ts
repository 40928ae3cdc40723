// Lab result lists (mass testing at the border) and lab-link QR codes: reading, matching, classifying.
export type { Lab, LabListProblem, LabResultRow, LabTestKind, LabTestResult } from './lab-result';
export { labResultsFromTable } from './lab-list-rows';
export { defaultLabZone, readSampleTime } from './sample-time';
export { pickLabResult, type ListedLabResult, type PassportIdentity, type PickedLabResult } from './pick-lab-result';
export {
  LAB_LINK_REGISTRY_FORMAT,
  classifyLabLink,
  parseLabLinkRegistry,
  type LabLinkClass,
  type LabLinkPattern,
  type LabLinkRegistry,
} from './lab-link-registry';
