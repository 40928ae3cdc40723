import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import type { BarcodeDecoder } from './barcode-decoder';
import { CAMERA_SHORTCUT } from './camera-shortcut';
import { useCameraScanner } from './use-camera-scanner';

/** The live camera preview; mounted = camera on, unmounted = stream stopped. */
export function CameraPanel({ decoder, onCode, lastRead }: { decoder: BarcodeDecoder; onCode: (code: DecodedBarcode) => void; lastRead: DecodedBarcode | null }) {
  const { t } = useTranslation('camera');
  const videoRef = useRef<HTMLVideoElement>(null);
  const { status, decodeProblem, framesRead } = useCameraScanner(videoRef, decoder, onCode);
  return (
    <div className="camera" data-testid="camera-panel" data-state={status.state} data-frames={framesRead}>
      <video ref={videoRef} className="camera__video" muted playsInline aria-label={t('preview')} hidden={status.state === 'failed'} />
      <div className="camera__status">
        {status.state === 'starting' && <p role="status">{t('starting')}</p>}
        {status.state === 'live' && (
          <p role="status" data-testid="camera-live">
            {t('live', { label: status.label, width: status.width, height: status.height })} <kbd>{CAMERA_SHORTCUT}</kbd> {t('turnsOff')}
          </p>
        )}
        {status.state === 'failed' && (
          <p role="alert" className="camera__problem" data-testid="camera-problem" data-code={status.problem.code}>
            {t(`problem.${status.problem.code}`, { key: CAMERA_SHORTCUT, detail: status.problem.detail ?? '' })}
          </p>
        )}
        {decodeProblem && (
          <p role="alert" className="camera__problem" data-testid="camera-decode-problem">
            {t('decoderFailed', { detail: decodeProblem })}
          </p>
        )}
        {lastRead && (
          <p className="camera__last" data-testid="camera-last-read">
            {t('lastRead', { format: t(`format.${lastRead.format}`), length: lastRead.text.length })}
          </p>
        )}
      </div>
    </div>
  );
}
