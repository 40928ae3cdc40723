export { ScannersScreen } from './ScannersScreen';
export { ScannerLight, ScannerLights } from './ScannerLight';
export { useScannersShortcut, SCANNERS_SHORTCUT } from './use-scanners-shortcut';
