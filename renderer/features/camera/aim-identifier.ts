import type { BarcodeFormat } from '../../../shared/domain/barcode';

/**
 * The AIM symbology identifier (ISO/IEC 15424) a hardware scanner would send for each format, so a
 * camera scan carries the same `symbology` as one from a scanner: QR Model 2, Data Matrix ECC 200,
 * PDF417 and Aztec with their default modifiers.
 */
const AIM: Record<BarcodeFormat, string> = {
  QRCode: ']Q1',
  DataMatrix: ']d1',
  PDF417: ']L2',
  Aztec: ']z0',
};

export const aimIdentifierOf = (format: BarcodeFormat): string => AIM[format];
