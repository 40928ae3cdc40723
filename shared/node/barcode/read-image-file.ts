import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { checkImageSize, MAX_IMAGE_SIDE, type RgbaImage } from '../../domain/barcode';
import { err, ok, type Result } from '../../domain/result';
import { readUserFile } from '../files';
import type { ImageFileProblem } from './image-file-problem';
import { readImageHeader } from './image-header';

/**
 * Largest image file read: an incompressible 4096 × 4096 RGBA PNG is 64 MiB, and nothing a scanner,
 * phone or screenshot produces at that size comes close.
 */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a PNG or JPEG file into RGBA pixels for decodeBarcodes. Messages leave the path out: the caller names it. */
export async function readImageFile(path: string): Promise<Result<RgbaImage, ImageFileProblem>> {
  // Type and size come from the opened file: a FIFO or device is refused, never read.
  const read = await readUserFile(path, MAX_IMAGE_FILE_BYTES);
  if (!read.ok) {
    if (read.error.code === 'too-large') return err({ code: 'file-too-large', message: `the file ${read.error.message}`.replace('the file it is', 'the file is') });
    return err({ code: 'file-unreadable', message: read.error.code === 'not-found' ? 'no such file' : read.error.message });
  }
  const bytes = read.value;
  return decodeImageBytes(bytes);
}

/** Decodes PNG or JPEG bytes (a file, a pasted clipboard image) into RGBA pixels. */
export function decodeImageBytes(bytes: Uint8Array): Result<RgbaImage, ImageFileProblem> {
  if (bytes.length > MAX_IMAGE_FILE_BYTES) return err({ code: 'file-too-large', message: `image data is ${bytes.length} bytes; up to ${MAX_IMAGE_FILE_BYTES} are read` });
  const header = readImageHeader(bytes);
  if (header.type === 'unknown') return err({ code: 'not-an-image', message: 'not a PNG or JPEG image' });
  if ('damaged' in header) return err({ code: 'corrupt-image', message: header.damaged });
  const size = checkImageSize(header.width, header.height);
  if (!size.ok) return err({ code: size.error.code === 'image-too-large' ? 'image-too-large' : 'corrupt-image', message: size.error.message });

  try {
    const decoded =
      header.type === 'png'
        ? pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
        : jpeg.decode(bytes, {
            useTArray: true,
            formatAsRGBA: true,
            // The header check above already bounds the size; these are jpeg-js's own second line.
            maxResolutionInMP: (MAX_IMAGE_SIDE * MAX_IMAGE_SIDE) / 1e6 + 1,
            maxMemoryUsageInMB: 512,
          });
    const { width, height, data } = decoded;
    if (width !== header.width || height !== header.height || data.length !== width * height * 4) {
      return err({ code: 'corrupt-image', message: `the ${header.type.toUpperCase()} decoded to a different size than its header declares` });
    }
    return ok({ width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
  } catch (error) {
    return err({ code: 'corrupt-image', message: `the ${header.type.toUpperCase()} is damaged or cut off: ${(error as Error).message}` });
  }
}
