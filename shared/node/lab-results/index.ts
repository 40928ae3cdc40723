export {
  LAB_LIST_SIGNATURE_FORMAT,
  labKeyAlgorithm,
  labKeyId,
  parseLabListSignature,
  readLabPublicKey,
  signLabList,
  verifyLabListSignature,
  type LabKeyAlgorithm,
  type LabListSignature,
} from './lab-list-signature';
export { readLabListTable } from './read-lab-list';
export { LAB_KEYS_FORMAT, checkLabEntry, parseLabKeysFile, type LabKeyEntry } from './lab-keys-file';
