import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import type { BarcodeDecoder } from './barcode-decoder';
import { cameraProblemOf, type CameraProblem } from './camera-problem';
import { createFrameDeduplicator } from './frame-dedup';

/** How often a frame is taken; one frame is decoded at a time, so a slow PC simply decodes fewer. */
export const FRAME_INTERVAL_MS = 150;

export type CameraStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'live'; readonly label: string; readonly width: number; readonly height: number }
  | { readonly state: 'failed'; readonly problem: CameraProblem };

/**
 * While mounted: opens the camera into `videoRef`, decodes a frame every FRAME_INTERVAL_MS in the
 * worker and calls `onCode` once per code that comes into view. Unmounting stops the stream (the
 * camera light goes off).
 */
export function useCameraScanner(videoRef: RefObject<HTMLVideoElement | null>, decoder: BarcodeDecoder, onCode: (code: DecodedBarcode) => void) {
  const [status, setStatus] = useState<CameraStatus>({ state: 'starting' });
  /** The decoder's own (English, technical) reason when frames cannot be decoded at all. */
  const [decodeProblem, setDecodeProblem] = useState<string | null>(null);
  // Frames decoded so far: shown on the panel (a stuck decoder is visible) and read by the e2e test.
  const [framesRead, setFramesRead] = useState(0);
  const latestOnCode = useRef(onCode);
  useEffect(() => {
    latestOnCode.current = onCode;
  });

  useEffect(() => {
    const video = videoRef.current;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let inFlight = false;
    const dedup = createFrameDeduplicator();

    const grab = async () => {
      if (inFlight || stopped || !video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
      inFlight = true;
      try {
        const bitmap = await createImageBitmap(video);
        const result = await decoder.decode(bitmap, 'camera');
        if (stopped) return;
        if (!result.ok) {
          setDecodeProblem(result.error.message);
          // Without its .wasm the decoder cannot work at all: stop asking 7 times a second.
          if (result.error.code.startsWith('wasm')) clearInterval(timer);
          return;
        }
        setDecodeProblem(null);
        setFramesRead((count) => count + 1);
        for (const code of dedup.next(result.value, performance.now())) latestOnCode.current(code);
      } catch {
        // A frame lost between play states (createImageBitmap on a video being torn down): the next one comes shortly.
      } finally {
        inFlight = false;
      }
    };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus({ state: 'failed', problem: { code: 'camera-unsupported' } });
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'environment' } });
      } catch (error) {
        if (!stopped) setStatus({ state: 'failed', problem: cameraProblemOf(error) });
        return;
      }
      if (stopped || !video) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      const [track] = stream.getVideoTracks();
      if (track) {
        track.onended = () => {
          if (stopped) return;
          clearInterval(timer);
          setStatus({ state: 'failed', problem: { code: 'camera-stopped' } });
        };
      }
      video.srcObject = stream;
      try {
        await video.play();
      } catch (error) {
        // play() is interrupted when the panel closes while starting; anything else is a real failure.
        if (!stopped) setStatus({ state: 'failed', problem: cameraProblemOf(error) });
        return;
      }
      if (stopped) return;
      setStatus({ state: 'live', label: track?.label ?? 'camera', width: video.videoWidth, height: video.videoHeight });
      timer = setInterval(() => void grab(), FRAME_INTERVAL_MS);
    };

    void start();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (video) video.srcObject = null;
    };
  }, [videoRef, decoder]);

  return { status, decodeProblem, framesRead };
}
