// What the hub and the stations exchange besides bundles: signed receipts and signed station packages.
export { RECEIPT_FORMAT, receiptBytes, verifyReceipt, type BundleReceipt, type ReceiptCheck, type ReceiptProblem, type SignedReceipt } from './receipt';
export {
  PACKAGE_FORMAT,
  PACKAGE_KINDS,
  packageBytes,
  verifyStationPackage,
  type PackageCheck,
  type PackageKind,
  type PackageProblem,
  type SignedPackage,
  type StationPackage,
} from './station-package';
export { STATION_KEYS_FORMAT, parseStationKeys, type StationKeyEntry, type StationKeysFile } from './station-keys';
export { HUB_PERMISSIONS, HUB_ROLES, HUB_USER_NAME, ROLE_PERMISSIONS, isHubRole, roleMay, type HubPermission, type HubRole } from './hub-roles';
export { BOARD_TONES, boardTone, type BoardTone } from './board-tone';
