import type { Problem } from '../../../shared/domain/result';
import { CAMERA_SHORTCUT } from './camera-shortcut';

export type CameraProblemCode = 'no-camera' | 'permission-denied' | 'camera-busy' | 'camera-unsupported' | 'camera-failed';
export type CameraProblem = Problem<CameraProblemCode>;

/**
 * getUserMedia fails with a DOMException whose `name` says why (Media Capture and Streams §10.2);
 * the operator gets what to do, not the exception.
 */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { code: 'no-camera', message: `No camera found. Plug in a webcam (or check its cable) and press ${CAMERA_SHORTCUT} again, or use a scanner.` };
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        code: 'permission-denied',
        message: `The camera is not allowed for this station. Allow camera access for this app (browser or system settings) and press ${CAMERA_SHORTCUT} again.`,
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        code: 'camera-busy',
        message: `The camera is busy or not responding: another program (a video call, another window of this app) may be using it. Close it and press ${CAMERA_SHORTCUT} again.`,
      };
    default:
      return { code: 'camera-failed', message: `The camera could not be started (${describe(error)}). Press ${CAMERA_SHORTCUT} to try again, or use a scanner.` };
  }
}

export const CAMERA_UNSUPPORTED: CameraProblem = {
  code: 'camera-unsupported',
  message: 'This window cannot use a camera (no camera support, or the page is not opened from the station itself). Use a scanner or open an image file.',
};

function describe(error: unknown): string {
  if (error instanceof Error) return error.name && error.message ? `${error.name}: ${error.message}` : error.message || error.name;
  return String(error);
}
