import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import { aimIdentifierOf, formatName } from './aim-identifier';
import { CameraPanel } from './CameraPanel';
import { CAMERA_SHORTCUT } from './camera-shortcut';
import { CodeChooser } from './CodeChooser';
import { imageBitmapOf, pastedImage } from './image-file';
import { uniqueCodes } from './unique-codes';
import { useBarcodeDecoder } from './use-barcode-decoder';
import './camera.css';


/** The chooser had the focus; the lane's typing goes back to its scan field. */
const focusScanField = () => document.getElementById('scan-input')?.focus();

/** A code read from pixels, ready to go to the core as a scan. */
export interface PixelScan {
  readonly text: string;
  readonly source: 'camera' | 'image';
  /** AIM identifier, as a hardware scanner would send it (e.g. `]Q1`). */
  readonly symbology: string;
}

type ImageState =
  | { readonly state: 'idle' }
  | { readonly state: 'reading'; readonly name: string }
  | { readonly state: 'read'; readonly message: string }
  | { readonly state: 'choose'; readonly name: string; readonly codes: readonly DecodedBarcode[] }
  | { readonly state: 'problem'; readonly message: string };

/**
 * 2D codes from pixels on the lane: the camera (F6), an image file (Open image…, Ctrl+O) or a pasted
 * picture (Ctrl+V). All decode in one Web Worker with the bundled zxing-wasm; each code read goes to
 * `onScan` like a scanner's.
 */
export function LaneCodeReader({ onScan }: { onScan: (scan: PixelScan) => void }) {
  const decoder = useBarcodeDecoder();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [lastRead, setLastRead] = useState<string | null>(null);
  const [image, setImage] = useState<ImageState>({ state: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = useCallback(
    (code: DecodedBarcode, source: PixelScan['source']): boolean => {
      // An all-blank code would read as "Enter on an empty field" (= record the decision): never send it.
      if (code.text.trim().length === 0) return false;
      onScan({ text: code.text, source, symbology: aimIdentifierOf(code.format) });
      return true;
    },
    [onScan],
  );

  const onCameraCode = useCallback(
    (code: DecodedBarcode) => {
      if (submit(code, 'camera')) setLastRead(`${formatName(code.format)}, ${code.text.length} characters`);
    },
    [submit],
  );

  const scanImage = useCallback(
    async (blob: Blob, name: string) => {
      setImage({ state: 'reading', name });
      const bitmap = await imageBitmapOf(blob, name);
      if (!bitmap.ok) return setImage({ state: 'problem', message: bitmap.error.message });
      const decoded = await decoder.decode(bitmap.value, { tryHarder: true });
      if (!decoded.ok) return setImage({ state: 'problem', message: `Codes cannot be read from ${name}: ${decoded.error.message}.` });
      const codes = uniqueCodes(decoded.value).filter((code) => code.text.trim().length > 0);
      if (codes.length === 0) {
        return setImage({
          state: 'problem',
          message: `No QR, Data Matrix, PDF417 or Aztec code found in ${name}. Try a sharper, closer picture taken straight on, or scan the code with a scanner.`,
        });
      }
      if (codes.length > 1) return setImage({ state: 'choose', name, codes });
      const [only] = codes as [DecodedBarcode];
      submit(only, 'image');
      setImage({ state: 'read', message: `Read a ${formatName(only.format)} from ${name}.` });
    },
    [decoder, submit],
  );

  // F6: camera on/off; Ctrl+O: pick an image file.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === CAMERA_SHORTCUT) {
        event.preventDefault();
        setCameraOpen((open) => !open);
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        fileInput.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Ctrl+V of a picture anywhere on the lane; a text paste is left to the field it lands in.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = pastedImage(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      void scanImage(file, 'the pasted picture');
    };
    window.addEventListener('paste', onPaste, { capture: true });
    return () => window.removeEventListener('paste', onPaste, { capture: true });
  }, [scanImage]);

  return (
    <section className="code-reader" aria-label="Camera and image codes">
      <div className="code-reader__actions">
        <button type="button" className="direction__option" data-testid="toggle-camera" aria-pressed={cameraOpen} onClick={() => setCameraOpen((open) => !open)}>
          {cameraOpen ? 'Camera off' : 'Camera'} <kbd>{CAMERA_SHORTCUT}</kbd>
        </button>
        <button type="button" className="direction__option" data-testid="open-image" onClick={() => fileInput.current?.click()}>
          Open image… <kbd>Ctrl+O</kbd>
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="image-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ''; // the same file can be opened again
            if (file) void scanImage(file, file.name);
          }}
        />
        <span className="code-reader__hint">or paste a picture (Ctrl+V)</span>
        {image.state === 'reading' && (
          <span role="status" data-testid="image-status">
            Reading {image.name}…
          </span>
        )}
        {image.state === 'read' && (
          <span role="status" data-testid="image-status">
            {image.message}
          </span>
        )}
      </div>
      {image.state === 'problem' && (
        <div className="error-banner" role="alert" data-testid="image-problem">
          {image.message}
        </div>
      )}
      {image.state === 'choose' && (
        <CodeChooser
          source={image.name}
          codes={image.codes}
          onCancel={() => {
            setImage({ state: 'idle' });
            focusScanField();
          }}
          onChoose={(code) => {
            focusScanField();
            submit(code, 'image');
            setImage({ state: 'read', message: `Read a ${formatName(code.format)} from ${image.name}.` });
          }}
        />
      )}
      {cameraOpen && <CameraPanel decoder={decoder} onCode={onCameraCode} lastRead={lastRead} />}
    </section>
  );
}
