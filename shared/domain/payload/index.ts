export { classifyPayload, type Classification } from './classify-payload';
export { PAYLOAD_KINDS, type PayloadKind } from './payload-kind';
export { stripScannerArtefacts, type Stripped } from './strip-artefacts';
