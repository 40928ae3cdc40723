import path from 'node:path';
import { decodeBarcodes } from '../../domain/barcode';
import { configureNodeBarcodeWasm, readImageFile } from '../../node/barcode';
import { CliError, EXIT_OK, EXIT_UNUSABLE_INPUT, type CliIo } from '../io';

/** Exit code when the decoder itself cannot run (its .wasm missing or damaged): not the user's input. */
const EXIT_DECODER_UNAVAILABLE = 70;

/** `checkpoint scan-image <file>`: every QR / Data Matrix / PDF417 / Aztec code in a PNG or JPEG, as JSON. */
export async function scanImageCommand(io: CliIo, file: string): Promise<number> {
  const image = await readImageFile(path.resolve(file));
  if (!image.ok) throw new CliError(`cannot read ${file} as an image: ${image.error.message}`, EXIT_UNUSABLE_INPUT);

  configureNodeBarcodeWasm();
  const decoded = await decodeBarcodes(image.value, { tryHarder: true });
  if (!decoded.ok) {
    const unusable = decoded.error.code === 'image-too-large' || decoded.error.code === 'invalid-image';
    throw new CliError(`cannot scan ${file}: ${decoded.error.message}`, unusable ? EXIT_UNUSABLE_INPUT : EXIT_DECODER_UNAVAILABLE);
  }
  io.stdout(JSON.stringify(decoded.value.map(({ text, format, position }) => ({ text, format, position }))));
  return EXIT_OK;
}
