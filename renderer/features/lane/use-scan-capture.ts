import { useCallback, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { ScanSource } from '../../../shared/contract';

/**
 * A keyboard-wedge scanner types each MRZ line and presses Enter, then types the next line within a few
 * milliseconds. So an Enter only submits once the keyboard stays quiet for `enterGraceMs`; a key that
 * follows sooner turns that Enter into a line break of the same scan.
 */
export const ENTER_GRACE_MS = 60;
/** Mean gap between keys below which input counts as a scanner burst rather than a person typing. */
export const WEDGE_MEAN_GAP_MS = 30;

export interface CapturedScan {
  readonly text: string;
  readonly source: ScanSource;
}

export function useScanCapture(onSubmit: (scan: CapturedScan) => void) {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const pendingEnter = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keyTimes = useRef<number[]>([]);
  const pasted = useRef(false);

  const submit = useCallback(() => {
    pendingEnter.current = undefined;
    const field = fieldRef.current;
    if (!field) return;
    const text = field.value;
    const times = keyTimes.current;
    const meanGap = times.length > 1 ? (times[times.length - 1]! - times[0]!) / (times.length - 1) : Number.POSITIVE_INFINITY;
    const source: ScanSource = pasted.current ? 'paste' : meanGap < WEDGE_MEAN_GAP_MS ? 'wedge' : 'manual';
    field.value = '';
    keyTimes.current = [];
    pasted.current = false;
    onSubmit({ text, source });
  }, [onSubmit]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      const field = event.currentTarget;
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        if (pendingEnter.current !== undefined) clearTimeout(pendingEnter.current);
        pendingEnter.current = setTimeout(submit, ENTER_GRACE_MS);
        return;
      }
      if (event.key.length === 1) {
        if (pendingEnter.current !== undefined) {
          clearTimeout(pendingEnter.current);
          pendingEnter.current = undefined;
          field.setRangeText('\n', field.selectionStart, field.selectionEnd, 'end');
        }
        keyTimes.current.push(event.timeStamp);
      }
    },
    [submit],
  );

  const onPaste = useCallback((_event: ClipboardEvent<HTMLTextAreaElement>) => {
    pasted.current = true;
  }, []);

  const focus = useCallback(() => fieldRef.current?.focus(), []);

  return { fieldRef, onKeyDown, onPaste, focus };
}
