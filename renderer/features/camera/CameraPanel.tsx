import { useRef } from 'react';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import type { BarcodeDecoder } from './barcode-decoder';
import { CAMERA_SHORTCUT } from './camera-shortcut';
import { useCameraScanner } from './use-camera-scanner';

/** The live camera preview; mounted = camera on, unmounted = stream stopped. */
export function CameraPanel({ decoder, onCode, lastRead }: { decoder: BarcodeDecoder; onCode: (code: DecodedBarcode) => void; lastRead: string | null }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const { status, decodeProblem, framesRead } = useCameraScanner(videoRef, decoder, onCode);
  return (
    <div className="camera" data-testid="camera-panel" data-state={status.state} data-frames={framesRead}>
      <video ref={videoRef} className="camera__video" muted playsInline aria-label="Camera preview" hidden={status.state === 'failed'} />
      <div className="camera__status">
        {status.state === 'starting' && <p role="status">Starting the camera…</p>}
        {status.state === 'live' && (
          <p role="status" data-testid="camera-live">
            Camera on ({status.label}, {status.width}×{status.height}). Hold the code flat in front of it. <kbd>{CAMERA_SHORTCUT}</kbd> turns it off.
          </p>
        )}
        {status.state === 'failed' && (
          <p role="alert" className="camera__problem" data-testid="camera-problem" data-code={status.problem.code}>
            {status.problem.message}
          </p>
        )}
        {decodeProblem && (
          <p role="alert" className="camera__problem" data-testid="camera-decode-problem">
            {decodeProblem}
          </p>
        )}
        {lastRead && (
          <p className="camera__last" data-testid="camera-last-read">
            Last read: {lastRead}
          </p>
        )}
      </div>
    </div>
  );
}
