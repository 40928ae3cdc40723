import { useScanCapture, type CapturedScan } from './use-scan-capture';
import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export const ScanField = memo(function ScanField({ onScan, busy }: { onScan: (scan: CapturedScan) => void; busy: boolean }) {
  const { t } = useTranslation('lane');
  const { fieldRef, onKeyDown, onPaste, focus } = useScanCapture(onScan);
  useEffect(() => {
    focus();
    // Keep the lane keyboard-first: after a click on anything but another form's control, the next scan lands here.
    const refocus = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('input, select, textarea, [contenteditable="true"]')) return;
      setTimeout(focus, 0);
    };
    // Esc clears the lane, the half-typed text in this field included.
    const clear = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && fieldRef.current) fieldRef.current.value = '';
    };
    window.addEventListener('click', refocus);
    window.addEventListener('keydown', clear);
    return () => {
      window.removeEventListener('click', refocus);
      window.removeEventListener('keydown', clear);
    };
  }, [focus, fieldRef]);
  return (
    <div className="scan-field">
      <label htmlFor="scan-input" className="scan-field__label" title={t('scanLabel')}>
        {t('scanLabel')}
      </label>
      <textarea
        id="scan-input"
        data-testid="scan-input"
        ref={fieldRef}
        className="scan-field__input"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="characters"
        aria-busy={busy}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
    </div>
  );
});
