import type { Problem } from '../../domain/result';

export type ImageFileErrorCode =
  /** Missing, a folder, or not permitted. */
  | 'file-unreadable'
  /** More bytes than any accepted image needs (MAX_IMAGE_FILE_BYTES): not read at all. */
  | 'file-too-large'
  /** Neither a PNG nor a JPEG signature. */
  | 'not-an-image'
  /** A PNG/JPEG signature, but truncated or damaged data. */
  | 'corrupt-image'
  /** The header declares more than MAX_IMAGE_SIDE pixels on a side: refused before decompressing. */
  | 'image-too-large';

export type ImageFileProblem = Problem<ImageFileErrorCode>;
