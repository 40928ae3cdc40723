import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { parseMrz } from '../../../shared/domain/mrz';
import { useMrzProblemText } from '../../i18n';
import { CheckDigitTable } from './CheckDigitTable';

/** Paste or type a whole MRZ; it is parsed as you type and each check digit's status is shown. */
export function PasteMrzBox({ referenceDate, onUse }: { referenceDate: Date; onUse: (mrz: string) => void }) {
  const { t } = useTranslation('manualMrz');
  const problemText = useMrzProblemText();
  const [text, setText] = useState('');
  const result = useMemo(() => (text.trim() ? parseMrz(text, { referenceDate }) : null), [text, referenceDate]);
  return (
    <section className="manual-mrz__paste" aria-labelledby="paste-mrz-title">
      <h3 id="paste-mrz-title">{t('pasteTitle')}</h3>
      <textarea
        className="manual-mrz__text"
        data-testid="paste-mrz"
        rows={3}
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-labelledby="paste-mrz-title"
        aria-describedby="paste-mrz-status"
      />
      <div id="paste-mrz-status" role="status">
        {result && !result.readable && <p className="manual-mrz__problem">{result.problems.map(problemText).join(' ')}</p>}
        {result?.readable && (
          <>
            <p data-testid="paste-mrz-summary">
              {result.format}: {result.status === 'valid' ? t('pasteValid') : result.status === 'valid-after-correction' ? t('pasteCorrected') : t('pasteErrors')}
            </p>
            <CheckDigitTable result={result} />
            {result.problems.length > 0 && (
              <ul className="manual-mrz__problems">
                {result.problems.map((problem, index) => (
                  <li key={`${problem.code}-${index}`}>{problemText(problem)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <button type="button" className="button" disabled={!result?.readable} onClick={() => onUse(text)} data-testid="paste-mrz-use">
        {t('pasteCheck')}
      </button>
    </section>
  );
}
