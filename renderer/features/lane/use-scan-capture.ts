import { useCallback, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { ScanSource } from '../../../shared/contract';

/**
 * The lane's scan field, for what a person enters: typed or pasted text submitted with Enter
 * (Shift+Enter for a line break). Scanner bursts never reach it: the window-level wedge capture
 * (use-wedge-capture.ts) takes them wherever the focus is, before any field sees a key.
 */
export interface CapturedScan {
  readonly text: string;
  readonly source: ScanSource;
  /** AIM symbology identifier when the reader knows it (camera and image codes, e.g. `]Q1`). */
  readonly symbology?: string;
}

export function useScanCapture(onSubmit: (scan: CapturedScan) => void) {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const pasted = useRef(false);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey) return;
      event.preventDefault();
      const field = event.currentTarget;
      const text = field.value;
      const source: ScanSource = pasted.current ? 'paste' : 'manual';
      field.value = '';
      pasted.current = false;
      // An empty field + Enter confirms the decision on screen (LaneScreen records it).
      onSubmit({ text, source });
    },
    [onSubmit],
  );

  const onPaste = useCallback((_event: ClipboardEvent<HTMLTextAreaElement>) => {
    pasted.current = true;
  }, []);

  const focus = useCallback(() => fieldRef.current?.focus(), []);

  return { fieldRef, onKeyDown, onPaste, focus };
}
