import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import { aimIdentifierOf } from './aim-identifier';
import { CameraPanel } from './CameraPanel';
import { CAMERA_SHORTCUT } from './camera-shortcut';
import { CodeChooser } from './CodeChooser';
import { imageBitmapOf, pastedImage } from './image-file';
import { uniqueCodes } from './unique-codes';
import { useBarcodeDecoder } from './use-barcode-decoder';
import './camera.css';

/** Opens the image file picker (the same keys as "Open…" everywhere). */
const OPEN_IMAGE_SHORTCUT = 'Ctrl+O';

/** The chooser had the focus; the lane's typing goes back to its scan field. */
const focusScanField = () => document.getElementById('scan-input')?.focus();

/** A code read from pixels, ready to go to the core as a scan. */
export interface PixelScan {
  readonly text: string;
  readonly source: 'camera' | 'image';
  /** AIM identifier, as a hardware scanner would send it (e.g. `]Q1`). */
  readonly symbology: string;
}

/** Where a picture came from: a file's name, or null for a pasted picture (named in the operator's language). */
type PictureName = string | null;

type ImageProblem =
  | { readonly key: 'notAnImage' | 'nothingFound' }
  | { readonly key: 'tooLarge'; readonly size: string; readonly max: string }
  | { readonly key: 'decoderFailed'; readonly detail: string };

type ImageState =
  | { readonly state: 'idle' }
  | { readonly state: 'reading'; readonly name: PictureName }
  | { readonly state: 'read'; readonly name: PictureName; readonly code: DecodedBarcode }
  | { readonly state: 'choose'; readonly name: PictureName; readonly codes: readonly DecodedBarcode[] }
  | { readonly state: 'problem'; readonly name: PictureName; readonly problem: ImageProblem };

/**
 * 2D codes from pixels on the lane: the camera (F6), an image file (Open image…, Ctrl+O) or a pasted
 * picture (Ctrl+V). All decode in one Web Worker with the bundled zxing-wasm; each code read goes to
 * `onScan` like a scanner's.
 */
export function LaneCodeReader({ onScan }: { onScan: (scan: PixelScan) => Promise<void> | void }) {
  const { t } = useTranslation('camera');
  const decoder = useBarcodeDecoder();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [lastRead, setLastRead] = useState<DecodedBarcode | null>(null);
  const [image, setImage] = useState<ImageState>({ state: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  // Scans go to the core one after another: a second code from the same frame joins the traveller the first opened.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const submit = useCallback(
    (code: DecodedBarcode, source: PixelScan['source']): boolean => {
      // An all-blank code would read as "Enter on an empty field" (= record the decision): never send it.
      if (code.text.trim().length === 0) return false;
      const scan: PixelScan = { text: code.text, source, symbology: aimIdentifierOf(code.format) };
      queue.current = queue.current.then(() => onScan(scan)).catch(() => undefined);
      return true;
    },
    [onScan],
  );

  const onCameraCode = useCallback(
    (code: DecodedBarcode) => {
      if (submit(code, 'camera')) setLastRead(code);
    },
    [submit],
  );

  const scanImage = useCallback(
    async (blob: Blob, name: PictureName) => {
      setImage({ state: 'reading', name });
      const bitmap = await imageBitmapOf(blob);
      if (!bitmap.ok) {
        const { error } = bitmap;
        return setImage({ state: 'problem', name, problem: error.code === 'file-too-large' ? { key: 'tooLarge', size: error.sizeMb, max: error.maxMb } : { key: 'notAnImage' } });
      }
      const decoded = await decoder.decode(bitmap.value, 'image');
      if (!decoded.ok) return setImage({ state: 'problem', name, problem: { key: 'decoderFailed', detail: decoded.error.message } });
      const codes = uniqueCodes(decoded.value).filter((code) => code.text.trim().length > 0);
      if (codes.length === 0) return setImage({ state: 'problem', name, problem: { key: 'nothingFound' } });
      if (codes.length > 1) return setImage({ state: 'choose', name, codes });
      const [only] = codes as [DecodedBarcode];
      submit(only, 'image');
      setImage({ state: 'read', name, code: only });
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
      void scanImage(file, null);
    };
    window.addEventListener('paste', onPaste, { capture: true });
    return () => window.removeEventListener('paste', onPaste, { capture: true });
  }, [scanImage]);

  const nameOf = (name: PictureName): string => name ?? t('image.pasted');

  return (
    <section className="code-reader" aria-label={t('region')}>
      <div className="code-reader__actions">
        <button type="button" className="direction__option" data-testid="toggle-camera" aria-pressed={cameraOpen} onClick={() => setCameraOpen((open) => !open)}>
          {cameraOpen ? t('turnOff') : t('turnOn')} <kbd>{CAMERA_SHORTCUT}</kbd>
        </button>
        <button type="button" className="direction__option" data-testid="open-image" onClick={() => fileInput.current?.click()}>
          {t('openImage')} <kbd>{OPEN_IMAGE_SHORTCUT}</kbd>
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
        <span className="code-reader__hint">{t('pasteHint')}</span>
        {image.state === 'reading' && (
          <span role="status" data-testid="image-status">
            {t('image.reading', { name: nameOf(image.name) })}
          </span>
        )}
        {image.state === 'read' && (
          <span role="status" data-testid="image-status">
            {t('image.read', { name: nameOf(image.name), format: t(`format.${image.code.format}`) })}
          </span>
        )}
      </div>
      {image.state === 'problem' && (
        <div className="error-banner" role="alert" data-testid="image-problem" data-code={image.problem.key}>
          {t(`image.${image.problem.key}`, { name: nameOf(image.name), size: '', max: '', detail: '', ...image.problem })}
        </div>
      )}
      {image.state === 'choose' && (
        <CodeChooser
          source={nameOf(image.name)}
          codes={image.codes}
          onCancel={() => {
            setImage({ state: 'idle' });
            focusScanField();
          }}
          onChoose={(code) => {
            focusScanField();
            submit(code, 'image');
            setImage({ state: 'read', name: image.name, code });
          }}
        />
      )}
      {cameraOpen && <CameraPanel decoder={decoder} onCode={onCameraCode} lastRead={lastRead} />}
    </section>
  );
}
