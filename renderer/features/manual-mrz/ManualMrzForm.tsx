import { useId, useState, type ChangeEvent } from 'react';
import { countryName } from '../../../shared/domain/mrz';
import { CheckDigitTable } from './CheckDigitTable';
import { PasteMrzBox } from './PasteMrzBox';
import { useManualMrz, type ManualFields } from './use-manual-mrz';

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
  const [referenceDate] = useState(() => new Date());
  const { fields, set, lines, problemsByField, parsed } = useManualMrz(referenceDate);
  const problems = (field: string) => problemsByField.get(field)?.map((p) => p.message);
  const stateName = fields.issuingState.length >= 1 ? countryName(fields.issuingState.toUpperCase()) : null;
  return (
    <section className="manual-mrz" aria-labelledby="manual-mrz-title" data-testid="manual-mrz">
      <header className="manual-mrz__header">
        <h2 id="manual-mrz-title">Manual MRZ entry</h2>
        <button type="button" className="button" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="manual-mrz__grid">
        <div className="manual-mrz__field">
          <label htmlFor="manual-format">Document</label>
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
            <option value="TD3">Passport (TD3, 2 × 44)</option>
            <option value="TD1">ID card (TD1, 3 × 30)</option>
            <option value="TD2">ID card (TD2, 2 × 36)</option>
          </select>
        </div>
        <Field name="documentCode" label="Document code" value={fields.documentCode} onChange={(v) => set('documentCode', v)} problems={problems('documentCode')} />
        <Field
          name="issuingState"
          label="Issuing state"
          value={fields.issuingState}
          onChange={(v) => set('issuingState', v)}
          problems={problems('issuingState')}
          hint={stateName ?? 'three-letter code, e.g. TJK'}
        />
        <Field name="surname" label="Surname" value={fields.surname} onChange={(v) => set('surname', v)} problems={problems('surname')} hint="any script; transliterated per ICAO 9303" />
        <Field name="givenNames" label="Given names" value={fields.givenNames} onChange={(v) => set('givenNames', v)} problems={problems('givenNames')} />
        <Field name="documentNumber" label="Document number" value={fields.documentNumber} onChange={(v) => set('documentNumber', v)} problems={problems('documentNumber')} />
        <Field name="nationality" label="Nationality" value={fields.nationality ?? ''} onChange={(v) => set('nationality', v)} problems={problems('nationality')} />
        <Field name="birthDate" label="Date of birth" value={fields.birthDate} onChange={(v) => set('birthDate', v)} problems={problems('birthDate')} placeholder="YYYY-MM-DD" />
        <div className="manual-mrz__field">
          <label htmlFor="manual-sex">Sex</label>
          <select id="manual-sex" data-testid="manual-sex" value={fields.sex} onChange={(event) => set('sex', event.target.value as ManualFields['sex'])}>
            <option value="M">M</option>
            <option value="F">F</option>
            <option value="X">X</option>
            <option value="<">unspecified</option>
          </select>
        </div>
        <Field name="expiryDate" label="Expiry date" value={fields.expiryDate ?? ''} onChange={(v) => set('expiryDate', v)} problems={problems('expiryDate')} placeholder="YYYY-MM-DD" />
        <Field name="optionalData" label="Personal / optional number" value={fields.optionalData ?? ''} onChange={(v) => set('optionalData', v)} problems={problems('optionalData')} />
      </div>
      {problems('form') && <p className="manual-mrz__problem">{problems('form')?.join(' ')}</p>}
      {lines && (
        <div className="manual-mrz__result">
          <pre className="manual-mrz__lines" data-testid="manual-mrz-lines">
            {lines.join('\n')}
          </pre>
          {parsed?.readable && <CheckDigitTable result={parsed} />}
          <button type="button" className="button button--primary" data-testid="manual-mrz-submit" onClick={() => onSubmit(lines.join('\n'))}>
            Check this document
          </button>
        </div>
      )}
      <PasteMrzBox referenceDate={referenceDate} onUse={onSubmit} />
    </section>
  );
}
