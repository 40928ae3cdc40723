/**
 * Why the camera is not showing anything, as a code the screen turns into words (locales: `camera:problem.*`).
 * `detail` carries the browser's own text when no code fits, so support can still tell what happened.
 */
export type CameraProblemCode = 'no-camera' | 'permission-denied' | 'camera-busy' | 'camera-stopped' | 'camera-unsupported' | 'camera-failed';

export interface CameraProblem {
  readonly code: CameraProblemCode;
  readonly detail?: string;
}

/** getUserMedia fails with a DOMException whose `name` says why (Media Capture and Streams §10.2). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { code: 'no-camera' };
    case 'NotAllowedError':
    case 'SecurityError':
      return { code: 'permission-denied' };
    case 'NotReadableError':
    case 'AbortError':
      return { code: 'camera-busy' };
    default:
      return { code: 'camera-failed', detail: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name && error.message ? `${error.name}: ${error.message}` : error.message || error.name;
  return String(error);
}
