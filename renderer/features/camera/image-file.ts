import { err, ok, type Result } from '../../../shared/domain/result';

/** A photo or scan of a certificate is a few MB; far beyond that is not a picture of a code. */
export const MAX_IMAGE_FILE_BYTES = 40 * 1024 * 1024;

/** Why a file or pasted item gave no pixels; the screen words it (locales: `camera:image.*`). */
export type ImageFileProblem = { readonly code: 'not-an-image' } | { readonly code: 'file-too-large'; readonly sizeMb: string; readonly maxMb: string };

/** Decodes an image file or pasted picture (PNG, JPEG, WebP, GIF, BMP — what the browser reads) to a bitmap. */
export async function imageBitmapOf(blob: Blob): Promise<Result<ImageBitmap, ImageFileProblem>> {
  if (blob.size > MAX_IMAGE_FILE_BYTES) return err({ code: 'file-too-large', sizeMb: megabytes(blob.size), maxMb: megabytes(MAX_IMAGE_FILE_BYTES) });
  try {
    return ok(await createImageBitmap(blob));
  } catch {
    return err({ code: 'not-an-image' });
  }
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

/** The first image among pasted items, if any (a text paste is left to the scan field). */
export function pastedImage(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  for (const item of Array.from(data.items)) {
    if (item.kind === 'file' && item.type.startsWith('image/')) {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return Array.from(data.files).find((file) => file.type.startsWith('image/'));
}
