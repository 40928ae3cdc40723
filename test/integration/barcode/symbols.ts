/**
 * Real symbols for the decoder tests, made by independent encoders: `qrcode` for QR, bwip-js
 * (Barcode Writer in Pure PostScript) for Data Matrix, PDF417 and Aztec.
 */
import bwipjs from 'bwip-js/node';
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import type { BarcodeFormat } from '../../../shared/domain/barcode';
import { renderModules, type ModuleGrid, type RenderOptions, type TestImage } from '../../support/image-transforms';

export function qrGrid(text: string, errorCorrectionLevel: QRCodeErrorCorrectionLevel = 'M'): ModuleGrid {
  const { modules } = QRCode.create(text, { errorCorrectionLevel });
  return { width: modules.size, height: modules.size, isDark: (x, y) => modules.get(y, x) === 1 };
}

const BWIP_IDS = { DataMatrix: 'datamatrix', PDF417: 'pdf417', Aztec: 'azteccode' } as const;

export function bwipGrid(format: keyof typeof BWIP_IDS, text: string): ModuleGrid {
  const [symbol] = bwipjs.raw({ bcid: BWIP_IDS[format], text });
  if (!symbol || !('pixs' in symbol)) throw new Error(`bwip-js gave no matrix for ${format}`);
  const { pixs, pixx, pixy } = symbol;
  return { width: pixx, height: pixy, isDark: (x, y) => pixs[y * pixx + x] === 1 };
}

export function symbolGrid(format: BarcodeFormat, text: string): ModuleGrid {
  return format === 'QRCode' ? qrGrid(text) : bwipGrid(format, text);
}

/** The symbol rendered on white with a quiet zone, as a generated image (before any transforms). */
export function renderSymbol(format: BarcodeFormat, text: string, options: RenderOptions): TestImage {
  // PDF417 and Aztec need only a small quiet zone; QR's is 4 modules, Data Matrix's 1.
  const quietZone = options.quietZone ?? (format === 'QRCode' ? 4 : 2);
  return renderModules(symbolGrid(format, text), { ...options, quietZone });
}

/** A deterministic HC1-like payload: "HC1:" + Base45 characters, as on an EU DCC QR. */
export function hc1Payload(length: number, seed = 1): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  let state = seed;
  let text = 'HC1:';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}
