import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecodedBarcode } from '../../../shared/domain/barcode';
import { previewOf } from './unique-codes';

/**
 * Several codes in one picture (a certificate with a DCC and a lab-link QR): the operator picks one with
 * the keyboard — digits 1–9, or arrows and Enter; Esc closes the list and leaves the lane as it was.
 */
export function CodeChooser({ source, codes, onChoose, onCancel }: { source: string; codes: readonly DecodedBarcode[]; onChoose: (code: DecodedBarcode) => void; onCancel: () => void }) {
  const { t } = useTranslation('camera');
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('button')?.focus();
  }, [codes]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const buttons = Array.from(list.current?.querySelectorAll('button') ?? []);
    const at = buttons.findIndex((button) => button === document.activeElement);
    if (event.key === 'Escape') {
      onCancel();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (/^[1-9]$/.test(event.key) && codes[Number(event.key) - 1]) {
      onChoose(codes[Number(event.key) - 1] as DecodedBarcode);
    } else {
      return;
    }
    // Handled here: the lane's own Esc (clear the traveller) and other shortcuts must not also fire.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <section className="code-chooser" data-testid="code-chooser" aria-labelledby="code-chooser-title" onKeyDown={onKeyDown}>
      <h2 id="code-chooser-title">
        {t('chooser.title', { name: source, total: codes.length })} <span className="code-chooser__keys">({t('chooser.keys', { last: Math.min(codes.length, 9) })})</span>
      </h2>
      <ol ref={list} className="code-chooser__list">
        {codes.map((code, index) => (
          <li key={`${code.format}:${code.text}`}>
            <button type="button" className="code-chooser__option" data-testid="code-choice" onClick={() => onChoose(code)}>
              {index < 9 && <kbd>{index + 1}</kbd>} <strong>{t(`format.${code.format}`)}</strong> <span className="code-chooser__text">{previewOf(code.text)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
