export { OverrideDialog, type OverrideAnswer } from './OverrideDialog';
