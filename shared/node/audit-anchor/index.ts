export { HeadAnchor, chainHead, type HeadSigner } from './anchor-head';
export { checkAnchor, type AnchorCheck } from './anchor-check';
export { HEADS_FILE_NAME, appendHead, headsFilePath, readHeadsFile, type HeadsFile } from './heads-file';
export { readableStationPublicKey } from './station-public-key';
export { VERIFIED_HEAD_FILE_NAME, readVerifiedStart, verifiedHeadPath, writeVerifiedHead, type VerifiedStart } from './verified-head';
