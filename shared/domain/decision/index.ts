export { decisionForDocument } from './document-decision';
export { decisionForNonDocument } from './payload-decision';
export { worseOutcome, type Decision, type Outcome, type Reason, type Severity } from './types';
