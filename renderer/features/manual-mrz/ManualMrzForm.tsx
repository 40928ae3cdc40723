import { useTranslation } from 'react-i18next';
import { useId, useState, type ChangeEvent } from 'react';
import { CheckDigitTable } from './CheckDigitTable';
import { PasteMrzBox } from './PasteMrzBox';
import { useManualMrz, type ManualFields } from './use-manual-mrz';
import { useFormat, useMrzProblemText } from '../../i18n';

interface FieldProps {
  name: keyof ManualFields;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems?: string[];
  hint?: string;
  placeholder?: string;
}

function Field({ name, label, value, onChange, problems, hint, placeholder }: FieldProps) {
  const id = useId();
  return (
    <div className={`manual-mrz__field ${problems?.length ? 'manual-mrz__field--bad' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        data-testid={`manual-${name}`}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(problems?.length)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      {hint && <small>{hint}</small>}
      {problems?.map((message) => (
        <small key={message} className="manual-mrz__problem">
          {message}
        </small>
      ))}
    </div>
  );
}

/**
 * Consular manual entry: the MRZ is built from the data page field by field as the officer types,
 * with each field's problems and the check digits shown live; or a whole MRZ can be pasted.
 */
export function ManualMrzForm({ onSubmit, onClose }: { onSubmit: (mrz: string) => void; onClose: () => void }) {
  const { t } = useTranslation('manualMrz');
  const [referenceDate] = useState(() => new Date());
  const { fields, set, lines, problemsByField, parsed } = useManualMrz(referenceDate);
  const problemText = useMrzProblemText();
  const problems = (field: string) => problemsByField.get(field)?.map(problemText);
  const format = useFormat();
  const stateName = fields.issuingState.length >= 1 ? format.country(fields.issuingState.toUpperCase()) : null;
  return (
    <section className="manual-mrz" aria-labelledby="manual-mrz-title" data-testid="manual-mrz">
      <header className="manual-mrz__header">
        <h2 id="manual-mrz-title">{t('title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('close')} <kbd>Esc</kbd>
        </button>
      </header>
      {/* Enter in any field checks the document once the MRZ is complete, like the button below. */}
      <div
        className="manual-mrz__grid"
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || !lines) return;
          event.preventDefault();
          onSubmit(lines.join('\n'));
        }}
      >
        <div className="manual-mrz__field">
          <label htmlFor="manual-format">{t('document')}</label>
          <select
            id="manual-format"
            data-testid="manual-format"
            autoFocus
            value={fields.format}
            onChange={(event) => {
              const format = event.target.value as ManualFields['format'];
              set('format', format);
              set('documentCode', format === 'TD3' ? 'P' : 'ID');
            }}
          >
            <option value="TD3">{t('td3')}</option>
            <option value="TD1">{t('td1')}</option>
            <option value="TD2">{t('td2')}</option>
          </select>
        </div>
        <Field name="documentCode" label={t('documentCode')} value={fields.documentCode} onChange={(v) => set('documentCode', v)} problems={problems('documentCode')} />
        <Field
          name="issuingState"
          label={t('issuingState')}
          value={fields.issuingState}
          onChange={(v) => set('issuingState', v)}
          problems={problems('issuingState')}
          hint={stateName ?? t('stateHint')}
        />
        <Field name="surname" label={t('surname')} value={fields.surname} onChange={(v) => set('surname', v)} problems={problems('surname')} hint={t('surnameHint')} />
        <Field name="givenNames" label={t('givenNames')} value={fields.givenNames} onChange={(v) => set('givenNames', v)} problems={problems('givenNames')} />
        <Field name="documentNumber" label={t('documentNumber')} value={fields.documentNumber} onChange={(v) => set('documentNumber', v)} problems={problems('documentNumber')} />
        <Field name="nationality" label={t('nationality')} value={fields.nationality ?? ''} onChange={(v) => set('nationality', v)} problems={problems('nationality')} />
        <Field name="birthDate" label={t('birthDate')} value={fields.birthDate} onChange={(v) => set('birthDate', v)} problems={problems('birthDate')} placeholder={t('datePlaceholder')} />
        <div className="manual-mrz__field">
          <label htmlFor="manual-sex">{t('sex')}</label>
          <select id="manual-sex" data-testid="manual-sex" value={fields.sex} onChange={(event) => set('sex', event.target.value as ManualFields['sex'])}>
            <option value="M">{t('sexM')}</option>
            <option value="F">{t('sexF')}</option>
            <option value="X">{t('sexX')}</option>
            <option value="<">{t('sexUnspecified')}</option>
          </select>
        </div>
        <Field name="expiryDate" label={t('expiryDate')} value={fields.expiryDate ?? ''} onChange={(v) => set('expiryDate', v)} problems={problems('expiryDate')} placeholder={t('datePlaceholder')} />
        <Field name="optionalData" label={t('optionalData')} value={fields.optionalData ?? ''} onChange={(v) => set('optionalData', v)} problems={problems('optionalData')} />
      </div>
      {problems('form') && <p className="manual-mrz__problem">{problems('form')?.join(' ')}</p>}
      {lines && (
        <div className="manual-mrz__result">
          <pre className="manual-mrz__lines" data-testid="manual-mrz-lines">
            {lines.join('\n')}
          </pre>
          {parsed?.readable && <CheckDigitTable result={parsed} />}
          <button type="button" className="button button--primary" data-testid="manual-mrz-submit" onClick={() => onSubmit(lines.join('\n'))}>
            {t('checkDocument')}
          </button>
        </div>
      )}
      <PasteMrzBox referenceDate={referenceDate} onUse={onSubmit} />
    </section>
  );
}
