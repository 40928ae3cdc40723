export { draftForDocument } from './document-draft';
export { draftForNonDocument } from './payload-draft';
export { worseOutcome, type Draft, type Outcome, type Reason, type Severity } from './types';
